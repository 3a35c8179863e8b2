// Heavy: tests finding the longest Collatz chain below 30000 with memoisation.
var cache = [0, 1];
function chain(n) {
  var steps = 0, x = n;
  while (x >= n || cache[x] === undefined) {
    if (x === 1) break;
    x = x % 2 === 0 ? x / 2 : 3 * x + 1;
    steps++;
  }
  var len = steps + (x === 1 ? 1 : cache[x]);
  cache[n] = len;
  return len;
}
var best = 1, bestLen = 1;
for (var n = 2; n < 30000; n++) {
  var l = chain(n);
  if (l > bestLen) { bestLen = l; best = n; }
}
console.log(best, bestLen);
