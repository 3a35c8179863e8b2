// The fused instructions of two locals (element read, arithmetic, comparison and
// jump), a local function and its undefined `this`, `typeof x === "s"`, an element
// store as a statement, an arithmetic result stored into a local and a loop's update
// with its jump back — each on its fast path and off it (holes, getters, strings,
// objects with valueOf, BigInts, typed arrays, frozen arrays), nested in one another
// and in the older fusions (`for (++i; …)` inside a for-of, `i++` feeding a
// comparison, `o.x` on a local, `x == null`).
"use strict";
const out = [];
const log = (...a) => out.push(a.map(String).join(","));

// a[i] on locals: dense, holes, out of range, fractional and negative keys, strings,
// typed arrays, objects, a getter on Array.prototype for a hole, and into a local.
Object.defineProperty(Array.prototype, "7", {
  get() {
    return "proto7";
  },
  configurable: true,
});
function reads(a) {
  // (A string, not an array: an array's push would meet the getter at 7.)
  let got = "";
  for (let i = -1; i < 10; i++) {
    const v = a[i];
    got += v + "|";
  }
  let k = 1.5;
  got += a[k];
  k = "1";
  got += a[k];
  return got;
}
const holey = [1, , 3];
holey[8] = 9;
log(reads([10, 20, 30]));
log(reads(holey));
log(reads("string"));
log(reads(new Int16Array([5, 6, 7])));
log(reads({ 0: "a", 1: "b", 9: "z", length: 2 }));
delete Array.prototype[7];

// a + b on locals: numbers, strings, BigInts, valueOf (a guest call off the fast
// path), stored into a local or left on the stack.
function sums(a, b) {
  const s = a + b;
  let d;
  d = a - b;
  const m = a * b;
  return [s, d, m, a % b, (a & b) + (a | b), a - b > 0].join(" ");
}
log(sums(7, 3), sums(0.5, 0.25), sums(2n, 3n));
log(sums("x", 1) === "x1 NaN NaN NaN 1 false", sums("4", "2"));
let calls = 0;
const valued = { valueOf: () => (calls++, 10) };
log(sums(valued, 4), calls);
try {
  sums(1n, 1);
} catch (e) {
  log(e.constructor.name);
}

// i < n on locals feeding a jump: numbers, strings, valueOf objects, NaN.
function countBelow(a, b) {
  let n = 0;
  let i = a;
  while (i < b) {
    n++;
    i = i + 1;
    if (n > 20) break;
  }
  return n;
}
log(countBelow(0, 5), countBelow(3, 1), countBelow("a", "c"), countBelow(NaN, 3));
log(countBelow({ valueOf: () => 2 }, 6), countBelow(0, { valueOf: () => 3 }));

// A local function and its undefined this (sloppy callee sees the global), a
// non-callable local, and a closure called through a local.
const f = function () {
  return this === undefined ? "undef" : typeof this;
};
function callLocal(g, x) {
  const h = g;
  return h(x);
}
log(callLocal(f), callLocal((x) => x * 2, 21));
log(callLocal(new Function("return typeof this")));
try {
  callLocal(5);
} catch (e) {
  log(e.constructor.name, e.message);
}

// typeof x ===/!==/==/!= "s", as a value and as a test, against every type, and
// against a constant that is not a string.
const samples = [1, "s", true, undefined, null, {}, [], f, Symbol("q"), 10n, new Proxy(f, {})];
for (const x of samples) {
  const t = typeof x === "number";
  const u = typeof x !== "string";
  const w = typeof x == "object";
  const z = typeof x != "function";
  let c = "";
  if (typeof x === "undefined") c += "U";
  if (typeof x !== "object") c += "n";
  if (typeof x == "symbol") c += "S";
  if (typeof x != "bigint") c += "b";
  if (typeof x === 1.5) c += "never";
  log(t, u, w, z, c, typeof x === 1.5, typeof x == 2.5);
}

