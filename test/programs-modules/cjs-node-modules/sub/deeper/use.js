// Requires packages from a nested directory: lookup walks up to the parent node_modules.
module.exports = require("fake-pkg").name + " (from sub/deeper)";
