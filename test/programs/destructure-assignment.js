// Tests destructuring assignment: parenthesised object patterns, member targets, expression value.
let a, b, c;
({ a, b } = { a: 1, b: 2 });
console.log(a, b);
[a, b] = [b, a];
console.log(a, b);
const obj = {};
({ x: obj.x, y: obj["y"] } = { x: "X", y: "Y" });
console.log(obj.x, obj.y);
const arr = [];
[arr[0], arr[2]] = ["zero", "two"];
console.log(arr.length, arr[0], arr[2], 1 in arr);
// value of a destructuring assignment expression is the right-hand side
const rhs = [5, 6];
const value = ([a, b] = rhs);
console.log(value === rhs, a, b);
let p, q;
const chained = (p = [q] = [7]);
console.log(p, q, Array.isArray(chained));
// assignments to setters
const log = [];
const target = {
  set s(v) {
    log.push("set s=" + v);
  },
};
[target.s, target.s] = [1, 2];
({ k: target.s } = { k: 3 });
console.log(log.join(", "));
// assignment in loop headers
const pts = [
  [1, 2],
  [3, 4],
];
let px, py;
for ([px, py] of pts) console.log("point", px, py);
console.log("after loop", px, py);
let kk, vv;
for ({ k: kk, v: vv } of [{ k: "a", v: 1 }]) console.log(kk, vv);
// default values in assignment patterns
let d1, d2;
[d1 = "d1", d2 = d1 + "!"] = [];
console.log(d1, d2);
({ m: c = "cdefault" } = {});
console.log(c);
// fibonacci with destructuring swap
let f0 = 0,
  f1 = 1;
for (let i = 0; i < 10; i++) [f0, f1] = [f1, f0 + f1];
console.log(f0, f1);
// assigning to const in destructuring throws TypeError
const K = 1;
try {
  [K] = [2];
} catch (e) {
  console.log("const target:", e.constructor.name, K);
}
