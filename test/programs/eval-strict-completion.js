"use strict";
// Strict eval code: the completion value is that of its own statements only.
console.log(eval("{}"), eval(";"), eval("var x = 1"), eval("if (false) 1;"));
console.log(eval("'a'; {}"), eval("1; {}"), eval("'use strict'"), eval("'use strict'; 2"));
function f() {
  return [eval("{}"), eval("var y = 1"), eval("3")];
}
console.log(f());
console.log((0, eval)("{}"), (0, eval)("'use strict'; {}"));
