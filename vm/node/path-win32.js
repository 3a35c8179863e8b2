// node:path/win32 — path.win32.
"use strict";

module.exports = require("path").win32;
