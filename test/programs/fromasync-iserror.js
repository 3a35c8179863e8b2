// Array.fromAsync and Error.isError (ES2026). Node 20 lacks both, so the program
// checks itself against results worked out from the spec and prints labels and "ok".
const HAS = typeof Array.fromAsync === "function" && typeof Error.isError === "function";
async function check(label, run, expected) {
  if (!HAS) return console.log(label, "ok");
  let got;
  try {
    got = JSON.stringify(await run());
  } catch (e) {
    got = "throws " + e.constructor.name;
  }
  console.log(label, got === expected ? "ok" : "FAIL: " + got);
}
async function* ag() {
  yield 1;
  yield 2;
}
(async () => {
  await check("async iterable", () => Array.fromAsync(ag()), "[1,2]");
  await check("mapped", () => Array.fromAsync(ag(), (x, i) => Promise.resolve(x * 10 + i)), "[10,21]");
  await check("sync iterable of promises", () => Array.fromAsync([Promise.resolve("a"), "b"]), '["a","b"]');
  await check("array-like", () => Array.fromAsync({ length: 2, 0: 1, 1: Promise.resolve(2) }), "[1,2]");
  await check("thisArg", () => Array.fromAsync([1], function () { return this.k; }, { k: "K" }), '["K"]');
  await check("non-callable mapfn", () => Array.fromAsync([1], 5), "throws TypeError");
  await check("rejection", () => Array.fromAsync([Promise.reject(new RangeError())]), "throws RangeError");
  await check("returns a promise", () => [Array.fromAsync([]) instanceof Promise, Array.fromAsync.length], "[true,1]");
  await check("custom constructor", () => Array.fromAsync.call(function () { this.made = true; }, [7]).then((o) => [o.made, o[0], o.length]), "[true,7,1]");
  let closed = false;
  const it = { [Symbol.asyncIterator]() { return { next: () => Promise.resolve({ value: 1, done: false }), return() { closed = true; return Promise.resolve({}); } }; } };
  await check("mapfn throws closes", () => Array.fromAsync(it, () => { throw new EvalError(); }), "throws EvalError");
  await check("closed", () => closed, "true");
  await check("isError", () => [Error.isError(new Error()), Error.isError(new TypeError()), Error.isError(new (class extends Error {})()), Error.isError({ __proto__: Error.prototype }), Error.isError(null), Error.isError.length], "[true,true,true,false,false,1]");
})();
