// `with` is a SyntaxError in strict mode code; eval reports it as a catchable error.
function attempt(label, src) {
  try {
    eval(src);
    console.log(label, "ran");
  } catch (e) {
    console.log(label, e.constructor.name, e.message);
  }
}
attempt("directive", "'use strict'; with ({}) {}");
attempt("sloppy", "with ({ k: 1 }) { k }");
function strictFn() {
  "use strict";
  attempt("inherited", "with ({}) {}");
  try {
    eval("with ({}) {}");
  } catch (e) {
    console.log("strict caller", e.constructor.name, e.message);
  }
}
strictFn();
