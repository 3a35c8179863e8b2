// Tests node_modules resolution from ESM: "import" condition, CJS packages, "type": "module" packages.
import fake from "fake-pkg";
import { name as fakeName } from "fake-pkg";
import condDefault, { flavor } from "cond-pkg";
import feature from "cond-pkg/feature";
import esmDefault, { kind, isStrict } from "esm-pkg";
import * as esmNs from "esm-pkg";
import scoped from "@fake/scoped";
import { createRequire } from "node:module";

console.log(fake.name, fakeName, fake.helper);
console.log(flavor, "|", condDefault);
console.log(feature);
console.log(kind, isStrict(), esmDefault.note, Object.keys(esmNs).join(","));
console.log(scoped);
const require = createRequire(import.meta.url);
console.log("createRequire picks require condition:", require("cond-pkg").flavor);
try {
  await import("cond-pkg/lib/private.js");
} catch (e) {
  console.log("unexported subpath:", e.code);
}
try {
  await import("not-installed-pkg");
} catch (e) {
  console.log("not installed:", e.code);
}
const extra = await import("fake-pkg/extra.js");
console.log(extra.default);
