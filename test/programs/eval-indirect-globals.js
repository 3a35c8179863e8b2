// Indirect eval code reads and writes its free names as globals (GET_GLOBAL,
// SET_GLOBAL, TYPEOF_GLOBAL: its caller's scope is the global one), in its own
// functions too; its sloppy vars become global properties; its let/const stay its
// own; a direct eval still sees the caller's locals.
globalThis.g = 1;
(0, eval)(
  "let L = 2; var q = g + L; function fq() { return q + g + typeof nope; } x1 = fq(); console.log(q, fq(), x1, typeof x1);",
);
(0, eval)(
  "'use strict'; var s = 5; try { undeclared = 1; } catch (e) { console.log(e.constructor.name); } console.log(typeof s, g);",
);
(0, eval)(
  "const K = 3; console.log(typeof L, K, delete q, typeof q, delete x1, typeof x1); g++; g += 2;",
);
console.log(typeof s, typeof q, g);
function f() {
  var g = "local";
  return [eval("g"), (0, eval)("g"), (0, eval)("typeof g + typeof f")];
}
console.log(f());
(0, eval)(
  "function h() { return this === undefined ? 'u' : typeof this; } console.log(h(), (0, eval)('this') === globalThis)",
);
try {
  (0, eval)("missingName + 1");
} catch (e) {
  console.log(e.name, e.message);
}
const add = (0, eval)("(function () { var n = 0; return function () { n++; counter = n; return n + g; }; })()");
add();
console.log(add(), counter);
