// Small: tests var, let and const declarations and reassignment.
var a = 1;
let b = 2;
const c = 3;
a = a + 10;
b = b * 10;
console.log(a, b, c);
