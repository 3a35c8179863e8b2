// both.js wins over both.json when requiring "./both".
module.exports = "both.js";
