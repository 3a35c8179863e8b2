// Tests hoisting of function declarations before their definition.
console.log(early(3));
function early(n) { return n * 3; }
console.log(typeof later);
var r = later();
function later() { return "later called"; }
console.log(r);
function outer() {
  return inner();
  function inner() { return "inner hoisted"; }
}
console.log(outer());
function dup() { return 1; }
console.log(dup());
function dup() { return 2; }
function shadow() {
  var res = typeof helper;
  function helper() {}
  return res;
}
console.log(shadow());
