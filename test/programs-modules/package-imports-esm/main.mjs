// package.json "imports" from ES modules: the "import" condition, a pattern with a
// suffix, a package target, self-reference, and the errors for what is not defined.
import cond from "#cond";
import { feature } from "#feature/one.js";
import { secret } from "#esdep";
import { name } from "esapp";
import { createRequire } from "node:module";
console.log(cond, feature, secret, name);
console.log(createRequire(import.meta.url)("#cond"));
for (const specifier of ["#nope", "#/x", "esapp/missing"]) {
  try {
    await import(specifier);
  } catch (e) {
    console.log(specifier, e.code);
  }
}
