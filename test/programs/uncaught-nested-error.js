// Uncaught: throws new Error("x") from a nested function call chain.
function inner() {
  throw new Error("x");
}
function middle() {
  console.log("in middle");
  inner();
}
function outer() {
  middle();
}
console.log("start");
outer();
console.log("never printed");
