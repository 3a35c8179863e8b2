// Tests indirect eval: runs in global scope, cannot see locals, var creates global properties.
var moduleVar = "module var";
globalThis.realGlobal = "real global";
function f() {
  const local = "local";
  const indirect = eval;
  return [
    indirect("typeof local"),
    (0, eval)("typeof moduleVar"),
    (0, eval)("realGlobal"),
    eval?.("typeof local"),
    globalThis.eval("typeof local"),
  ].join(",");
}
console.log(f());
(0, eval)("var createdByIndirect = 'global now'");
console.log(globalThis.createdByIndirect, typeof createdByIndirect);
console.log(delete globalThis.createdByIndirect, typeof createdByIndirect);
(0, eval)("function globalFn() { return 'global fn'; }");
console.log(globalFn());
delete globalThis.globalFn;
// let in indirect eval does not create a global property
(0, eval)("let indirectLet = 1");
console.log(typeof globalThis.indirectLet);
// this in indirect eval is globalThis
console.log((0, eval)("this") === globalThis);
// indirect eval is sloppy even when called from strict code
function strictCaller() {
  "use strict";
  return (0, eval)("(function () { return this === globalThis; })()");
}
console.log(strictCaller());
// indirect eval with strict directive keeps its own var scope
(0, eval)("'use strict'; var strictIndirect = 1");
console.log(typeof globalThis.strictIndirect);
// other indirect forms
const e = eval;
const obj = { e: eval };
console.log(e("typeof moduleVar"), obj.e("typeof moduleVar"), [eval][0]("typeof moduleVar"));
delete globalThis.realGlobal;
