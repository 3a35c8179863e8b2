// Tests var hoisting: declared but undefined before assignment.
console.log(a);
var a = 5;
console.log(a);
function f() {
  console.log(b);
  if (false) { var b = 1; }
  console.log(b);
  return typeof b;
}
console.log(f());
function g() {
  x = 10;
  var x;
  return x;
}
console.log(g());
var a;
console.log(a);
function h() {
  for (var i = 0; i < 3; i++) {}
  return i;
}
console.log(h());
