// Tests that function expressions are not hoisted while their var binding is.
console.log(typeof fe);
try {
  fe();
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
var fe = function () { return "fe"; };
console.log(fe());
var arrow = () => "arrow";
console.log(arrow());
function conflict() { return "decl"; }
var conflict = function () { return "expr"; };
console.log(conflict());
var value = 1;
function value() {}
console.log(typeof value);
