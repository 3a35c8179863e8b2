// Module-level declarations are module scoped, not global.
var moduleVar = "module var";
function moduleFn() {}
export const checks = [
  typeof globalThis.moduleVar,
  typeof globalThis.moduleFn,
  typeof moduleVar,
].join(",");
