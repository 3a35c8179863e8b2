// Fused instructions (compiler/fuse.ts) on the values their fast paths leave to the
// unfused code: `i++`/`i--` on strings, bigints, objects and undefined; `<` and
// friends on strings, objects with valueOf, mixed and NaN; `===` jumps; calls with
// too few or too many arguments, sloppy `this`, constructors returning objects.
function bumps(v) {
  let a = v;
  a++;
  let b = v;
  b--;
  let c = v;
  const d = ++c;
  let e = v;
  const f = e++;
  return [typeof a, String(a), String(b), String(d), String(f), String(e)];
}
console.log(bumps(1).join(" "), bumps(2.5).join(" "), bumps(10n).join(" "));
console.log(bumps("7").join(" "), bumps(undefined).join(" "), bumps(null).join(" "));
let calls = 0;
console.log(bumps({ valueOf: () => (calls++, 41) }).join(" "), calls);

function cmp(a, b) {
  const out = [];
  if (a < b) out.push("lt");
  if (a <= b) out.push("le");
  if (a > b) out.push("gt");
  if (a >= b) out.push("ge");
  if (a === b) out.push("seq");
  if (a !== b) out.push("sne");
  return out.join(",") || "none";
}
const box = (n) => ({ valueOf: () => n });
for (const [a, b] of [
  [1, 2],
  [2, 2],
  [3, 2],
  ["a", "b"],
  ["10", "9"],
  ["10", 9],
  [1n, 2],
  [NaN, 1],
  [box(1), box(2)],
  [box(5), 3],
  [undefined, 0],
  [null, 0],
]) {
  console.log(String(a), String(b), cmp(a, b));
}

// Loops whose counters are not numbers all along.
let s = "";
for (let i = "0"; i < 5; i++) s += typeof i + i + " ";
console.log(s);
let t = 0;
for (let j = 3n; j > 0n; j--) t += Number(j);
console.log(t);

// A jump into the middle of a fused sequence: the condition of `for (;;)` after
// `continue` and the loop head reached from two places.
let k = 0;
let hits = 0;
while (k < 10) {
  k++;
  if (k % 3 === 0) continue;
  hits += k;
}
console.log(k, hits);

// Calls and constructors the fast paths take, and those they leave to the general path.
function three(a, b, c) {
  return [a, b, c, this === globalThis || this === undefined ? "global" : typeof this];
}
console.log(three(1).join(" "), three(1, 2, 3, 4).join(" "), three.call("str", 1).join(" "));
function strictThis() {
  "use strict";
  return this;
}
console.log(strictThis(), strictThis.call(5));
function Point(x, y) {
  this.x = x;
  this.y = y;
}
function Wrapped(x) {
  this.lost = true;
  return { x };
}
function Prim() {
  this.kept = true;
  return 3;
}
const p = new Point(1, 2);
console.log(p instanceof Point, p.x + p.y, new Wrapped(7).x, new Wrapped(7).lost, new Prim().kept);
class Base {
  constructor(v) {
    this.v = v;
  }
}
class Derived extends Base {
  constructor() {
    super(9);
  }
}
console.log(new Base(4).v, new Derived().v);
function counts() {
  return arguments.length;
}
console.log(counts(1, 2, 3), new counts() instanceof counts);
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
console.log(fib(7));

// `++i` / `i--` whose result is dropped (a for-loop's init) fuse twice: the increment
// with its store, and the store with the POP after it. Inside a for-of the iterator is
// on the stack below, so a lost or extra POP shows (Octane's box2d found it).
function initIncrement() {
  const out = [];
  for (const x of ["a", "b"]) {
    let i = 0;
    for (++i; i < 3; ) i += 1;
    for (i--; i > 0; ) i -= 1;
    let j = 5;
    for (j++, j--; j > 4; ) j--;
    out.push(x + i + j);
  }
  return out.join(",");
}
console.log(initIncrement());
