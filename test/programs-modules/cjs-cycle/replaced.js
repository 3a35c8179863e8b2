// Replaces module.exports after requiring a cycle partner: the partner keeps the old object.
exports.version = "old object";
const partner = require("./partner.js");
module.exports = { version: "new object", partnerSaw: partner.sawVersion };
