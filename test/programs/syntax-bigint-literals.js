// Tests BigInt literals, conversion, typeof, comparisons and formatting.
const a = 123n;
console.log(typeof a, a, String(a), a.toString(16), a.toString(2));
console.log(BigInt(42), BigInt("0x1f"), BigInt("  77  "), BigInt(true), BigInt(-0));
console.log(BigInt(Number.MAX_SAFE_INTEGER) + 2n);
try {
  BigInt(1.5);
} catch (e) {
  console.log("BigInt(1.5):", e.constructor.name);
}
try {
  BigInt("1.5");
} catch (e) {
  console.log('BigInt("1.5"):', e.constructor.name);
}
try {
  new BigInt(1);
} catch (e) {
  console.log("new BigInt:", e.constructor.name);
}
console.log(1n == 1, 1n === 1, 2n > 1, 1n < 1.5, 0n == "", 10n == "10");
console.log(0n ? "truthy" : "falsy", 1n ? "truthy" : "falsy", !0n);
console.log([3n, 1, 2n, -1n, 0].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).join(","));
console.log(Number(2n ** 60n), parseInt("99n"), `${5n}`);
console.log(JSON.stringify({ s: String(10n) }));
try {
  JSON.stringify({ n: 1n });
} catch (e) {
  console.log("JSON bigint:", e.constructor.name);
}
console.log(BigInt.asIntN(8, 255n), BigInt.asUintN(8, -1n), BigInt.asIntN(64, 2n ** 63n));
console.log(Object(1n) instanceof BigInt, typeof Object(1n), Object.prototype.toString.call(1n));
const m = new Map([[1n, "big one"]]);
console.log(m.get(1n), m.get(1), new Set([1n, 1, 1n]).size);
console.log((-5n).toString(), -(-5n), 0n === -0n);
console.log((255n).toLocaleString === undefined, (123456789n).toString(36));
