// Heavy: tests naive recursive fibonacci(25), about 250k calls.
var calls = 0;
function fib(n) {
  calls++;
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
console.log(fib(25), calls);
