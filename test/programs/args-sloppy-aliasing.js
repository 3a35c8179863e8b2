// Tests sloppy-mode aliasing between named parameters and arguments[i].
function f(a, b) {
  a = 10;
  console.log(arguments[0]);
  arguments[1] = 20;
  console.log(b);
}
f(1, 2);
function missing(a, b) {
  b = 5;
  return arguments[1] + " " + arguments.length;
}
console.log(missing(1));
function setBeyond(a) {
  arguments[1] = "extra";
  return arguments.length + " " + arguments[1];
}
console.log(setBeyond(1));
function lenChange(a) {
  arguments.length = 0;
  a = "changed";
  return [arguments.length, arguments[0]];
}
console.log(lenChange("orig"));
