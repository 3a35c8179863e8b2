// Small: tests the conditional operator choosing values.
var x = 4;
var kind = x % 2 === 0 ? "even" : "odd";
var size = x > 10 ? "big" : x > 3 ? "mid" : "small";
console.log(kind, size);
