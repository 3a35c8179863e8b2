// Exports added under computed names cannot be detected statically.
const names = ["hidden1", "hidden2"];
for (const n of names) exports[n] = n + " value";
exports.visible = "visible value";
