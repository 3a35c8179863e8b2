// Tests BigInt arithmetic: truncating division, remainder sign, bitwise ops, mixing errors.
console.log(7n / 2n, -7n / 2n, 7n % 3n, -7n % 3n, 7n % -3n);
console.log(2n ** 100n);
console.log(1n << 70n, (1n << 70n) >> 68n, -9n >> 1n);
console.log(5n & 3n, 5n | 3n, 5n ^ 3n, ~5n);
console.log(-(2n ** 64n), 10n - 20n, 3n * -4n);
let n = 10n;
n++;
n += 5n;
n *= 2n;
console.log(n, typeof n);
function attempt(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.constructor.name);
  }
}
attempt("1n + 1", () => 1n + 1);
attempt("1n * 2.5", () => 1n * 2.5);
attempt("+1n", () => +1n);
attempt("1n >>> 1n", () => 1n >>> 1n);
attempt("1n / 0n", () => 1n / 0n);
attempt("1n % 0n", () => 1n % 0n);
attempt("Math.max(1n)", () => Math.max(1n));
attempt('1n + "s"', () => 1n + "s");
attempt("1n + String(1)", () => 1n + String(1));
attempt("Number(1n) + 1", () => Number(1n) + 1);
attempt("-1n", () => -1n);
attempt("1n < 2", () => 1n < 2);
attempt("BigInt(2**53) * 2n", () => BigInt(2 ** 53) * 2n);
attempt("1n == 1", () => 1n == 1);
attempt("1n + null", () => 1n + null);
// factorial of 30 exactly
let f = 1n;
for (let i = 1n; i <= 30n; i++) f *= i;
console.log(f, String(f).length);
// gcd with bigints
function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}
console.log(gcd(2n ** 40n * 3n, 2n ** 35n * 9n));
