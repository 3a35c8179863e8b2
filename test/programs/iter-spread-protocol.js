// Tests how spread, for-of and destructuring drive an array's iterator, traced via getters/Proxy.
const log = [];
const arr = new Proxy([10, 20], {
  get(t, k, r) {
    log.push(typeof k === "symbol" ? k.description : k);
    return Reflect.get(t, k, r);
  },
});
const copy = [...arr];
console.log(copy.join(","), "|", log.join(" "));
log.length = 0;
for (const v of arr) log.push("body " + v);
console.log(log.join(" "));
log.length = 0;
const [x] = arr;
console.log(x, "|", log.join(" "));
log.length = 0;
Math.max(...arr);
console.log(log.join(" "));
// patched ArrayIteratorPrototype.next affects all array iteration
const ArrayIteratorProto = Object.getPrototypeOf([][Symbol.iterator]());
const origNext = ArrayIteratorProto.next;
let nextCalls = 0;
ArrayIteratorProto.next = function () {
  nextCalls++;
  return origNext.call(this);
};
const s = [...[1, 2, 3]];
for (const _ of ["a"]);
const [p, q] = [7, 8, 9];
ArrayIteratorProto.next = origNext;
console.log(s.length, p, q, nextCalls);
// the next method is read once per loop, not per step
let nextReads = 0;
const iterable = {
  [Symbol.iterator]() {
    let i = 0;
    const it = {};
    Object.defineProperty(it, "next", {
      get() {
        nextReads++;
        return () => (i < 4 ? { value: i++, done: false } : { done: true });
      },
    });
    return it;
  },
};
console.log([...iterable].join(","), nextReads);
