// Tests destructuring for multiple return values, swaps, and rotating variables.
function minMax(arr) {
  return [Math.min(...arr), Math.max(...arr)];
}
const [lo, hi] = minMax([5, 3, 9, 1]);
console.log(lo, hi);
function stats(arr) {
  const sum = arr.reduce((a, b) => a + b, 0);
  return { sum, mean: sum / arr.length, count: arr.length };
}
const { mean, count } = stats([2, 4, 6]);
console.log(mean, count);
let a = 1,
  b = 2,
  c = 3;
[a, b, c] = [c, a, b];
console.log(a, b, c);
[a, b, c] = [b, c, a];
console.log(a, b, c);
// swapping array elements in place
const arr = [1, 2, 3, 4, 5];
for (let i = 0, j = arr.length - 1; i < j; i++, j--) [arr[i], arr[j]] = [arr[j], arr[i]];
console.log(arr.join(""));
// swap object properties
const o = { x: "X", y: "Y" };
[o.x, o.y] = [o.y, o.x];
console.log(o.x, o.y);
// gcd with destructuring
function gcd(x, y) {
  while (y) [x, y] = [y, x % y];
  return x;
}
console.log(gcd(48, 18), gcd(17, 5));
// divmod returning object, renamed
const divmod = (n, d) => ({ q: Math.floor(n / d), r: n % d });
const { q: quotient, r: remainder } = divmod(17, 5);
console.log(quotient, remainder);
// parse "key=value" list
const parsed = "a=1;b=2;c=3".split(";").map((p) => {
  const [key, value] = p.split("=");
  return { key, value: Number(value) };
});
console.log(parsed.map(({ key, value }) => key + value * 2).join(" "));
// destructuring from Promise-like results (sync simulation)
const results = [
  { status: "ok", value: 1 },
  { status: "err", reason: "x" },
];
for (const { status, value = "-", reason = "-" } of results) console.log(status, value, reason);
