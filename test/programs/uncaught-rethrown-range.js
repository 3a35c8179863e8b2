// Uncaught: a caught RangeError is logged and then rethrown uncaught.
function validate(n) {
  if (n < 0) throw new RangeError("n must be non-negative");
  return n;
}
try {
  validate(-5);
} catch (e) {
  console.log("logging:", e.name, e.message);
  throw e;
}
