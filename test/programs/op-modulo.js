// Tests the % operator with negatives, floats, zero, and infinities.
console.log(7 % 3, -7 % 3, 7 % -3, -7 % -3);
console.log(5.5 % 2, -5.5 % 2);
console.log(0 % 5, -0 % 5);
console.log(5 % 0, 5 % Infinity, Infinity % 5);
console.log("10" % "4", "x" % 2);
console.log(1 / (-4 % 2));
console.log(0.3 % 0.1);
function mod(n, m) { return ((n % m) + m) % m; }
console.log(mod(-1, 5), mod(-6, 5), mod(6, 5));
