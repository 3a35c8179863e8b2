// Found by the fuzzer: `k in primitive` names the key as V8 does without running guest
// code: a function by its source, `#<Ctor>` for an object whose toString is
// Object.prototype's, else `[object Tag]`.
const keys = [
  () => 2,
  function f() {},
  class A {},
  {},
  [1, 2],
  new Map(),
  { toString() { return "never called"; } },
  Symbol("q"),
  1n,
  "s",
  null,
];
for (const k of keys)
  try {
    k in "x";
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
