// Tests yield* to arrays, strings, Sets, Maps and arguments.
function* flat() {
  yield* [1, 2];
  yield* "ab";
  yield* new Set(["s"]);
  yield* new Map([["k", "v"]]);
  yield* [];
  yield "end";
}
console.log(JSON.stringify([...flat()]));
function* withArgs() {
  yield* arguments;
}
console.log([...withArgs(7, 8, 9)].join(","));
// yield* result of an array iterator is undefined
function* result() {
  const r = yield* [1];
  yield "result:" + r;
}
console.log([...result()].join(","));
// yield* to sparse arrays yields undefined for holes
function* sparse() {
  yield* [1, , 3];
}
console.log(JSON.stringify([...sparse()]));
// flatten nested arrays recursively
function* deepFlat(arr) {
  for (const x of arr) {
    if (Array.isArray(x)) yield* deepFlat(x);
    else yield x;
  }
}
console.log([...deepFlat([1, [2, [3, [4]], 5], [[6]]])].join(""));
// next values are ignored by array iterators
function* passThrough() {
  yield* ["x", "y"];
}
const p = passThrough();
console.log(p.next("a").value, p.next("b").value, p.next("c").done);
// yield* a non-iterable throws TypeError at that point
function* bad() {
  yield "before";
  yield* 42;
}
const b = bad();
console.log(b.next().value);
try {
  b.next();
} catch (e) {
  console.log("yield* 42:", e.constructor.name, JSON.stringify(b.next()));
}
