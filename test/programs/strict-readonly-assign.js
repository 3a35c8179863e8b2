// Tests strict mode TypeErrors for writes to read-only, getter-only, frozen and primitive targets.
"use strict";
function attempt(label, fn) {
  try {
    fn();
    console.log(label, "ok");
  } catch (e) {
    console.log(label, e.constructor.name);
  }
}
const frozen = Object.freeze({ a: 1, nested: { b: 2 } });
attempt("write frozen prop", () => {
  frozen.a = 2;
});
attempt("add to frozen", () => {
  frozen.c = 3;
});
attempt("write nested of frozen (shallow)", () => {
  frozen.nested.b = 3;
});
console.log(frozen.a, frozen.nested.b);
const sealed = Object.seal({ s: 1 });
attempt("write sealed prop", () => {
  sealed.s = 2;
});
attempt("add to sealed", () => {
  sealed.t = 1;
});
const nonExt = Object.preventExtensions({ n: 1 });
attempt("add to non-extensible", () => {
  nonExt.m = 1;
});
const ro = Object.defineProperty({}, "x", { value: 1, writable: false });
attempt("write non-writable", () => {
  ro.x = 2;
});
attempt("write same value to non-writable", () => {
  ro.x = 1;
});
const getterOnly = {
  get g() {
    return 1;
  },
};
attempt("write getter-only", () => {
  getterOnly.g = 2;
});
attempt("write inherited non-writable", () => {
  const child = Object.create(ro);
  child.x = 5;
});
attempt("set prop on string primitive", () => {
  "abc".foo = 1;
});
attempt("set index on string primitive", () => {
  "abc"[0] = "z";
});
attempt("set length of string", () => {
  const s = "abc";
  s.length = 1;
});
attempt("set prop on number", () => {
  (5).x = 1;
});
attempt("write NaN", () => {
  NaN = 1;
});
attempt("write undefined", () => {
  undefined = 1;
});
attempt("array length non-writable", () => {
  const arr = [1, 2];
  Object.defineProperty(arr, "length", { writable: false });
  arr.push(3);
});
attempt("write frozen array element", () => {
  const arr = Object.freeze([1]);
  arr[0] = 2;
});
attempt("function name is read-only", () => {
  function f() {}
  f.name = "g";
});
attempt("named function expression self-assign", () => {
  (function me() {
    me = 1;
  })();
});
attempt("write const", () => {
  const c = 1;
  c = 2;
});
