// Tests awaiting thenables: then() called asynchronously, with resolve/reject, extra ticks.
const out = [];
const log = (m) => out.push(m);
const thenable = {
  then(resolve, reject) {
    log("thenable.then called");
    resolve("thenable value");
  },
};
(async () => {
  log("before await thenable");
  const v = await thenable;
  log("after await thenable: " + v);
})();
Promise.resolve()
  .then(() => log("tick 1"))
  .then(() => log("tick 2"))
  .then(() => log("tick 3"))
  .then(() => log("tick 4"));
log("sync end");
// thenable that rejects
const rejecting = {
  then(_, reject) {
    reject(new Error("thenable rejected"));
  },
};
(async () => {
  try {
    await rejecting;
  } catch (e) {
    log("caught: " + e.message);
  }
})();
// thenable whose then throws after resolving: the throw is ignored
const throwsAfter = {
  then(resolve) {
    resolve("resolved first");
    throw new Error("ignored");
  },
};
Promise.resolve(throwsAfter).then((v) => log("throwsAfter: " + v));
// thenable getter is read once
let reads = 0;
const getterThenable = {
  get then() {
    reads++;
    return (r) => r("getter ok");
  },
};
Promise.resolve(getterThenable).then((v) => log("getterThenable: " + v + " reads=" + reads));
// nested thenable resolution
const nested = { then: (r) => r({ then: (r2) => r2("deep") }) };
Promise.resolve(nested).then((v) => log("nested: " + v));
// non-function then is treated as a plain value
Promise.resolve({ then: 42 }).then((v) => log("non-callable then: " + typeof v + " " + v.then));
setTimeout(() => console.log(out.join("\n")), 0);
