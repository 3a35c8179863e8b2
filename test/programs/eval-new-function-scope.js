// Tests that new Function closes over the global scope only, not the creating function's locals.
var moduleVar = "module var";
globalThis.gVal = "global value";
function creator() {
  const local = "local value";
  const fn = new Function("return [typeof local, typeof moduleVar, typeof gVal].join(',')");
  return fn();
}
console.log(creator());
const reader = new Function("return gVal");
console.log(reader());
globalThis.gVal = "changed";
console.log(reader());
// function can create globals
const creatorOfGlobal = new Function("createdGlobal = 'made by Function'");
creatorOfGlobal();
console.log(globalThis.createdGlobal);
delete globalThis.createdGlobal;
// var inside the function body stays local
new Function("var scopedVar = 1")();
console.log(typeof globalThis.scopedVar);
// new Function inside a closure cannot see closure variables
function outer() {
  let captured = "captured";
  const viaClosure = () => captured;
  const viaFunction = new Function("return typeof captured");
  return viaClosure() + " / " + viaFunction();
}
console.log(outer());
// new Function sees global functions defined on globalThis
globalThis.helper = (x) => "helped " + x;
console.log(new Function("x", "return helper(x)")("y"));
delete globalThis.helper;
// require/module are not visible in new Function (they are module-wrapper locals)
console.log(new Function("return typeof require + ',' + typeof module")());
// eval inside new Function body sees the function's own locals
console.log(new Function("a", "var b = 2; return eval('a + b')")(40));
delete globalThis.gVal;
