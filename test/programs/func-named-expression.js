// Tests named function expressions: self-reference and read-only inner binding.
var fact = function f(n) { return n <= 1 ? 1 : n * f(n - 1); };
console.log(fact(6));
console.log(typeof f);
var g = function inner() {
  inner = 5;
  return typeof inner;
};
console.log(g());
var h = function self() {
  "use strict";
  try {
    self = 1;
    return "assigned";
  } catch (e) {
    return e instanceof TypeError;
  }
};
console.log(h());
var countdown = function cd(n, acc) {
  if (n === 0) return acc;
  return cd(n - 1, acc + n);
};
var alias = countdown;
countdown = null;
console.log(alias(4, ""));
