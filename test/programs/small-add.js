// Small: tests basic arithmetic on two variables.
var a = 2;
var b = 3;
console.log(a + b, a - b, a * b, b / a, b % a);
