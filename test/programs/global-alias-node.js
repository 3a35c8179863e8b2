// Node's `global`: the global object itself, an ordinary writable, enumerable and
// configurable data property (packages such as `process` read global.process), and
// its tag "global" (non-writable, non-enumerable, configurable).
console.log(global === globalThis, typeof global.process, global.Array === Array);
const d = Object.getOwnPropertyDescriptor(globalThis, "global");
console.log(d.writable, d.enumerable, d.configurable, d.value === globalThis);
global.answer = 42;
console.log(answer, Object.keys(globalThis).includes("global"));
console.log(Object.prototype.toString.call(globalThis), String(globalThis));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, Symbol.toStringTag)));
