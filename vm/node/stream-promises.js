// node:stream/promises — readable-stream's promise forms of pipeline and finished.
"use strict";

module.exports = require("stream").promises;
