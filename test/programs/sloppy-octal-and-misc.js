// Tests sloppy-only legacy features: octal literals, silent failures, delete of vars, escapes.
console.log(010, 0777, 08, 09.5, 0o10);
console.log("\101\102", "\0".length, "\0".charCodeAt(0), "\08".length);
// assignments that silently fail in sloppy mode
const frozen = Object.freeze({ a: 1 });
frozen.a = 2;
frozen.b = 3;
console.log(frozen.a, frozen.b);
NaN = 1;
undefined = 2;
Infinity = 3;
console.log(NaN, undefined, Infinity);
const ro = {};
Object.defineProperty(ro, "x", { value: "ro", writable: false });
ro.x = "changed";
console.log(ro.x);
const getterOnly = {
  get g() {
    return "g";
  },
};
getterOnly.g = "changed";
console.log(getterOnly.g);
"str".prop = 1;
console.log("str".prop);
(5).x = 1;
console.log((5).x);
// delete returns false for non-configurable, true for missing
console.log(delete Object.prototype, delete frozen.a, delete frozen.missing);
var declaredVar = 1;
console.log(delete declaredVar, typeof declaredVar);
function f() {}
console.log(delete f, typeof f);
// arguments.callee.caller style: callee accessible
(function () {
  console.log(typeof arguments.callee);
})();
// non-strict function can use "eval" and "arguments" as variable names
var evalName = (function () {
  var arguments = "shadowed";
  return arguments;
})();
console.log(evalName);
// legacy octal-like string escapes in template literals are errors, so only strings tested
console.log("\7".charCodeAt(0), "\12".charCodeAt(0));