// a[i] = v; as a statement: dense, the push at the end, holes, a setter on the
// prototype, frozen arrays (a TypeError in strict code), typed arrays, objects.
let seen = [];
Object.defineProperty(Array.prototype, "5", {
  set(v) {
    seen.push("set" + v);
  },
  configurable: true,
});
function fill(a, n) {
  for (let i = 0; i < n; i++) a[i] = i * 2;
  return a;
}
log(fill([], 4).join(), fill([9, 9, 9, 9, 9, 9, 9, 9], 3).join());
const gap = [];
gap.length = 7;
log(fill(gap, 7).join(), seen.join());
delete Array.prototype[5];
log(fill(new Uint8Array(3), 3).join(), JSON.stringify(fill({}, 2)));
try {
  fill(Object.freeze([1, 2, 3]), 2);
} catch (e) {
  log(e.constructor.name);
}

// a[k] = v; of three locals: dense, holes (a setter on the prototype), past the end,
// fractional and negative keys, typed arrays, objects, frozen arrays; and i === n,
// i !== n on two locals feeding a jump, across types.
Object.defineProperty(Array.prototype, "2", {
  set(v) {
    seen.push("set2:" + v);
  },
  configurable: true,
});
seen = [];
function copyInto(a, src) {
  for (let i = 0; i !== src.length; i++) {
    const v = src[i];
    a[i] = v;
  }
  let k = -1;
  let v = "neg";
  a[k] = v;
  k = 0.5;
  a[k] = v;
  return a;
}
const src = ["p", "q", "r", "s"];
log(copyInto([0, 0, 0, 0], src).join(), copyInto([0, 0, , 0], src).join(), seen.join());
log(copyInto([], src).length, JSON.stringify(copyInto({}, src)), copyInto(new Int8Array(4), [1, 2, 3, 300]).join());
try {
  copyInto(Object.freeze([0, 0, 0, 0]), src);
} catch (e) {
  log(e.constructor.name);
}
delete Array.prototype[2];
function same(a, b) {
  let r = "";
  if (a === b) r += "=";
  if (a !== b) r += "!";
  return r;
}
log(same(1, 1), same(1, "1"), same(NaN, NaN), same(0, -0), same(src, src), same(null, undefined));

// Results stored into locals: INT/CONST arithmetic on numbers and not, `x = x * k;`
// as a statement, `let y = x + 1`.
function stores(x) {
  let y = x + 1;
  let z = 0;
  z = x * 0.5;
  z = z * 3;
  let w = y % 4;
  x = x - 2;
  return [y, z, w, x].join(" ");
}
log(stores(10), stores("7"), stores(3n === 3n ? 6 : 0), stores({ valueOf: () => 8 }));

// Loops whose update jumps back: continue, nested loops, for (++i; …) in a for-of,
// decrementing, an update that is not a number, a label.
function loops(list) {
  let total = 0;
  for (const row of list) {
    let i = 0;
    for (++i; i < row.length; i++) {
      if (row[i] == null) continue;
      total = total + row[i];
    }
    for (let j = row.length - 1; j >= 0; j--) total = total - 1;
  }
  let s = "";
  for (let k = "1"; k < 4; k++) s += k;
  outer: for (let a = 0; a < 3; a++)
    for (let b = 0; b < 3; b++) {
      if (b > a) continue outer;
      s += a + b;
    }
  return total + ":" + s;
}
log(loops([[1, 2, 3], [4, null, 6], [], [7]]));

// A merge of two sorted runs, the array built-ins' loops with callbacks, and `o.x`
// on a local with `x == null`, all together.
function merge(a, b, cmp) {
  const r = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    const c = cmp(x, y);
    if (typeof c !== "number") throw new TypeError("bad");
    if (c <= 0) {
      r[k] = x;
      i++;
    } else {
      r[k] = y;
      j++;
    }
    k++;
  }
  while (i < a.length) r.push(a[i++]);
  while (j < b.length) r.push(b[j++]);
  return r;
}
log(merge([1, 4, 9], [2, 3, 10, 11], (p, q) => p - q).join());
const objs = [{ x: 3 }, { x: null }, { x: 1 }, { y: 2 }];
log(
  objs
    .map((o) => (o.x == null ? -1 : o.x))
    .filter((v) => typeof v === "number" && v >= 0)
    .sort((p, q) => q - p)
    .join(),
);
log([5, 1, 4].reduce((acc, v, i, arr) => acc + v * i + arr[i], 0));
console.log(out.join("\n"));
