// Tests function declarations, expressions, return values and missing arguments.
function add(a, b) { return a + b; }
var sub = function (a, b) { return a - b; };
var mul = (a, b) => a * b;
var neg = x => -x;
var block = (a) => { var r = a * a; return r; };
function noReturn() { var x = 1; }
function emptyReturn() { return; }
console.log(add(2, 3), sub(2, 3), mul(2, 3), neg(4), block(5));
console.log(noReturn(), emptyReturn());
console.log(add(1), add(1, 2, 3));
console.log(add("a", "b"));
function fnAsValue(f, v) { return f(v); }
console.log(fnAsValue(neg, 9), fnAsValue(function (s) { return s + s; }, "ab"));
var objRet = () => ({ k: 1 });
console.log(objRet());
