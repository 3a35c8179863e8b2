// Tests while loops including early exits and condition side effects.
var n = 27, steps = 0;
while (n !== 1) {
  n = n % 2 === 0 ? n / 2 : 3 * n + 1;
  steps++;
}
console.log(steps);
var digits = [];
var x = 90210;
while (x > 0) {
  digits.push(x % 10);
  x = Math.floor(x / 10);
}
console.log(digits.reverse().join(""));
var i = 0;
while (i++ < 3) console.log("i is", i);
console.log("after", i);
var queue = [1, 2, 3];
var total = 0;
while (queue.length) total += queue.shift();
console.log(total, queue.length);
