// process events: uncaughtException (a handler keeps the program alive), unhandledRejection.
// (Warnings print node's pid on stderr: test/node-web.test.ts covers them.)
process.on("uncaughtException", (err, origin) => console.log("caught", err.message, origin));
setTimeout(() => {
  console.log("still running");
  Promise.reject(new Error("rejected"));
}, 1);
setTimeout(() => {
  process.on("unhandledRejection", (r, p) => console.log("unhandled", r, p instanceof Promise));
  Promise.reject(42);
}, 5);
throw new Error("boom");
