// Tests lexical scope resolution across several nested function levels.
var level = "global";
function a() {
  var level = "a";
  function b() {
    function c() {
      return level;
    }
    return c();
  }
  return b();
}
console.log(a());
function d() {
  return level;
}
function e() {
  var level = "e";
  return d();
}
console.log(e());
var counter = 0;
function outer() {
  var counter = 100;
  return function () {
    counter++;
    return counter;
  };
}
var f = outer();
f();
console.log(f(), counter);
function params(level) {
  return function () { return level; };
}
console.log(params("param")());
