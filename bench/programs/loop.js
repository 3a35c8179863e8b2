// A numeric loop: 5 million iterations of integer and float arithmetic.
const now = typeof performance === "object" ? () => performance.now() : () => Date.now();
const T0 = now();
let sum = 0;
let x = 0.5;
for (let i = 0; i < 5000000; i++) {
  sum = (sum + i * 7) % 1000003;
  x = x * 0.999 + 0.001;
}
console.log(sum, x.toFixed(6));
console.log("@work", Math.round(now() - T0));
