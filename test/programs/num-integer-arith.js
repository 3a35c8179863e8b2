// Tests integer arithmetic helpers: gcd, digit sums, and safe integer boundaries.
function gcd(a, b) { while (b) { var t = b; b = a % b; a = t; } return a; }
function lcm(a, b) { return a / gcd(a, b) * b; }
console.log(gcd(48, 18), gcd(17, 5), lcm(4, 6), lcm(21, 6));
function digitSum(n) { var s = 0; while (n > 0) { s += n % 10; n = Math.floor(n / 10); } return s; }
console.log(digitSum(987654321), digitSum(0));
var big = 1;
for (var i = 1; i <= 25; i++) big *= i;
console.log(big);
console.log(Math.floor(7 / 2), Math.trunc(-7 / 2), (-7 / 2) | 0, -7 % 2);
console.log(0.1 * 10, 0.1 * 100, 1.15 * 100, 4.35 * 100);
