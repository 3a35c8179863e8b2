// Reassigning the local `exports` variable does not change what require returns.
exports.kept = "kept";
exports = { lost: "this object is not exported" };
exports.alsoLost = true;
