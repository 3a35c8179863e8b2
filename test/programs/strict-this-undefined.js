// Tests strict-mode `this`: undefined for plain calls, primitives unboxed, null/undefined preserved.
"use strict";
function who() {
  return this;
}
console.log(who(), who.call(null), who.call(undefined));
console.log(typeof who.call(5), who.call(5) === 5, who.call("s") === "s");
console.log(typeof who.call(true), typeof who.apply(1n));
const bound = who.bind(null);
console.log(bound());
const obj = { who };
console.log(obj.who() === obj, (0, obj.who)(), (obj.who)() === obj);
try {
  (function () {
    return this.x;
  })();
} catch (e) {
  console.log("this.x on undefined:", e.constructor.name);
}
// callbacks get undefined this unless thisArg
console.log([1].map(function () {
  return this;
})[0]);
console.log([1].map(function () {
  return this;
}, "thisArg")[0]);
// getters invoked on primitives receive the primitive
Object.defineProperty(Number.prototype, "selfType", {
  get() {
    return typeof this;
  },
  configurable: true,
});
console.log((5).selfType);
delete Number.prototype.selfType;
// method on String.prototype sees primitive this
String.prototype.strictThis = function () {
  return typeof this;
};
console.log("abc".strictThis());
delete String.prototype.strictThis;
// arguments object in strict mode: no aliasing, callee throws
function args(a) {
  a = "changed";
  arguments[0] = "arg changed";
  return a + "/" + arguments[0];
}
console.log(args("orig"));
try {
  (function () {
    return arguments.callee;
  })();
} catch (e) {
  console.log("arguments.callee:", e.constructor.name);
}
try {
  (function f() {
    return f.caller;
  })();
} catch (e) {
  console.log("fn.caller:", e.constructor.name);
}
