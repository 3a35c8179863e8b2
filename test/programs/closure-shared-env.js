// Tests multiple closures sharing and mutating the same captured variable.
function make() {
  var x = 0;
  function get() { return x; }
  function set(v) { x = v; }
  var inc = () => { x++; };
  return [get, set, inc];
}
var fns = make();
var get = fns[0], set = fns[1], inc = fns[2];
inc(); inc();
console.log(get());
set(40);
inc(); inc();
console.log(get());
var other = make();
console.log(other[0](), get());
function outer() {
  var a = 1;
  function mid() {
    var b = 2;
    return function inner() { a++; b++; return a + b; };
  }
  return [mid(), mid()];
}
var pair = outer();
console.log(pair[0](), pair[0](), pair[1]());
