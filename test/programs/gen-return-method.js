// Tests generator.return(v): before start, mid-way, after completion, and with try/catch.
function* g() {
  yield 1;
  yield 2;
  yield 3;
}
let it = g();
console.log(JSON.stringify(it.return("early")), JSON.stringify(it.next()));
it = g();
it.next();
console.log(JSON.stringify(it.return("mid")), JSON.stringify(it.next()));
it = g();
[...it];
console.log(JSON.stringify(it.return("after")), JSON.stringify(it.return()));
// return without finally skips remaining code; catch does not intercept return
const log = [];
function* withCatch() {
  try {
    yield "a";
    log.push("not reached");
  } catch (e) {
    log.push("catch should not run");
  }
  log.push("after try not reached");
}
it = withCatch();
it.next();
console.log(JSON.stringify(it.return("r")), JSON.stringify(log));
// return value passes through as-is (no unwrapping of thenables)
it = g();
it.next();
const obj = { then() {} };
console.log(it.return(obj).value === obj);
// return() is not affected by values sent earlier
function* remember() {
  const x = yield "first";
  yield "got " + x;
}
it = remember();
it.next();
it.next("X");
console.log(JSON.stringify(it.return(42)));
// calling return on a generator that is already returning via yield in finally
function* generous() {
  try {
    yield 1;
  } finally {
    yield "cleanup";
  }
}
it = generous();
it.next();
console.log(JSON.stringify(it.return("R1")));
console.log(JSON.stringify(it.next()));
console.log(JSON.stringify(it.next()));
