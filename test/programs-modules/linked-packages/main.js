// Packages linked into node_modules, as pnpm and `npm link` lay them out: a module is
// named by its real path, loads its own dependencies from there, and two links to one
// file are one module.
const path = require("path");
const rel = (p) => path.relative(__dirname, p);
const a = require("a");
console.log("a is", rel(a.file));
console.log("a's dependency b is", rel(a.b.file));
console.log("one module through two links:", require("a-again") === a);
console.log("linked file:", rel(require("./lib/linked").file));
console.log("cache keys:", Object.keys(require.cache).map(rel).sort().join(" "));
import("a").then((m) => console.log("import of a:", rel(m.default.file), m.default === a));
