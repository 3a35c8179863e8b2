// Small: tests that finally runs and can override a return value.
function f() {
  try {
    return "try";
  } finally {
    console.log("finally ran");
  }
}
function g() {
  try { return 1; } finally { return 2; }
}
console.log(f(), g());
