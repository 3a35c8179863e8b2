// Loaded via require("./lib") — directory index resolution.
exports.where = "lib/index.js";
