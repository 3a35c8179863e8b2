// A plain binary operator (both operands computed) whose result goes straight into a
// local (INIT_LOCAL r or SET_LOCAL r; POP after it): on two numbers the store runs in
// the operator's dispatch (interpreter.ts, speed19), on anything else the operator and
// the store run apart. Nested with the other fusions: element reads, postfix updates,
// for-of, loop headers, a conditional whose branch ends at the store.
const box = (n) => ({ valueOf: () => n });
const values = [7, -2.5, 2 ** 31, "12", "x", 4n, box(9), undefined, null];
const show = (x) => (typeof x === "bigint" ? `${x}n` : String(x));

function stores(v, w) {
  let a = v * w + v; // MUL then ADD; INIT_LOCAL
  let b = (v - 1) * (w + 1); // SUB, ADD, MUL; INIT_LOCAL
  b = (b | 0) ^ (a & 0xff); // BXOR; SET_LOCAL; POP
  let c = v / w;
  c = (v % 5) - c;
  let d = w > 0 ? v + w : v - w; // a branch's ADD and the store after the join
  let e = (v << 3) >>> (w & 7);
  e = e >> 1;
  return [a, b, c, d, e].map(show).join(" ");
}
for (const v of values)
  for (const w of [3, 0.5, "2", 5n]) {
    let line;
    try {
      line = stores(v, w);
    } catch (err) {
      line = err.constructor.name;
    }
    console.log(show(v), show(w), "|", line);
  }

// Octane crypto's multiply-accumulate: element reads, postfix indices, sums into locals.
function am(x, xs, ws, i, j, c, n) {
  const xl = x & 0x3fff;
  const xh = x >> 14;
  while (--n >= 0) {
    let l = xs[i] & 0x3fff;
    const h = xs[i++] >> 14;
    const m = xh * l + h * xl;
    l = xl * l + ((m & 0x3fff) << 14) + ws[j] + c;
    c = (l >> 28) + (m >> 14) + xh * h;
    ws[j++] = l & 0xfffffff;
  }
  return c;
}
const xs = [];
const ws = [];
for (let k = 0; k < 20; k++) {
  xs.push((k * 7919 * 104729) & 0xfffffff);
  ws.push((k * 31337) & 0xfffffff);
}
console.log(am(0x1234567, xs, ws, 0, 0, 0, 20), ws.join(","));

// Navier-stokes-like relaxation: `x[++r]` reads summed and scaled into a local.
function relax(x, n) {
  let out = 0;
  for (let j = 1; j < n - 1; j++) {
    let r = j - 1;
    let s = x[r] + x[++r] + x[++r];
    s = s * 0.25 + out;
    out = s;
  }
  return out;
}
console.log(relax([1, 2.5, 3, 4.25, 5, 6.5, 7], 7));

// In a for-of, with a string sum and a number sum into the same local.
let acc = 0;
for (const item of [1, "2", 3, 4n, 5]) {
  let t;
  if (typeof item === "bigint") t = item + 1n;
  else t = item + acc;
  acc = typeof t === "number" ? acc + t : acc;
  console.log(show(t), acc);
}
