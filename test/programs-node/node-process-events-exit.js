// process events: beforeExit (may schedule more work), exit (sync, may change the code).
let n = 0;
process.on("beforeExit", (code) => {
  console.log("beforeExit", code, n);
  if (n++ < 2) setTimeout(() => console.log("more work", n), 1);
});
process.once("exit", (code) => {
  console.log("exit", code, process.exitCode);
  setTimeout(() => console.log("never"), 0);
  process.exitCode = 4;
});
process.exitCode = 3;
console.log(
  process.listenerCount("exit"),
  typeof process.emit,
  process instanceof require("events"),
);
