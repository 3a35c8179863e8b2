// Tests sloppy arguments objects: aliasing only with simple params, callee, length, iteration.
function simple(a, b) {
  arguments[0] = "A";
  b = "B";
  return [a, arguments[1], arguments.length].join(",");
}
console.log(simple(1, 2));
function withDefault(a, b = 0) {
  arguments[0] = "A";
  b = "B";
  return [a, arguments[1]].join(",");
}
console.log(withDefault(1, 2));
function withRest(a, ...r) {
  a = "changed";
  return arguments[0];
}
console.log(withRest("orig", 1));
function withDestructure({ x }, b) {
  b = "changed";
  return arguments[1];
}
console.log(withDestructure({ x: 1 }, "orig"));
function callee() {
  return typeof arguments.callee === "function" && arguments.callee === callee;
}
console.log(callee());
function describe() {
  return [
    Object.prototype.toString.call(arguments),
    Array.isArray(arguments),
    typeof arguments[Symbol.iterator],
    Object.keys(arguments).join(""),
  ].join(" ");
}
console.log(describe("x", "y"));
// deleting an argument breaks the alias
function unlink(a) {
  delete arguments[0];
  arguments[0] = "new";
  return a + "/" + arguments[0];
}
console.log(unlink("old"));
// duplicate parameter names are allowed in sloppy simple parameter lists
function dup(a, a) {
  return a + "|" + arguments[0] + "|" + arguments[1];
}
console.log(dup(1, 2));
// parameter named arguments shadows the object
function shadow(arguments) {
  return typeof arguments;
}
console.log(shadow(5));
// var arguments keeps the object
function varArgs() {
  var arguments;
  return typeof arguments;
}
console.log(varArgs(1));
// arguments in arrow refers to enclosing function
function outer() {
  return (() => arguments[0])();
}
console.log(outer("outer arg"));
// arguments.length is writable
function lengthWrite() {
  arguments.length = 10;
  return arguments.length + ":" + Array.from(arguments).length;
}
console.log(lengthWrite(1, 2));
