// Tests nested try/catch blocks and errors thrown from catch handlers.
var log = [];
try {
  try {
    throw new Error("first");
  } catch (e) {
    log.push("inner caught " + e.message);
    throw new Error("second");
  }
} catch (e) {
  log.push("outer caught " + e.message);
}
console.log(log.join("; "));
function level3() { throw new TypeError("deep"); }
function level2() { try { level3(); } catch (e) { throw new RangeError("from level2 <- " + e.message); } }
function level1() { try { level2(); } catch (e) { return e.name + ": " + e.message; } }
console.log(level1());
var r = [];
try {
  try {
    r.push(1);
  } catch (e) {
    r.push("never");
  }
  r.push(2);
  throw 3;
} catch (v) {
  r.push(v);
}
console.log(r);
