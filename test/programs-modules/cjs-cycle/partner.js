// Requires replaced.js during its evaluation and captures its exports object at that moment.
const r = require("./replaced.js");
exports.sawVersion = r.version;
exports.holdsOld = () => r.version;
