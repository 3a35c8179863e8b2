// Small: tests the arguments object length and indexing.
function f(a) {
  return arguments.length + ":" + arguments[1];
}
console.log(f(1, "two", 3), f());
