// Tests strict mode TypeErrors from delete on non-configurable properties, and allowed deletes.
"use strict";
function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, "->", r);
  } catch (e) {
    console.log(label, "threw", e.constructor.name);
  }
}
attempt("delete Object.prototype", () => delete Object.prototype);
attempt("delete configurable prop", () => delete { a: 1 }.a);
attempt("delete missing prop", () => delete {}.missing);
attempt("delete frozen prop", () => delete Object.freeze({ a: 1 }).a);
attempt("delete sealed prop", () => delete Object.seal({ a: 1 }).a);
attempt("delete array length", () => delete [1, 2].length);
attempt("delete array element", () => {
  const a = [1, 2, 3];
  const r = delete a[1];
  return r + " len=" + a.length + " has1=" + (1 in a);
});
attempt("delete string index", () => delete "abc"[0]);
attempt("delete string length", () => delete "abc".length);
attempt("delete Math.PI", () => delete Math.PI);
attempt("delete function prototype", () => delete function () {}.prototype);
attempt("delete class prototype", () => delete class {}.prototype);
attempt("delete function name", () => {
  function f() {}
  return delete f.name + " name now " + JSON.stringify(f.name);
});
attempt("delete defineProperty non-configurable", () => delete Object.defineProperty({}, "x", { value: 1 }).x);
attempt("delete globalThis.undefined", () => delete globalThis.undefined);
attempt("delete inherited (no own)", () => delete Object.create({ p: 1 }).p);
attempt("delete with computed key", () => {
  const o = { k1: 1 };
  const k = "k" + 1;
  return delete o[k] && !("k1" in o);
});
attempt("delete on null base", () => delete null.x);
attempt("delete symbol key", () => {
  const s = Symbol();
  const o = { [s]: 1 };
  return delete o[s] && Object.getOwnPropertySymbols(o).length === 0;
});
