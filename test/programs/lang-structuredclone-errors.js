// structuredClone refuses what cannot be cloned with a DOMException named DataCloneError.
const values = [
  Promise.resolve(1),
  new WeakMap(),
  new WeakSet(),
  new WeakRef({}),
  function named() {},
  () => {},
  class K {},
  Symbol("x"),
  { nested: [Symbol()] },
  Object(Symbol("w")),
  new Proxy({}, {}),
  new Proxy([], {}),
  async function af() {},
  { p: new Promise(() => {}) },
];
for (const v of values) {
  try {
    structuredClone(v);
    console.log("cloned");
  } catch (e) {
    console.log(e.name, "|", e.message, "|", e instanceof DOMException, e instanceof Error, e.code);
    console.log(Object.prototype.toString.call(e), Object.keys(e), e.stack.split("\n")[0]);
  }
}
const d = new DOMException("msg", "DataCloneError");
console.log(d.code, DOMException.DATA_CLONE_ERR, d.DATA_CLONE_ERR, String(d));
console.log(Object.getOwnPropertyNames(d), Object.keys(DOMException.prototype).length);
const plain = new DOMException();
console.log([plain.name, plain.message, plain.code, String(plain)]);
console.log(new DOMException("x", "Custom").code);
console.log(structuredClone({ a: [1, { b: 2 }], m: new Map([[1, 2]]) }));
