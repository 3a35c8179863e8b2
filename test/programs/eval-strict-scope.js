// Tests strict direct eval: var declarations stay in the eval's own scope.
function strictCaller() {
  "use strict";
  eval("var inner = 'eval scoped'; function innerFn() {}");
  return [typeof inner, typeof innerFn].join(",");
}
console.log(strictCaller());
function strictEvalCode() {
  eval("'use strict'; var viaDirective = 1");
  return typeof viaDirective;
}
console.log(strictEvalCode());
// strict eval can still read and write outer variables
function readWrite() {
  "use strict";
  let x = 1;
  eval("x = x + 41");
  return x;
}
console.log(readWrite());
// strict eval: assignment to undeclared throws
function undeclared() {
  try {
    eval("'use strict'; notDeclaredAnywhere = 1");
    return "assigned";
  } catch (e) {
    return e.constructor.name;
  }
}
console.log(undeclared(), typeof notDeclaredAnywhere);
// strict eval: this in called functions is undefined
function strictThis() {
  return eval("'use strict'; (function () { return this; })()");
}
console.log(strictThis());
// eval returning a value from its own var
function value() {
  "use strict";
  return eval("var v = 10; v * 3");
}
console.log(value());
// sloppy function with eval: eval code strict via directive gets its own scope per call
function perCall(n) {
  return eval("'use strict'; var c = n * 2; c");
}
console.log(perCall(2), perCall(5));
// in a class body (strict), eval vars don't leak
class K {
  m() {
    eval("var classEvalVar = 1");
    return typeof classEvalVar;
  }
}
console.log(new K().m());
