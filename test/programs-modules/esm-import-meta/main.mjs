// Tests import.meta: url shape, per-module object identity, prototype and mutability.
import { depMeta, depUrlOk } from "./dep.mjs";
console.log(typeof import.meta, import.meta.url.endsWith("/main.mjs"));
console.log(import.meta.url.startsWith("file://"), typeof import.meta.url);
console.log(Object.getPrototypeOf(import.meta) === null);
console.log(import.meta === import.meta, import.meta !== depMeta, depUrlOk);
import.meta.custom = "added";
console.log(import.meta.custom);
const base = new URL(".", import.meta.url);
console.log(new URL("./dep.mjs", import.meta.url).href === new URL("dep.mjs", base).href);
console.log(new URL("./dep.mjs", import.meta.url).href.endsWith("/esm-import-meta/dep.mjs"));
