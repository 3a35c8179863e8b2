// Tests function composition and pipelines using closures and reduce.
function compose(f, g) { return function (x) { return f(g(x)); }; }
var inc = function (x) { return x + 1; };
var dbl = function (x) { return x * 2; };
console.log(compose(inc, dbl)(5), compose(dbl, inc)(5));
function pipe(fns) {
  return function (x) { return fns.reduce(function (acc, f) { return f(acc); }, x); };
}
var p = pipe([inc, dbl, inc, String, function (s) { return s + "!"; }]);
console.log(p(3));
var id = pipe([]);
console.log(id(9));
var times = function (n, f) { return function (x) { for (var i = 0; i < n; i++) x = f(x); return x; }; };
console.log(times(10, dbl)(1));
