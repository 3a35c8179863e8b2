// Tests sloppy-mode implicit globals: assignment creates global properties, deletable, typeof.
function makeGlobal() {
  implicitOne = "created";
}
makeGlobal();
console.log(implicitOne, globalThis.implicitOne, typeof implicitOne);
const d = Object.getOwnPropertyDescriptor(globalThis, "implicitOne");
console.log(d.enumerable, d.configurable, d.writable);
console.log(delete globalThis.implicitOne, typeof implicitOne);
try {
  implicitOne;
} catch (e) {
  console.log("after delete:", e.constructor.name);
}
// chained assignment leaks the inner name
function chained() {
  var local = (leaked = 5);
  return local;
}
chained();
console.log(typeof leaked, leaked);
// assignment inside nested function
(function () {
  (function () {
    deepGlobal = "deep";
  })();
})();
console.log(globalThis.deepGlobal);
// var at module top is NOT global in CommonJS
var moduleVar = 1;
console.log("moduleVar" in globalThis);
// explicit global property is visible as a free variable
globalThis.viaGlobalThis = "visible";
console.log(viaGlobalThis);
// reading an undeclared name still throws
try {
  console.log(neverAssigned);
} catch (e) {
  console.log("read undeclared:", e.constructor.name);
}
// assignment to global non-writable property silently fails
Object.defineProperty(globalThis, "fixedGlobal", { value: "fixed", writable: false, configurable: true });
fixedGlobal = "changed";
console.log(fixedGlobal);
// for-in loop with undeclared variable creates global
for (loopGlobal in { a: 1, b: 2 });
console.log(loopGlobal);
// cleanup
delete globalThis.leaked;
delete globalThis.deepGlobal;
delete globalThis.viaGlobalThis;
delete globalThis.fixedGlobal;
delete globalThis.loopGlobal;
console.log(typeof leaked, typeof loopGlobal);
