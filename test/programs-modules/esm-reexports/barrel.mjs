// A barrel module re-exporting in every supported form.
export * from "./a.mjs";
export * from "./b.mjs";
export { fromA as aliasOfA } from "./a.mjs";
export { default } from "./a.mjs";
export { default as bDefault, bFn as renamedBFn } from "./b.mjs";
export * as bNamespace from "./b.mjs";
import { fromB } from "./b.mjs";
export const local = "barrel local uses " + fromB;
