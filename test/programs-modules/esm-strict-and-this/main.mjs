// Tests that ESM code is strict: top-level this is undefined, no implicit globals, no arguments, no with.
import { checks } from "./helper.mjs";
console.log(this, typeof this);
console.log(checks);
try {
  undeclaredInModule = 1;
} catch (e) {
  console.log("implicit global:", e.constructor.name);
}
function plain() {
  return this;
}
console.log(plain());
console.log(typeof arguments, typeof require, typeof module, typeof exports, typeof __filename);
try {
  Object.freeze({ a: 1 }).a = 2;
} catch (e) {
  console.log("frozen write:", e.constructor.name);
}
try {
  eval("var evalVar = 1");
  console.log(typeof evalVar);
} catch (e) {
  console.log("eval threw", e.constructor.name);
}
const arrow = () => this;
console.log(arrow());
console.log((0, eval)("this") === globalThis);
