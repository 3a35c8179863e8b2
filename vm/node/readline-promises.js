// node:readline/promises — readline.promises.
"use strict";

module.exports = require("readline").promises;
