import "./cycle-root.mjs";
import * as self from "./cycle-leaf.mjs";
globalThis.logs.push("cycle leaf start");
// `late` is still in its TDZ: it exists in the namespace, but reading it throws.
globalThis.logs.push("late in namespace: " + ("late" in self));
try {
  self.late;
} catch (e) {
  globalThis.logs.push(e.constructor.name);
}
await 1;
globalThis.logs.push("cycle leaf end");
export const leaf = "leaf";
export let late = 1;
