// Tests require of .json files, extension resolution order, directories with index.js and package.json main.
const config = require("./config.json");
console.log(config.name, config.values.join("+"), config.nested.flag, typeof config);
const again = require("./config");
console.log(again === config);
config.mutated = "yes";
console.log(require("./config.json").mutated);
console.log(require("./data").from);
console.log(require("./lib").where, require("./lib/").where, require("./lib/index").where);
console.log(require("./pkgdir").where);
console.log(require("./both"));
console.log(require("./both.json"));
try {
  require("./nope.json");
} catch (e) {
  console.log("missing json:", e.code);
}
