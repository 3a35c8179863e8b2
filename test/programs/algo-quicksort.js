// Algorithm: recursive quicksort using filter-based partitioning.
function quicksort(arr) {
  if (arr.length <= 1) return arr;
  var pivot = arr[0];
  var rest = arr.slice(1);
  var left = rest.filter(function (x) { return x < pivot; });
  var right = rest.filter(function (x) { return x >= pivot; });
  return quicksort(left).concat([pivot], quicksort(right));
}
console.log(quicksort([3, 6, 1, 8, 2, 9, 2]).join(" "));
console.log(quicksort([]).length, quicksort([1]).join(""));
console.log(quicksort(["pear", "apple", "fig", "banana"]).join(","));
function inPlace(a, lo, hi) {
  if (lo >= hi) return a;
  var p = a[hi], i = lo;
  for (var j = lo; j < hi; j++) {
    if (a[j] < p) { var t = a[i]; a[i] = a[j]; a[j] = t; i++; }
  }
  var t2 = a[i]; a[i] = a[hi]; a[hi] = t2;
  inPlace(a, lo, i - 1);
  inPlace(a, i + 1, hi);
  return a;
}
var data = [10, -3, 7, 7, 0, 15, -8, 4];
console.log(inPlace(data, 0, data.length - 1).join(" "));
