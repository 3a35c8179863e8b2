// Tests the value attached to done:true results: ignored by for-of/spread, seen by yield* and next().
function* g() {
  yield 1;
  yield 2;
  return "the return value";
}
console.log([...g()].join(","));
const collected = [];
for (const v of g()) collected.push(v);
console.log(collected.join(","));
const [a, b, c] = g();
console.log(a, b, c);
function* wrap() {
  const r = yield* g();
  yield "wrapped:" + r;
}
console.log([...wrap()].join(","));
const it = g();
it.next();
it.next();
console.log(JSON.stringify(it.next()), JSON.stringify(it.next()));
console.log(Array.from(g()).length);
// a user iterator whose final result carries a value
const custom = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next() {
        i++;
        return i < 3 ? { value: i, done: false } : { value: "final", done: true };
      },
    };
  },
};
function* wrapCustom() {
  return yield* custom;
}
const w = wrapCustom();
console.log(JSON.stringify(w.next()), JSON.stringify(w.next()), JSON.stringify(w.next()));
// generator without return statement: value undefined
function* noReturn() {
  yield "x";
}
const n = noReturn();
n.next();
const last = n.next();
console.log(last.done, last.value, "value" in last);
