// Tests function factories, currying and closures over parameters.
function adder(n) { return function (x) { return x + n; }; }
var add5 = adder(5);
var add10 = adder(10);
console.log(add5(1), add10(1), adder(-1)(1));
var curry3 = function (a) { return function (b) { return function (c) { return a + b + c; }; }; };
console.log(curry3(1)(2)(3), curry3("a")("b")("c"));
var mul = (a) => (b) => a * b;
var double = mul(2);
console.log([1, 2, 3].map(double));
function power(exp) { return function (base) { return Math.pow(base, exp); }; }
var square = power(2), cube = power(3);
console.log(square(4), cube(2));
