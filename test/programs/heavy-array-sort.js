// Heavy: tests sorting 30000 pseudo-random numbers with a comparator and verifying order.
var seed = 12345;
function rand() {
  seed = (seed * 16807) % 2147483647;
  return seed;
}
var arr = [];
for (var i = 0; i < 30000; i++) arr.push(rand() % 100000);
var copy = arr.slice();
arr.sort(function (a, b) { return a - b; });
var ok = true;
for (var j = 1; j < arr.length; j++) if (arr[j - 1] > arr[j]) ok = false;
var sumA = 0, sumB = 0;
for (var k = 0; k < arr.length; k++) { sumA += arr[k]; sumB += copy[k]; }
console.log(ok, arr.length, arr[0], arr[arr.length - 1], sumA === sumB, sumA);
