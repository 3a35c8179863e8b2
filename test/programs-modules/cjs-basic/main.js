// Tests CommonJS basics: exports vs module.exports, replaced exports, wrapper variables, require.main.
const math = require("./math");
console.log(math.add(2, 3), math.PI, math.thisIsExports, Object.keys(math).join(","));
const Person = require("./person.js");
console.log(new Person("ann").hello(), typeof Person);
console.log(JSON.stringify(require("./reassign-exports")));
console.log(JSON.stringify(require("./both")));
console.log(require("./primitive"), typeof require("./primitive"));
const info = require("./wrapper-info");
console.log(JSON.stringify(info));
console.log("main isMain:", require.main === module, "loaded while running:", module.loaded);
console.log(this === module.exports, typeof exports, exports === module.exports);
setTimeout(() => console.log("loaded after main finished:", module.loaded), 0);
try {
  require("./no-such-module");
} catch (e) {
  console.log("missing:", e.code);
}
