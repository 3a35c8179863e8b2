// Timeout handles: close(), [Symbol.dispose](), _destroyed, clearTimeout by the id
// string; and the deprecated timers.enroll/active/unenroll over any object.
const timers = require("timers");
process.noDeprecation = true; // the warnings name the pid: not comparable
const t = setTimeout(() => console.log("never"), 5);
const i = setInterval(() => console.log("never"), 5);
const im = setImmediate(() => console.log("never"));
console.log(t._destroyed, i._destroyed);
t.close();
i[Symbol.dispose]();
im[Symbol.dispose]();
console.log(t._destroyed, i._destroyed);
const byString = setTimeout(() => console.log("never"), 5);
clearTimeout(`${byString}`);
const runs = setTimeout(() => console.log("ran"), 1);
const item = { _onTimeout: () => console.log("item fired", item._destroyed) };
timers.enroll(item, 3);
console.log(item._idleTimeout, item._idleNext === item);
timers.active(item);
console.log(Number.isInteger(item._idleStart), typeof item._idleNext);
const gone = { _onTimeout: () => console.log("never") };
timers.enroll(gone, 2);
timers.active(gone);
timers.unenroll(gone);
console.log(gone._idleTimeout, gone._destroyed);
for (const bad of ["1", -1, Infinity]) {
  try {
    timers.enroll({}, bad);
  } catch (e) {
    console.log(e.code);
  }
}
setTimeout(() => console.log("after", runs._destroyed), 20);
