// Tests switch with default in the middle, including fallthrough from default.
function f(x) {
  var r = "";
  switch (x) {
    case "a":
      r += "A";
    default:
      r += "D";
    case "b":
      r += "B";
      break;
    case "c":
      r += "C";
  }
  return r;
}
console.log(f("a"), f("b"), f("c"), f("z"));
function g(x) {
  switch (x) {
    default:
      return "default";
    case 1:
      return "one";
  }
}
console.log(g(1), g(2));
var hits = 0;
switch (3) {
  default:
    hits += 100;
}
console.log(hits);
switch (1) {}
console.log("empty switch ok");
