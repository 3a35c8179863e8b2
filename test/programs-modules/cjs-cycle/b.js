// Cycle participant B: sees A's partially filled exports.
console.log("b starting");
exports.done = false;
const a = require("./a.js");
console.log("in b, a.done =", a.done, "a.early =", a.early, "keys:", Object.keys(a).join(","));
exports.done = true;
exports.readALater = () => "later a.done = " + a.done;
console.log("b done");
