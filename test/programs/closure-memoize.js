// Tests memoization via closure-held cache object.
function memoize(fn) {
  var cache = {};
  var misses = 0;
  function wrapped(n) {
    if (n in cache) return cache[n];
    misses++;
    var v = fn(n);
    cache[n] = v;
    return v;
  }
  wrapped.misses = function () { return misses; };
  return wrapped;
}
var fib = memoize(function (n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); });
console.log(fib(30), fib.misses());
console.log(fib(50), fib.misses());
console.log(fib(10), fib.misses());
var sq = memoize(function (n) { return n * n; });
console.log(sq(4), sq(4), sq(5), sq.misses());
