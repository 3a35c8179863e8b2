// Tests other strict-mode runtime errors: eval/arguments scoping, frozen arrays, defineProperty.
"use strict";
function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, "->", r);
  } catch (e) {
    console.log(label, "threw", e.constructor.name);
  }
}
// strict eval does not leak vars
attempt("strict eval var", () => {
  eval("var leaked = 1");
  return typeof leaked;
});
// Object.defineProperty failures throw regardless of mode
attempt("redefine non-configurable", () => {
  const o = Object.defineProperty({}, "x", { value: 1 });
  Object.defineProperty(o, "x", { value: 2 });
});
// Reflect.set/defineProperty return false instead of throwing
attempt("Reflect.set on frozen", () => Reflect.set(Object.freeze({ a: 1 }), "a", 2));
attempt("Reflect.defineProperty non-configurable", () => {
  const o = Object.defineProperty({}, "x", { value: 1 });
  return Reflect.defineProperty(o, "x", { value: 2 });
});
// array methods on frozen arrays
const frozenArr = Object.freeze([3, 1, 2]);
attempt("push frozen", () => frozenArr.push(4));
attempt("sort frozen", () => frozenArr.sort());
attempt("pop frozen", () => frozenArr.pop());
attempt("toSorted frozen", () => frozenArr.toSorted().join(","));
attempt("map frozen", () => frozenArr.map((x) => x * 2).join(","));
// setPrototypeOf on non-extensible
attempt("setPrototypeOf non-extensible", () => Object.setPrototypeOf(Object.preventExtensions({}), {}));
attempt("setPrototypeOf same proto", () =>
  Object.setPrototypeOf(Object.preventExtensions({}), Object.prototype) !== null,
);
// __proto__ assignment on non-extensible
attempt("__proto__ on non-extensible", () => {
  const o = Object.preventExtensions({});
  o.__proto__ = {};
});
// assigning to a getter-less accessor
attempt("setter-only read", () => {
  const o = {
    set x(v) {},
  };
  return o.x;
});
// this in nested function of a method
attempt("nested function this", () => {
  const o = {
    m() {
      return (function () {
        return this;
      })();
    },
  };
  return o.m();
});
