// Uncaught: finally blocks run before an uncaught TypeError escapes.
function work() {
  try {
    console.log("working");
    var o = null;
    return o.field;
  } finally {
    console.log("cleanup in finally");
  }
}
try {
  console.log("outer try");
  work();
} finally {
  console.log("outer finally");
}
console.log("never printed");
