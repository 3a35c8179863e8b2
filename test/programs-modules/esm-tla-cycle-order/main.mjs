// A module that imports a member of a cycle waits for the whole cycle (its root),
// not just for that member, before it runs (the spec's [[CycleRoot]] step).
import "./setup.mjs";
import "./cycle-root.mjs";
import "./importer-of-leaf.mjs";
import * as ns from "./cycle-leaf.mjs";

console.log(globalThis.logs.join("\n"));
// Namespace objects: a binding in its TDZ is still "in" the namespace; freezing fails.
console.log("leaf" in ns, Reflect.has(ns, "missing"), Reflect.set(ns, "leaf", ns.leaf));
try {
  Object.freeze(ns);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
console.log(Object.isSealed(Object.seal(ns)), Object.isFrozen(ns));
