// Tests Promise.prototype.finally: pass-through values, overriding by throw, and tick costs.
const out = [];
const log = (m) => out.push(m);
Promise.resolve("val")
  .finally(() => {
    log("finally 1");
    return "ignored";
  })
  .then((v) => log("after finally 1: " + v));
Promise.reject(new Error("err"))
  .finally(() => log("finally 2"))
  .catch((e) => log("after finally 2: " + e.message));
Promise.resolve("orig")
  .finally(() => {
    throw new Error("finally threw");
  })
  .catch((e) => log("after finally 3: " + e.message));
const waited = Promise.resolve("waited")
  .finally(() => new Promise((r) => setTimeout(r, 10)).then(() => log("finally 4 inner done")))
  .then((v) => log("after finally 4: " + v));
Promise.resolve("rejecting")
  .finally(() => Promise.reject(new Error("finally rejected")))
  .catch((e) => log("after finally 5: " + e.message));
// tick comparison
Promise.resolve()
  .then(() => log("t1"))
  .then(() => log("t2"))
  .then(() => log("t3"))
  .then(() => log("t4"))
  .then(() => log("t5"));
// finally receives no arguments
Promise.resolve(42).finally((...args) => log("finally args length " + args.length));
// Printed once the waiting finally is through (a fixed delay raced its 10 ms timer on a
// loaded machine: node's own output then lacked its two lines).
waited.then(() => setTimeout(() => console.log(out.join("\n")), 0));
