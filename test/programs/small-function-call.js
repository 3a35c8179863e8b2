// Small: tests declaring and calling a function with arguments.
function mul(x, y) {
  return x * y;
}
var r = mul(6, 7);
console.log(r, mul(r, 2), mul("3", 4));
