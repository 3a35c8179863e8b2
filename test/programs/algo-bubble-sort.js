// Algorithm: bubble sort with swap counting and early exit.
function bubbleSort(a) {
  var arr = a.slice(), swaps = 0, passes = 0;
  for (var i = 0; i < arr.length; i++) {
    var swapped = false;
    passes++;
    for (var j = 0; j < arr.length - 1 - i; j++) {
      if (arr[j] > arr[j + 1]) {
        var t = arr[j]; arr[j] = arr[j + 1]; arr[j + 1] = t;
        swaps++; swapped = true;
      }
    }
    if (!swapped) break;
  }
  return { sorted: arr.join(","), swaps: swaps, passes: passes };
}
console.log(bubbleSort([5, 1, 4, 2, 8]));
console.log(bubbleSort([1, 2, 3, 4]));
console.log(bubbleSort([9, 7, 5, 3, 1, 0]));
