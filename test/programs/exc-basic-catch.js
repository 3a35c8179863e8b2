// Tests basic try/catch flow: execution stops at throw and resumes after catch.
var log = [];
try {
  log.push("before");
  throw new Error("oops");
  log.push("not reached");
} catch (e) {
  log.push("caught " + e.message);
}
log.push("after");
console.log(log.join(" | "));
function risky(n) {
  if (n < 0) throw new RangeError("negative: " + n);
  return Math.sqrt(n);
}
function safe(n) {
  try {
    return risky(n);
  } catch (e) {
    return e.name + " -> " + e.message;
  }
}
console.log(safe(16), safe(-4));
try {
  null.prop;
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
try {
  undefined.x = 1;
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
