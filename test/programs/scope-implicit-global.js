// Tests sloppy-mode implicit globals and strict-mode ReferenceError on undeclared assignment.
function makeGlobal() {
  implicitGlobal = 42;
}
makeGlobal();
console.log(implicitGlobal, typeof implicitGlobal);
function strictAssign() {
  "use strict";
  try {
    undeclaredStrict = 1;
    return "no error";
  } catch (e) {
    return e.name + ": " + e.message;
  }
}
console.log(strictAssign());
console.log(typeof undeclaredStrict);
try {
  console.log(neverDeclared);
} catch (e) {
  console.log(e instanceof ReferenceError, e.message);
}
