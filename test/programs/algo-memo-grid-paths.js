// Algorithm: counting lattice paths with memoisation keyed by strings.
var memo = {};
var misses = 0;
function paths(r, c) {
  if (r === 0 || c === 0) return 1;
  var k = r + "," + c;
  if (memo[k] !== undefined) return memo[k];
  misses++;
  return (memo[k] = paths(r - 1, c) + paths(r, c - 1));
}
console.log(paths(2, 2), paths(3, 3), paths(10, 10), paths(16, 16));
console.log(misses, Object.keys(memo).length);
