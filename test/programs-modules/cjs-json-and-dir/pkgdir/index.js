// Should NOT be loaded: package.json "main" takes precedence over index.js.
exports.where = "pkgdir/index.js (wrong)";
