// Tests CommonJS cycles: partial exports seen mid-cycle, final state after completion.
console.log("main starting");
const a = require("./a.js");
const b = require("./b.js");
console.log("in main, a.done =", a.done, "b.done =", b.done);
console.log(b.readALater());
const replaced = require("./replaced.js");
const partner = require("./partner.js");
console.log(replaced.version, "|", replaced.partnerSaw, "|", partner.holdsOld());
