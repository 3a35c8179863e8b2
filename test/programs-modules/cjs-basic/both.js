// Writes to exports, then replaces module.exports: earlier writes are dropped.
exports.early = "early";
module.exports = { late: "late" };
exports.afterReplace = "lost too";
module.exports.added = "added to new object";
