// CommonJS helper that itself uses import() and exposes a promise.
exports.loaded = import("./lib.mjs").then((ns) => "helper saw " + ns.state);
