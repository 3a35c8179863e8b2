// Tests strict mode ReferenceErrors: assigning undeclared names, in functions and nested scopes.
"use strict";
function attempt(label, fn) {
  try {
    fn();
    console.log(label, "ok");
  } catch (e) {
    console.log(label, e.constructor.name);
  }
}
attempt("assign undeclared", () => {
  undeclaredOne = 1;
});
console.log(typeof undeclaredOne, "undeclaredOne" in globalThis);
attempt("compound assign undeclared", () => {
  undeclaredTwo += 1;
});
attempt("increment undeclared", () => {
  undeclaredThree++;
});
attempt("for-in undeclared", () => {
  for (undeclaredFour in { a: 1 });
});
attempt("destructure into undeclared", () => {
  [undeclaredFive] = [1];
});
attempt("assign existing global property", () => {
  globalThis.existingGlobal = 1;
  existingGlobal = 2;
});
console.log(globalThis.existingGlobal);
delete globalThis.existingGlobal;
attempt("typeof undeclared is fine", () => typeof notThere);
// the order: RHS is evaluated before the ReferenceError
let evaluated = false;
attempt("rhs evaluated first", () => {
  undeclaredSix = (evaluated = true);
});
console.log("rhs evaluated:", evaluated);
// a function that becomes strict via directive
function inner() {
  "use strict";
  return this;
}
console.log(inner());
