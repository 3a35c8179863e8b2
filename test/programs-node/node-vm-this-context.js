// node:vm in this context: runInThisContext and Script see and make globals, not the
// caller's locals; compileFunction builds a function of the given parameters.
const vm = require("node:vm");
globalThis.shared = 2;
const local = "caller's";
console.log(vm.runInThisContext("shared * 21"));
console.log(vm.runInThisContext("typeof local"));
vm.runInThisContext("var madeGlobal = 'yes'; function globalFn() { return 7; }");
console.log(globalThis.madeGlobal, globalFn());
const script = new vm.Script("shared += 1; shared");
console.log(script.runInThisContext(), script.runInThisContext(), local);
const add = vm.compileFunction("return a + b + (typeof local)", ["a", "b"]);
console.log(add(1, 2), add.length);
console.log(vm.isContext({}));
for (const bad of [() => vm.runInThisContext(1), () => vm.compileFunction("x", "a"), () => vm.isContext(1)])
  try {
    bad();
  } catch (e) {
    console.log(e.code);
  }
try {
  vm.runInThisContext("let x = ;");
} catch (e) {
  console.log(e.name);
}
