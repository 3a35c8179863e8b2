// Small: tests throwing and catching an Error.
try {
  throw new Error("small failure");
} catch (e) {
  console.log(e.name, e.message, e instanceof Error);
}
console.log("after");
