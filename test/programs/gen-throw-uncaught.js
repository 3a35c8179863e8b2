// Tests generator.throw(e) not caught inside: propagates to caller, generator becomes completed.
function* g() {
  yield 1;
  yield 2;
}
const it = g();
it.next();
try {
  it.throw(new Error("into gen"));
} catch (e) {
  console.log("caller caught", e.message);
}
console.log(JSON.stringify(it.next()));
// throw on a fresh generator: body never runs, error propagates
let ran = false;
function* neverRuns() {
  ran = true;
  try {
    yield 1;
  } catch (e) {
    console.log("not caught here");
  }
}
const fresh = neverRuns();
try {
  fresh.throw(new RangeError("before start"));
} catch (e) {
  console.log(e.constructor.name, e.message, "ran:", ran);
}
console.log(JSON.stringify(fresh.next()));
// throw on a completed generator propagates immediately
const done = g();
[...done];
try {
  done.throw("late");
} catch (e) {
  console.log("completed gen rethrows:", e);
}
// error thrown by generator body during next()
function* failing() {
  yield "ok";
  throw new Error("body failure");
}
const f = failing();
console.log(f.next().value);
try {
  f.next();
} catch (e) {
  console.log("next threw", e.message);
}
console.log(JSON.stringify(f.next()));
// finally runs when throw propagates
const log = [];
function* cleanup() {
  try {
    yield 1;
  } finally {
    log.push("finally");
  }
}
const c = cleanup();
c.next();
try {
  c.throw(new Error("x"));
} catch (e) {
  log.push("caught " + e.message);
}
console.log(log.join(","));
// error in for-of body over generator: generator's finally runs
log.length = 0;
try {
  for (const v of cleanup()) throw new Error("loop body");
} catch (e) {
  log.push(e.message);
}
console.log(log.join(","));
