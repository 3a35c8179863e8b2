// Declarations of sloppy eval code at the global level (EvalDeclarationInstantiation):
// new globals are configurable, an existing var keeps its attributes, a function
// replaces a configurable property, and NaN (non-configurable, non-writable) cannot
// be redeclared as a function.
const desc = (name) => {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  if (!d) return "none";
  return [typeof d.value, d.writable, d.enumerable, d.configurable].join(",");
};
(0, eval)("var evNewVar = 1; function evNewFn() { return 2; }");
console.log(desc("evNewVar"), desc("evNewFn"), evNewFn());
Object.defineProperty(globalThis, "evFixed", { value: 1, writable: true, enumerable: false, configurable: false });
(0, eval)("var evFixed = 5;");
console.log(desc("evFixed"), evFixed);
Object.defineProperty(globalThis, "evConf", { value: 1, writable: false, enumerable: false, configurable: true });
(0, eval)("var seen = evConf; function evConf() { return 3; }");
console.log(desc("evConf"), evConf(), typeof seen);
try {
  (0, eval)("function NaN() {}");
} catch (e) {
  console.log(e.name, e.message);
}
console.log(typeof NaN, Number.isNaN(NaN));
try {
  (0, eval)("function undefined() {}");
} catch (e) {
  console.log(e.name, e.message);
}
console.log(delete globalThis.evNewVar, delete globalThis.evNewFn, typeof evNewFn);
// A var over a global lexical declaration is a SyntaxError.
(0, eval)("let evLex = 1;");
try {
  (0, eval)("var evLex;");
} catch (e) {
  console.log(e.name, e.message);
}
