// Small: tests a short for loop accumulating a sum.
var sum = 0;
for (var i = 1; i <= 10; i++) {
  sum += i;
}
console.log(sum, i);
