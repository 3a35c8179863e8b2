// Tests immediately-invoked function expressions for scoping and module pattern.
var result = (function (a, b) { return a * b; })(6, 7);
console.log(result);
var mod = (function () {
  var secret = 0;
  function bump() { secret += 2; }
  return {
    next: function () { bump(); return secret; }
  };
})();
console.log(mod.next(), mod.next(), mod.secret);
(function () {
  var inner = "hidden";
  console.log(typeof inner);
})();
console.log(typeof inner);
var v = (() => { return "arrow iife"; })();
console.log(v);
!function () { console.log("bang iife"); }();
void function () { console.log("void iife"); }();
var nested = (function outer(n) {
  return (function () { return n + 1; })();
})(41);
console.log(nested);
