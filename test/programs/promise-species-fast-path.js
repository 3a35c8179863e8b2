// then()'s species lookup when Promise is intact and when guest code changed it: a
// replaced Symbol.species getter is called, a constructor getter is read once, and a
// subclass's then() makes subclass promises; await orders stay as node's.
const log = (...a) => console.log(...a);
class Sub extends Promise {}
const s = Sub.resolve(1).then((v) => v + 1);
log("sub then is Sub:", s instanceof Sub);
const p = Promise.resolve(5);
let reads = 0;
Object.defineProperty(p, "constructor", {
  get() {
    reads++;
    return Promise;
  },
});
p.then(() => log("constructor reads:", reads));
const original = Object.getOwnPropertyDescriptor(Promise, Symbol.species);
let calls = 0;
Object.defineProperty(Promise, Symbol.species, {
  configurable: true,
  get() {
    calls++;
    return this;
  },
});
Promise.resolve(1).then(() => log("species getter calls:", calls));
Object.defineProperty(Promise, Symbol.species, original);
Promise.resolve(2).then(() => log("after restore calls:", calls));
async function f(x) {
  log("f start", x);
  await null;
  log("f after await", x);
  return x * 2;
}
(async () => {
  log("sum", (await f(1)) + (await f(2)));
  try {
    await (async () => {
      throw new Error("boom");
    })();
  } catch (e) {
    log("caught", e.message);
  }
  const r = await Promise.all([f(3), Promise.reject(new Error("no")).catch((e) => e.message)]);
  log("all", r.join(","));
})();
Promise.reject(new Error("late")).catch((e) => log("late catch", e.message));
log("sync end");
