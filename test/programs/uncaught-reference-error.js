// Uncaught: reads an undeclared variable, raising an uncaught ReferenceError.
var total = 10;
console.log("total is", total);
console.log(totl + 1);
console.log("never printed");
