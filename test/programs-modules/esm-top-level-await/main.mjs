// Tests top-level await: async dependencies, sibling evaluation order, and await in the entry module.
import { slowValue } from "./slow.mjs";
import { fastValue } from "./fast.mjs";
import { derived } from "./uses-slow.mjs";
console.log("main: start", slowValue, fastValue, derived);
const r = await new Promise((resolve) => setTimeout(() => resolve("main timer"), 5));
console.log("main:", r);
for await (const v of [Promise.resolve("x"), "y"]) console.log("main for await", v);
try {
  await Promise.reject(new Error("rejected at top level"));
} catch (e) {
  console.log("main caught:", e.message);
}
const dynamic = await import("./fast.mjs");
console.log("main dynamic:", dynamic.fastValue);
console.log("main: end");
