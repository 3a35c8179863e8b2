// Tests that strict-mode functions do not alias parameters with arguments.
function f(a, b) {
  "use strict";
  a = 10;
  arguments[1] = 20;
  return [a, b, arguments[0], arguments[1]];
}
console.log(f(1, 2));
function g(x) {
  "use strict";
  x++;
  return arguments[0] + " vs " + x;
}
console.log(g(5));
function sloppy(x) { x++; return arguments[0] + " vs " + x; }
console.log(sloppy(5));
