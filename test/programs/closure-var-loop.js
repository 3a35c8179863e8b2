// Tests the classic var-in-loop capture bug and the IIFE fix.
var fns = [];
for (var i = 0; i < 3; i++) {
  fns.push(function () { return i; });
}
console.log(fns[0](), fns[1](), fns[2]());
var fixed = [];
for (var j = 0; j < 3; j++) {
  fixed.push((function (captured) {
    return function () { return captured; };
  })(j));
}
console.log(fixed[0](), fixed[1](), fixed[2]());
console.log(i, j);
var w = [];
var k = 0;
while (k < 3) {
  let copy = k;
  w.push(function () { return copy; });
  k++;
}
console.log(w[0](), w[1](), w[2]());
