// Adds properties to the `exports` object.
exports.add = (a, b) => a + b;
exports.PI = 3.14;
exports.thisIsExports = this === exports && this === module.exports;
