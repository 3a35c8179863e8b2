// Tests node_modules resolution from CommonJS: main field, exports conditions, subpaths, scoped and ESM packages.
const fake = require("fake-pkg");
console.log(fake.name, "|", fake.helper);
console.log(require("fake-pkg/extra"), require("fake-pkg/lib/helper").value);
console.log(require("fake-pkg/package.json").version);
console.log(require("cond-pkg").flavor);
console.log(require("cond-pkg/feature"));
console.log(require("cond-pkg/package.json").version);
try {
  require("cond-pkg/lib/private.js");
} catch (e) {
  console.log("unexported subpath:", e.code);
}
console.log(require("@fake/scoped"));
console.log(require("./sub/deeper/use"));
console.log(require("fake-pkg") === fake);
try {
  require("not-installed-pkg");
} catch (e) {
  console.log("not installed:", e.code);
}
// the two dynamic imports are chained so their output order is deterministic
import("cond-pkg")
  .then((ns) => {
    console.log("import() of cond-pkg:", ns.flavor, "|", ns.default);
    return import("esm-pkg");
  })
  .then((ns) => {
    const { isStrict } = ns;
    console.log("import() of esm-pkg:", ns.kind, isStrict(), ns.default.note);
    console.log("namespace keys:", Object.keys(ns).join(","));
  });
console.log("sync end");
