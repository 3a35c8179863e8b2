// Tests per-iteration let bindings captured by closures in for loops.
var fns = [];
for (let i = 0; i < 4; i++) {
  fns.push(function () { return i; });
}
console.log(fns.map(function (f) { return f(); }));
var fns2 = [];
for (let i = 0; i < 3; i++) {
  fns2.push(() => i * 10);
  i++;
}
console.log(fns2.map(function (f) { return f(); }));
var fns3 = [];
for (let i = 0; i < 3; i++) {
  let j = i * 2;
  fns3.push(function () { j++; return j; });
}
console.log(fns3[0](), fns3[0](), fns3[1](), fns3[2]());
var fns4 = [];
for (const k of ["a", "b", "c"]) {
  fns4.push(() => k);
}
console.log(fns4[0]() + fns4[1]() + fns4[2]());
var fns5 = [];
for (const key in { x: 1, y: 2 }) {
  fns5.push(() => key);
}
console.log(fns5[0](), fns5[1]());
