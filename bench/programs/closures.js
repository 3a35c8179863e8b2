// Closures: counters and accumulators made in a loop, called through arrays of functions.
const now = typeof performance === "object" ? () => performance.now() : () => Date.now();
const T0 = now();
function counter(start, step) {
  let n = start;
  return () => (n += step);
}
function compose(f, g) {
  return (x) => f(g(x));
}
const fs = [];
for (let i = 0; i < 1000; i++) fs.push(counter(i, (i % 5) + 1));
let sum = 0;
for (let round = 0; round < 300; round++) for (let i = 0; i < fs.length; i++) sum += fs[i]();
let h = (x) => x + 1;
for (let i = 0; i < 50; i++) h = compose(h, (x) => (x * 3) % 1000003);
let acc = 0;
for (let i = 0; i < 20000; i++) acc = (acc + h(i)) % 1000003;
console.log(sum, acc);
console.log("@work", Math.round(now() - T0));
