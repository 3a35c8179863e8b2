// Tests dynamic import(): promise result, namespace identity, single evaluation, computed and bad specifiers.
console.log("main: start");
const p = import("./lazy.mjs");
console.log("import() returns promise:", p instanceof Promise);
const ns = await p;
console.log(ns.value, ns.default(), Object.keys(ns).join(","));
const ns2 = await import("./lazy.mjs");
console.log("same namespace:", ns === ns2);
ns.hit();
ns2.hit();
console.log("live hits:", ns.hits);
import * as staticNs from "./lazy.mjs";
console.log("static equals dynamic:", staticNs === ns);
const which = "oth" + "er";
const other = await import(`./${which}.mjs`);
console.log(other.name);
try {
  await import("./does-not-exist.mjs");
} catch (e) {
  console.log("missing module rejected:", e instanceof Error);
}
const results = await Promise.all([import("./lazy.mjs"), import("./other.mjs")]);
console.log(results.map((r) => r[Symbol.toStringTag]).join(","));
// import() inside a function and a then-chain
function loadLater() {
  return import("./other.mjs").then((m) => "then got " + m.name);
}
console.log(await loadLater());
console.log("main: end");
