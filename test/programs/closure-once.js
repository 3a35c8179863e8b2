// Tests a once() wrapper and a call-counting decorator built from closures.
function once(fn) {
  var done = false, result;
  return function (x) {
    if (!done) { done = true; result = fn(x); }
    return result;
  };
}
var init = once(function (x) { console.log("init ran with", x); return x * 2; });
console.log(init(5), init(6), init(7));
function counted(fn) {
  var n = 0;
  var w = function (a, b) { n++; return fn(a, b); };
  w.count = function () { return n; };
  return w;
}
var add = counted(function (a, b) { return a + b; });
add(1, 2); add(3, 4);
console.log(add(5, 6), add.count());
