// Generators: a range, a filter and a take stage chained by yield*, and for-of over them.
const now = typeof performance === "object" ? () => performance.now() : () => Date.now();
const T0 = now();
function* range(n) {
  for (let i = 0; i < n; i++) yield i;
}
function* evens(it) {
  for (const x of it) if (x % 2 === 0) yield x;
}
function* take(it, n) {
  if (n <= 0) return;
  for (const x of it) {
    yield x;
    if (--n === 0) return;
  }
}
function* both(n) {
  yield* take(evens(range(n)), n / 4);
  yield* range(10);
}
let sum = 0;
let count = 0;
for (let r = 0; r < 2; r++)
  for (const x of both(100000)) {
    sum += x;
    count++;
  }
console.log(count, sum);
console.log("@work", Math.round(now() - T0));
