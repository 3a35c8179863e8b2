// Fused arithmetic and comparisons with an integer or constant operand (compiler/fuse.ts)
// on the values their fast paths leave to the unfused code: strings, BigInts, objects
// with valueOf, undefined, null, NaN, and every operator they cover.
const box = (n) => ({ valueOf: () => n });
const values = [7, -3.5, "12", "x", 5n, box(9), undefined, null, NaN, true];

function withInt(v) {
  return [v + 2, v - 2, v * 3, v / 4, v % 5, v & 6, v | 1, v ^ 3, v << 2, v >> 1, v >>> 1];
}
function withConst(v) {
  return [v + 0.5, v - 1.25, v * 2.5, v / 0.5, v % 2.5, v + "s"];
}
function afterInt(v) {
  // INT n; op with the number on the left of the stack: (v * 1) + 4.
  const w = v;
  return [w * 1 + 4, (w - 0) * 2];
}
function compares(v) {
  const out = [];
  if (v < 3) out.push("lt3");
  if (v <= 7) out.push("le7");
  if (v > -1) out.push("gt-1");
  if (v >= 12) out.push("ge12");
  return out.join(",") || "none";
}
const show = (x) => (typeof x === "bigint" ? `${x}n` : String(x));
for (const v of values) {
  let line;
  try {
    line = String(withInt(v));
  } catch (e) {
    line = e.constructor.name;
  }
  let line2;
  try {
    line2 = String(withConst(v));
  } catch (e) {
    line2 = e.constructor.name;
  }
  let line3;
  try {
    line3 = String(afterInt(v));
  } catch (e) {
    line3 = e.constructor.name;
  }
  console.log(show(v), "|", line, "|", line2, "|", line3, "|", compares(v));
}

// A counter that changes type in the loop, and a loop reached by `continue`.
let s = "";
for (let i = 0; i < 4; i++) {
  if (i === 2) i = "2";
  s += typeof i + (i * 2 + 1) + " ";
}
console.log(s);
let n = 0;
let sum = 0;
while (n < 12) {
  n++;
  if (n % 4 === 0) continue;
  sum = (sum + n * 7) % 11;
}
console.log(n, sum, (2 ** 31) | 0, -1 >>> 0, 1 << 31);
