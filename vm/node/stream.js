// node:stream — readable-stream 4.7.0 (Node's own streams, maintained by Node's
// streams team), run as guest code. This file only re-exports its lib/stream.js, so
// that require("stream") and require("readable-stream") in the runtime's files give
// the same classes, and tells process.stdout/stderr that streams exist now (they
// become real Writables: vm/node/internal/stdio.js).
"use strict";

module.exports = require("readable-stream/lib/stream.js");
require("internal/stdio").streamLoaded(module.exports);
