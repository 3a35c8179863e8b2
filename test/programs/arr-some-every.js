// Tests some and every including short-circuiting and empty arrays.
var a = [2, 4, 6, 7];
console.log(a.some(function (x) { return x % 2; }), a.every(function (x) { return x % 2 === 0; }));
console.log([].some(function () { return true; }), [].every(function () { return false; }));
var calls = 0;
[1, 2, 3, 4].some(function (x) { calls++; return x === 2; });
console.log(calls);
calls = 0;
[1, 2, 3, 4].every(function (x) { calls++; return x < 2; });
console.log(calls);
console.log(["a", "bb", "ccc"].every(function (s, i) { return s.length === i + 1; }));
