// Tests the arguments object: length, indexing, and array-likeness.
function info() {
  return arguments.length + ":" + (arguments[0] === undefined ? "u" : arguments[0]);
}
console.log(info(), info(1), info(1, 2, 3), info(undefined, 2));
function sum() {
  var total = 0;
  for (var i = 0; i < arguments.length; i++) total += arguments[i];
  return total;
}
console.log(sum(), sum(1, 2, 3), sum(10, -10, 5));
function isArr() { return Array.isArray(arguments) + " " + typeof arguments; }
console.log(isArr());
function toArr() { return Array.prototype.slice.call(arguments); }
console.log(toArr(3, 2, 1));
function extra(a) { return [a, arguments[1], arguments.length]; }
console.log(extra("x", "y", "z"));
function outer() {
  var inner = () => arguments[0];
  return inner("ignored");
}
console.log(outer("from outer"));
function argsObj() { return Object.prototype.toString.call(arguments); }
console.log(argsObj());
