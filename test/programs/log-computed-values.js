// Tests console.log printing the results of expressions and function calls.
function pair(a, b) { return [a, b]; }
function rec(k, v) { var o = {}; o[k] = v; return o; }
console.log(pair(1, "x"), rec("key", pair(2, 3)));
console.log(typeof pair, pair.length);
console.log([1, 2, 3].map(function (x) { return { v: x }; }).slice(0, 2));
console.log(Object.keys({ b: 1, a: 2 }), Object.entries({ k: [1] }));
console.log(String([1, 2]), [String(1), 2]);
