// Loaded via the "main" field of a directory's package.json.
exports.where = "pkgdir/entry.js";
