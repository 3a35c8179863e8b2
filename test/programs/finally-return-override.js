// Tests that a return in finally overrides try's return and swallows throws.
function f1() {
  try { return "try"; } finally { return "finally"; }
}
function f2() {
  try { throw new Error("lost"); } finally { return "finally wins"; }
}
function f3() {
  try { return "try"; } finally { console.log("f3 finally runs"); }
}
function f4() {
  try { throw 1; } catch (e) { return "catch"; } finally { return "finally over catch"; }
}
function f5() {
  var x = 1;
  try { return x; } finally { x = 2; }
}
function f6() {
  var o = { v: 1 };
  try { return o; } finally { o.v = 2; }
}
console.log(f1());
console.log(f2());
console.log(f3());
console.log(f4());
console.log(f5(), f6().v);
