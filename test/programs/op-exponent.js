// Tests the ** operator, right associativity and Math.pow agreement.
console.log(2 ** 10);
console.log(2 ** 3 ** 2);
console.log((2 ** 3) ** 2);
console.log(2 ** -1);
console.log((-2) ** 3, (-2) ** 2);
console.log(4 ** 0.5);
console.log(0 ** 0, NaN ** 0, 1 ** Infinity);
console.log(10 ** 21, 10 ** 20);
var x = 3;
x **= 3;
console.log(x);
console.log(Math.pow(2, 53) === 2 ** 53);
console.log("3" ** "2");
