// Algorithm: iterative and recursive binary search on a sorted array.
var sorted = [];
for (var i = 0; i < 20; i++) sorted.push(i * 3);
function bsearch(a, target) {
  var lo = 0, hi = a.length - 1, steps = 0;
  while (lo <= hi) {
    steps++;
    var mid = (lo + hi) >> 1;
    if (a[mid] === target) return [mid, steps];
    if (a[mid] < target) lo = mid + 1; else hi = mid - 1;
  }
  return [-1, steps];
}
console.log(bsearch(sorted, 0), bsearch(sorted, 57), bsearch(sorted, 30), bsearch(sorted, 31));
function rsearch(a, t, lo, hi) {
  if (lo > hi) return -(lo + 1);
  var mid = (lo + hi) >>> 1;
  if (a[mid] === t) return mid;
  return a[mid] < t ? rsearch(a, t, mid + 1, hi) : rsearch(a, t, lo, mid - 1);
}
console.log(rsearch(sorted, 42, 0, 19), rsearch(sorted, 43, 0, 19), rsearch(sorted, -5, 0, 19));
