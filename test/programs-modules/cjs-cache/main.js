// Tests the require cache: same object for repeated requires, side effects once, cache deletion.
console.log("main start");
const c1 = require("./counter");
const c2 = require("./counter.js");
const c3 = require("./user");
console.log(c1 === c2, c1 === c3, c1.count);
c1.inc();
console.log(c2.count);
const key = require.resolve("./counter");
console.log(typeof key, key in require.cache, require.cache[key].exports === c1);
delete require.cache[key];
const fresh = require("./counter");
console.log(fresh === c1, fresh.count, c1.count);
console.log(require("./counter") === fresh);
// requiring main itself returns its (partial) exports
module.exports.marker = "main exports";
console.log(require("./main").marker, require.main === module);
