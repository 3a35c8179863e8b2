// Tests labeled blocks exited with break, and labels on non-loop statements.
var steps = [];
block: {
  steps.push("start");
  if (steps.length === 1) break block;
  steps.push("unreachable");
}
steps.push("after");
console.log(steps.join(" > "));
function check(v) {
  var res = "none";
  validate: {
    if (typeof v !== "number") { res = "not a number"; break validate; }
    if (v < 0) { res = "negative"; break validate; }
    res = "ok";
  }
  return res;
}
console.log(check("x"), check(-1), check(3));
var x = 0;
lbl: if (true) {
  x = 1;
  break lbl;
}
console.log(x);
a: b: c: for (var i = 0; i < 3; i++) {
  if (i === 1) continue b;
  if (i === 2) break a;
  console.log("i", i);
}
