// Uncaught: throws a plain string value that nobody catches.
function check(v) {
  if (v > 2) throw "a string";
  return v;
}
console.log(check(1));
console.log(check(2));
console.log(check(3));
