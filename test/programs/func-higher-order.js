// Tests functions passed as arguments and returned, with callbacks.
function repeat(n, fn) { var out = []; for (var i = 0; i < n; i++) out.push(fn(i)); return out; }
console.log(repeat(4, function (i) { return i * i; }));
function apply2(f, a, b) { return f(a, b); }
console.log(apply2(Math.max, 3, 9), apply2(function (x, y) { return x + "-" + y; }, "a", "b"));
function flip(f) { return function (a, b) { return f(b, a); }; }
var minus = function (a, b) { return a - b; };
console.log(minus(10, 3), flip(minus)(10, 3));
function tap(v, fn) { fn(v); return v; }
console.log(tap(5, function (x) { console.log("tapped", x); }));
var ops = { "+": function (a, b) { return a + b; }, "*": function (a, b) { return a * b; } };
console.log(ops["+"](2, 3), ops["*"](2, 3));
