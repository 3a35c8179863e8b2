// A second module requiring the same dependency shares the cached instance.
const counter = require("./counter");
counter.inc();
module.exports = counter;
