// A .js file in a "type": "commonjs" scope is CommonJS; `this` at top level is module.exports.
module.exports = { isCjs: typeof module === "object", topThisIsExports: this === module.exports };
