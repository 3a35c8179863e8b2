// assert.CallTracker: tracked functions count their calls; report() and verify() name
// the ones called a wrong number of times; calls() validates its count.
const assert = require("assert");
process.noDeprecation = true; // DEP0173 names the pid: not comparable
const tracker = new assert.CallTracker();
function foo(a, b) {
  return a + b;
}
const callsFoo = tracker.calls(foo, 2);
const callsNoop = tracker.calls(1);
console.log(callsFoo(1, 2), callsFoo.length, callsFoo.name, tracker.report().map((r) => r.message));
callsNoop();
try {
  tracker.verify();
} catch (e) {
  console.log(e.name, e.message);
}
callsFoo.call("this", 3, 4);
tracker.verify();
console.log(tracker.getCalls(callsFoo), Object.isFrozen(tracker.getCalls(callsFoo)[0]));
callsFoo();
callsNoop();
try {
  tracker.verify();
} catch (e) {
  console.log(e.message, e["message 0"], e["actual 1"], e["operator 1"]);
}
tracker.reset(callsFoo);
console.log(tracker.getCalls(callsFoo).length, tracker.report().length);
for (const bad of ["1", 0.5, 0, () => {}]) {
  try {
    tracker.calls(foo, bad);
  } catch (e) {
    console.log(e.code);
  }
}
try {
  tracker.getCalls(foo);
} catch (e) {
  console.log(e.code, e.message);
}
process.on("exit", () => {
  try {
    tracker.calls(foo);
  } catch (e) {
    console.log(e.code, e.message);
  }
});
