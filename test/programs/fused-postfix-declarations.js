// speed11's fused instructions: a postfix update of a local whose old value is used
// (`a[i++]`, `w[j--] = v`, `f(n++)`) and a block declaration's TDZ mark (EMPTY;
// INIT_LOCAL) — on their fast paths and off them (strings, BigInts, objects with
// valueOf, undefined, -0), nested in the older fusions that follow or precede them (two
// locals before `a[i++]`, `x[++i]` after another local, `i++` feeding a comparison, an
// element store as a statement, `for (++i; …)` inside a for-of), and a TDZ error that
// must still be thrown inside a loop body; a local and a constant operand (`x * 0.999`)
// and a local then another's property (`sum + o.x`, `i < a.length`), on numbers, strings,
// BigInts, getters, primitives, null receivers and objects that change shape.
"use strict";
const out = [];
const log = (...a) => out.push(a.map(String).join(","));

// Reads and writes through a postfix index, as crypto's am3 does.
function am(src, n) {
  let i = 0;
  let j = 0;
  let s = 0;
  const w = [];
  while (--n >= 0) {
    s += src[i++];
    w[j++] = s & 0xff;
    const back = src[j--];
    j++;
    if (back === undefined) break;
  }
  return [s, i, j, w.join(" ")];
}
log(am([1, 2, 3, 4, 5, 6, 7, 8], 6));
log(am([1, 2], 5));

// The old value of each kind: the fast path only for numbers.
function post(v) {
  let x = v;
  const a = [x++, x];
  let y = v;
  const b = [y--, y];
  return [a.join("/"), b.join("/")].join(" ");
}
log(post(3), post(-0), post(1.5), post("7"), post(""), post(undefined), post(null));
log(post(10n));
let calls = 0;
log(post({ valueOf: () => (calls++, 41) }), calls);
log(Object.is(post(-0).split(" ")[0].split("/")[0], "0"));
try {
  post(Symbol("s"));
} catch (e) {
  log(e.constructor.name);
}

// Prefix updates after another local (`x[++row]`), in navier-stokes' shape.
function solve(x, x0, width) {
  let row = 0;
  let last = x[row];
  for (let i = 1; i <= width; i++) last = x[row] = (x0[row] + last + x[++row]) * 0.5;
  let k = 0;
  const seen = [];
  for (const v of x) for (++k; k < 3; k++) seen.push(v, k);
  return [last, row, x.join(" "), seen.join(" ")];
}
log(solve([1, 2, 3, 4, 5], [5, 4, 3, 2, 1], 4));

// The element read after `a[i++]` and `x[++i]`: present elements, holes (one reached
// through a getter on Array.prototype), undefined elements, out of range, fractional
// and negative indices, strings, typed arrays, frozen arrays and plain objects.
function walk(a, start, count) {
  // (A string, not an array: an array's push would meet the getter at 4.)
  let i = start;
  let j = start - 1;
  let got = "";
  for (let t = 0; t < count; t++) got += a[i++] + "," + a[++j] + "|";
  let k = start;
  got += a[k--] + "," + a[k--] + "," + a[--k];
  return got + "/" + i + "/" + j + "/" + k;
}
Object.defineProperty(Array.prototype, "4", {
  get() {
    return "proto4";
  },
  configurable: true,
});
const sparse = [0, 1, , 3, , undefined, 6];
log(walk(sparse, 0, 8));
log(walk([10, 20, 30], 0.5, 3), walk([10, 20, 30], -1, 3));
delete Array.prototype[4];
log(walk("abcdef", 1, 3), walk(new Uint8Array([7, 8, 9, 10]), 0, 5));
log(walk(Object.freeze([1, 2, 3]), 0, 4), walk({ 0: "x", 1: "y", length: 2 }, 0, 3));

// A postfix update as a call argument, a comparison operand and a key of a property.
function mixed() {
  let n = 0;
  const o = {};
  const keys = [];
  const f = (a, b) => a * 10 + b;
  let r = f(n++, n++);
  while (n++ < 5) keys.push(n);
  o[n--] = "k";
  return [r, n, keys.join(""), Object.keys(o).join("")];
}
log(mixed());

// Block declarations in loop bodies: each turn starts in the TDZ.
function tdz(limit) {
  const got = [];
  for (let t = 0; t < limit; t++) {
    let before;
    try {
      before = late;
    } catch (e) {
      before = e.constructor.name;
    }
    const late = t * 2;
    let plain;
    got.push(before, late, plain);
  }
  return got.join(" ");
}
log(tdz(3));
{
  const fs = [];
  for (let t = 0; t < 3; t++) {
    const c = t;
    let d;
    d = c + 1;
    fs.push(() => c * 10 + d);
  }
  log(fs.map((f) => f()).join(" "));
}

// A local with a constant operand, stored or left on the stack.
function consts(x) {
  let y = x * 0.5 + 0.25;
  const z = x - 1.5;
  return [y, z, x / 0.5, x % 2.5, x + 0.5 > 1].join(" ");
}
log(consts(3), consts(-0), consts("4"), consts("a"));
try {
  consts(2n);
} catch (e) {
  log(e.constructor.name);
}
log(consts({ valueOf: () => 8 }));

// A local then a property of another local: own, inherited, getters, string length,
// a prototype that changes, a null receiver.
function props(list) {
  let sum = 0;
  let got = "";
  for (let i = 0; i < list.length; i++) {
    const o = list[i];
    sum = sum + o.x;
    got = got + o.name;
  }
  return [sum, got];
}
const proto = { x: 100, name: "p" };
const withGetter = {
  get x() {
    return 7;
  },
  name: "g",
};
log(props([{ x: 1, name: "a" }, Object.create(proto), withGetter, { name: "n", x: 2 }]));
proto.x = 5;
log(props([Object.create(proto), "str", 4, [1, 2]]));
try {
  props([{ x: 1 }, null]);
} catch (e) {
  log(e.constructor.name, e.message);
}

console.log(out.join("\n"));
