// Tests the scope of catch parameters and variables declared inside catch blocks.
var e = "outer e";
try {
  throw "inner e";
} catch (e) {
  console.log(e);
  var declared = "var in catch";
  e = "reassigned";
  console.log(e);
}
console.log(e, declared);
try {
  throw new Error("boom");
} catch (err) {
  let local = err.message;
  console.log(local);
}
console.log(typeof err, typeof local);
var fns = [];
for (var i = 0; i < 2; i++) {
  try { throw i; } catch (v) { fns.push(function () { return v; }); }
}
console.log(fns[0](), fns[1]());
