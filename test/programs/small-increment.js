// Small: tests prefix and postfix increment and decrement.
var i = 5;
var a = i++;
var b = ++i;
var c = i--;
console.log(a, b, c, i);
