// Tests temporal dead zone errors for let accessed before declaration.
try {
  console.log(a);
} catch (e) {
  console.log(e instanceof ReferenceError, e.message);
}
let a = 1;
console.log(a);
{
  try {
    b = 5;
  } catch (e) {
    console.log(e instanceof ReferenceError, e.message);
  }
  let b;
  console.log(b);
}
function f() {
  try {
    return inner;
  } catch (e) {
    return e.name + ": " + e.message;
  }
  let inner = 2;
}
console.log(f());
