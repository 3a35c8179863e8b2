// Tests block scoping and shadowing with let/const versus var.
var x = "outer";
let y = "outer-y";
{
  let x = "block";
  const y = "block-y";
  console.log(x, y);
  {
    let x = "inner";
    console.log(x);
  }
  console.log(x);
}
console.log(x, y);
if (true) {
  var leaked = "var leaks";
  let kept = "let stays";
}
console.log(leaked, typeof kept);
function f() {
  var x = "function";
  if (true) { var x = "redeclared"; }
  return x;
}
console.log(f());
let z = 1;
function g() { let z = 2; return function () { return z; }; }
console.log(z, g()());
