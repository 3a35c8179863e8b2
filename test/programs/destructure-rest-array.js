// Tests rest elements in array patterns: always arrays, nested rest patterns, iterables.
const [head, ...tail] = [1, 2, 3, 4];
console.log(head, tail.join(","), Array.isArray(tail));
const [...all] = "abc";
console.log(all.length, all.join("-"));
const [x, ...none] = [1];
console.log(x, none.length, Array.isArray(none));
const [a, ...[b, c]] = [1, 2, 3, 4];
console.log(a, b, c);
const [f, ...{ length }] = [1, 2, 3];
console.log(f, length);
function* g() {
  yield 1;
  yield 2;
  yield 3;
}
const [g1, ...gRest] = g();
console.log(g1, gRest.join(","));
let r1, r2;
[r1, ...r2] = new Set([5, 6, 7]);
console.log(r1, r2.join(","));
// rest assigns into member expressions
const holder = {};
[holder.first, ...holder.others] = ["p", "q", "r"];
console.log(holder.first, holder.others.join(""));
// rest copies holes as undefined
const [, ...fromSparse] = [0, , 2];
console.log(fromSparse.length, 0 in fromSparse, fromSparse[0]);
// rest in parameters
function params(a, ...rest) {
  return a + ":" + rest.length + ":" + rest.join("|");
}
console.log(params(), params(1), params(1, 2, 3));
const arrowRest = (...args) => args.reduce((s, v) => s + v, 0);
console.log(arrowRest(1, 2, 3, 4));
// rest array is a fresh array, not the source
const src = [1, 2, 3];
const [...copy] = src;
copy.push(4);
console.log(src.length, copy.length);
