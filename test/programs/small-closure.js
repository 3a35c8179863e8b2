// Small: tests a closure capturing and updating an outer variable.
function counter() {
  var n = 0;
  return function () { n += 1; return n; };
}
var c = counter();
c();
console.log(c(), c());
