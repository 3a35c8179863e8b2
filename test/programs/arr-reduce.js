// Tests reduce with and without initial value, and its error on empty arrays.
var a = [1, 2, 3, 4];
console.log(a.reduce(function (s, x) { return s + x; }));
console.log(a.reduce(function (s, x) { return s + x; }, 10));
console.log(a.reduce(function (acc, x, i) { return acc + i; }, ""));
console.log([5].reduce(function () { return "never"; }));
console.log([].reduce(function () { return 1; }, "init"));
try {
  [].reduce(function (s, x) { return s + x; });
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
var words = ["apple", "avocado", "banana", "blueberry", "cherry"];
var groups = words.reduce(function (g, w) {
  var k = w.charAt(0);
  (g[k] = g[k] || []).push(w.length);
  return g;
}, {});
console.log(groups);
var max = a.reduce(function (m, x) { return x > m ? x : m; }, -Infinity);
console.log(max);
