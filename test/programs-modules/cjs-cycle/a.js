// Cycle participant A: publishes partial exports before requiring B.
console.log("a starting");
exports.done = false;
exports.early = "a early value";
const b = require("./b.js");
console.log("in a, b.done =", b.done);
exports.done = true;
console.log("a done");
