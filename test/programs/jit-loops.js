// Loops the block compiler (vm/interpreter/block-compiler.ts) runs as host code, and
// the ways each leaves it: a value that is no number, a hole, an element past the end,
// a getter, a call, a string, a closure's variables, nested loops and early exits.
function sumTo(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + i * 7) % 1000003;
  return s;
}
console.log(sumTo(10000));

// Floats, division, exponent, bit operators, shifts, negation.
let x = 0.5;
let bits = 0;
for (let i = 1; i <= 3000; i++) {
  x = x * 0.999 + 0.001;
  bits = (bits ^ (i << 3)) | (i >>> 1);
  bits = bits & 0xffffff;
  bits = -(-bits) >> 1;
  x += (i % 7) / 13 - 2 ** -3;
}
console.log(x.toFixed(9), bits);

// Arrays: dense reads and writes, holes, the end, a non-array, a string in a number loop.
const a = [];
for (let i = 0; i < 200; i++) a.push(i * 2);
let total = 0;
for (let i = 0; i < a.length; i++) total += a[i];
for (let i = 0; i < a.length; i++) a[i] = a[i] + 1;
let k = 0;
while (k < 210) {
  total += a[k] === undefined ? 1000 : a[k];
  k++;
}
const holey = [1, , 3, , 5];
let hs = 0;
for (let i = 0; i < holey.length; i++) hs += holey[i] === undefined ? 10 : holey[i];
console.log(total, hs);

// A value that turns into a string half way: the compiled loop leaves and comes back.
let mixed = 0;
for (let i = 0; i < 100; i++) {
  mixed = mixed + (i === 50 ? "s" : 1);
  if (typeof mixed === "string") mixed = mixed.length;
}
console.log(mixed);

// A getter and a method call inside a hot loop (the region leaves at them).
const o = {
  n: 0,
  get twice() {
    return this.n * 2;
  },
  bump() {
    this.n++;
  },
};
let g = 0;
for (let i = 0; i < 500; i++) {
  o.bump();
  g += o.twice;
}
console.log(g);

// Closure variables in the loop (environment slots), a captured counter.
function counter() {
  let c = 0;
  return function () {
    for (let j = 0; j < 50; j++) c += j;
    return c;
  };
}
const next = counter();
next();
console.log(next());

// Nested loops, break and continue, a do-while, comparisons of every kind.
let grid = 0;
outer: for (let i = 0; i < 60; i++) {
  for (let j = 0; j < 60; j++) {
    if (j > i) continue outer;
    if (i * j > 3000) break outer;
    grid += i >= j ? 1 : 0;
    grid += i <= j ? 2 : 0;
    grid += i !== j ? 3 : 0;
  }
}
let dw = 0;
do {
  dw += 3;
} while (dw < 1000);
console.log(grid, dw);

// Postfix updates as indexes, INT and CONST arithmetic, a countdown.
const b = [5, 4, 3, 2, 1, 0, 9, 8];
let p = 0;
let acc = 0;
while (p < b.length) acc = acc * 3 + b[p++] + 0.25;
let down = 1000;
while (down > 0) down -= 3;
let pre = 0;
const c = [1, 2, 3, 4, 5, 6];
let q = -1;
while (q < 4) pre += c[++q];
console.log(acc, down, pre);

// A BigInt in a loop that ran on numbers (leaves at the arithmetic every time).
let big = 1n;
for (let i = 0; i < 40; i++) big = big * 3n + 1n;
console.log(String(big));

// A sparse write past the end and a holey fill, then reads.
const fill = new Array(50);
for (let i = 0; i < 50; i++) fill[i] = i;
const grow = [];
for (let i = 0; i < 50; i++) grow[i] = i * i;
let fs = 0;
for (let i = 0; i < 50; i++) fs += fill[i] + grow[i];
console.log(fs);

// `in` on a dense array, a for with i += 2, a loop over a typed array.
let ins = 0;
for (let i = 0; i < 20; i += 2) if (i in a) ins++;
const f64 = new Float64Array(16);
for (let i = 0; i < f64.length; i++) f64[i] = i / 3;
let ts = 0;
for (let i = 0; i < f64.length; i++) ts += f64[i];
console.log(ins, ts.toFixed(6));

// An exception thrown inside a hot loop body, caught outside.
function throwsAt(n) {
  let s = 0;
  try {
    for (let i = 0; i < 1000; i++) {
      s += i;
      if (i === n) null.x;
    }
  } catch (e) {
    return s + ":" + e.constructor.name;
  }
  return s;
}
console.log(throwsAt(700), throwsAt(5000));

// TDZ: a let read before its declaration inside a loop's scope.
let tdz = "";
for (let i = 0; i < 3; i++) {
  try {
    tdz += later;
  } catch (e) {
    tdz += e.constructor.name[0];
  }
}
let later = 1;
console.log(tdz, later);
