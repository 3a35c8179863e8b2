// Node's `fs/promises`: the promise forms of vm/node/fs.js (one object, as in Node,
// where require("fs").promises === require("fs/promises")).
"use strict";

module.exports = require("fs").promises;
