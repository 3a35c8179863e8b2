// Tests yield* between generators: return values, next args forwarded, nested delegation.
function* inner(tag) {
  const a = yield tag + "-1";
  const b = yield tag + "-2:" + a;
  return tag + " returned " + b;
}
function* outer() {
  const r1 = yield* inner("A");
  yield "outer saw: " + r1;
  const r2 = yield* inner("B");
  return "outer end (" + r2 + ")";
}
const g = outer();
const seen = [];
let r = g.next("n0");
let i = 1;
while (!r.done) {
  seen.push(r.value);
  r = g.next("n" + i++);
}
seen.push("final: " + r.value);
console.log(seen.join("\n"));
// three levels deep
function* level3() {
  yield 3;
  return "L3";
}
function* level2() {
  yield 2;
  return (yield* level3()) + "+L2";
}
function* level1() {
  yield 1;
  const r = yield* level2();
  yield r;
}
console.log([...level1()].join(", "));
// delegating to the same generator object twice: second yield* sees it done
function* once() {
  yield "only";
  return "R";
}
function* twice() {
  const it = once();
  const a = yield* it;
  const b = yield* it;
  yield a + "/" + b;
}
console.log([...twice()].join(","));
// delegation inside loops and conditionals
function* evens(n) {
  for (let i = 0; i < n; i += 2) yield i;
}
function* odds(n) {
  for (let i = 1; i < n; i += 2) yield i;
}
function* choose(flag, n) {
  yield* flag ? evens(n) : odds(n);
}
console.log([...choose(true, 7)].join(), [...choose(false, 7)].join());
