// Recursive calls: fib(27).
const now = typeof performance === "object" ? () => performance.now() : () => Date.now();
const T0 = now();
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
console.log(fib(27));
console.log("@work", Math.round(now() - T0));
