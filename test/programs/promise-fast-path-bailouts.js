// The native fast paths of then(), await and resolution (builtins/promise-core.ts) give
// way to the general steps whenever guest code could observe them: `then` getters (on
// the value or on Object.prototype), proxies, a replaced constructor, a subclass, a
// self-resolution; the order of the logs must stay node's.
const log = (...a) => console.log(...a);
const tick = (tag) => Promise.resolve().then(() => log("tick", tag));

// A thenable whose `then` is a getter: read once, synchronously, by the resolution.
const getterThenable = {
  get then() {
    log("then getter read");
    return (res) => res("from getter thenable");
  },
};
Promise.resolve(getterThenable).then((v) => log(v));
tick(1);

// A proxy value: its get trap sees the `then` lookup.
const proxied = new Proxy({}, { get: (t, k) => (log("proxy get", String(k)), undefined) });
Promise.resolve(1)
  .then(() => proxied)
  .then((v) => log("proxy resolved", v === proxied));

// A promise whose constructor is an own data property (still %Promise%) or another one.
const own = Promise.resolve("own ctor");
own.constructor = Promise;
const other = Promise.resolve("other ctor");
other.constructor = function NotPromise() {};
(async () => {
  log("await own", await own);
  log("await other", await other);
})();

// A subclass: await wraps it (extra ticks), then() makes subclass promises.
class Sub extends Promise {}
(async () => log("await sub", await Sub.resolve("sub")))();
log("then on sub is Sub:", Sub.resolve(0).then(() => 0) instanceof Sub);

// A handler that throws rejects the derived promise; a self-resolution is a TypeError.
Promise.resolve()
  .then(() => {
    throw new Error("thrown in handler");
  })
  .catch((e) => log("caught", e.message));
const self = Promise.resolve().then(() => self);
self.catch((e) => log("self", e.constructor.name));

// A `then` getter on Object.prototype: every object resolution reads it.
Promise.resolve()
  .then(() => {
    Object.defineProperty(Object.prototype, "then", {
      configurable: true,
      get() {
        log("Object.prototype.then read");
        return undefined;
      },
    });
    return { plain: true };
  })
  .then((v) => {
    delete Object.prototype.then;
    log("plain resolved", v.plain);
  });

// An async function returning a thenable, and awaiting one.
(async () => ({ then: (res) => res("async returned thenable") }))().then(log);
(async () => log("awaited", await { then: (res) => res("a thenable") }))();
log("sync end");
