// Tests file-level "use strict": this undefined in calls, no arguments aliasing.
"use strict";
function who() { return this; }
console.log(who());
var obj = { who: who };
console.log(obj.who() === obj);
function alias(a) { a = 2; return arguments[0]; }
console.log(alias(1));
function alias2(a) { arguments[0] = 9; return a; }
console.log(alias2(1));
try {
  Object.freeze(obj).extra = 1;
} catch (e) {
  console.log(e instanceof TypeError);
}
try {
  undeclared = 5;
} catch (e) {
  console.log(e instanceof ReferenceError, e.message);
}
