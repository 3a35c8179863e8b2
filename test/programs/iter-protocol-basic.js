// Tests the iterator protocol by hand: next() results, done/value, built-in iterator shapes.
const arr = ["a", "b"];
const it = arr[Symbol.iterator]();
let r = it.next();
console.log(JSON.stringify(r), Object.keys(r).join(","));
r = it.next();
console.log(JSON.stringify(r));
r = it.next();
console.log(JSON.stringify(r), "value" in r, r.value);
console.log(JSON.stringify(it.next()));
console.log(it[Symbol.iterator]() === it);
// iterator prototypes
const arrayIterProto = Object.getPrototypeOf(it);
const iterProto = Object.getPrototypeOf(arrayIterProto);
console.log(typeof iterProto[Symbol.iterator], iterProto === Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())).__proto__);
console.log(Object.prototype.toString.call(it), arrayIterProto[Symbol.toStringTag]);
console.log(Object.prototype.toString.call(new Map().entries()));
console.log(Object.prototype.toString.call(new Set().values()));
// a hand-written iterable that counts its own usage
function makeIterable(n) {
  const stats = { iterators: 0, nexts: 0 };
  const iterable = {
    stats,
    [Symbol.iterator]() {
      stats.iterators++;
      let i = 0;
      return {
        next() {
          stats.nexts++;
          return i < n ? { value: i++, done: false } : { value: undefined, done: true };
        },
      };
    },
  };
  return iterable;
}
const src = makeIterable(3);
for (const v of src) console.log("v", v);
console.log(JSON.stringify(src.stats));
console.log([...src].join(","), JSON.stringify(src.stats));
// done can be any truthy/falsy value; value missing means undefined
const weird = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next() {
        i++;
        if (i === 1) return { value: "first", done: 0 };
        if (i === 2) return { done: "" };
        return { value: "ignored", done: "yes" };
      },
    };
  },
};
console.log(JSON.stringify([...weird]));
// next receives no argument from for-of
const argLog = [];
const argIt = {
  [Symbol.iterator]() {
    return {
      next(...a) {
        argLog.push(a.length);
        return { done: argLog.length > 2, value: 1 };
      },
    };
  },
};
for (const _ of argIt);
console.log(argLog.join(","));
