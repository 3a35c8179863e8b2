// node:async_hooks AsyncLocalStorage: a store follows the context a callback was queued
// in — promise reactions (then/await), nextTick, timers, immediates, queueMicrotask and
// host operations — and run/exit/enterWith/disable/bind/snapshot behave as in Node.
const { AsyncLocalStorage, AsyncResource } = require("node:async_hooks");
const fs = require("node:fs");
const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const log = [];
const note = (what) => log.push(`${what}=${als.getStore()}`);

console.log(als.getStore());
als.run("A", () => {
  note("sync");
  Promise.resolve().then(() => note("then"));
  process.nextTick(() => note("tick"));
  setTimeout(() => note("timeout"), 1);
  setImmediate(() => note("immediate"));
  queueMicrotask(() => note("microtask"));
  fs.readFile(__filename, () => note("readFile"));
  fs.promises.stat(__filename).then(() => note("fs.promises"));
  const iv = setInterval(() => {
    note("interval");
    clearInterval(iv);
  }, 1);
  als.exit(() => note("exit"));
  other.run("O", () => {
    note("nested-other");
    log.push("other=" + other.getStore());
  });
});
note("after-run");

// The context of then() time, not of resolve() time.
let resolveLater;
const pending = new Promise((r) => (resolveLater = r));
als.run("then-time", () => pending.then(() => note("reaction")));
als.run("resolve-time", () => resolveLater());

async function task(name) {
  note(name + ":start");
  await null;
  note(name + ":after-await");
  await new Promise((r) => setTimeout(r, 1));
  note(name + ":after-timer");
  return als.getStore();
}
const done = Promise.all([als.run("T1", task, "t1"), als.run("T2", () => task("t2"))]);

// enterWith inside a callback lasts for that callback and what it queues.
setTimeout(() => {
  als.enterWith("entered");
  note("enterWith");
  Promise.resolve().then(() => note("enterWith-then"));
}, 2);
setTimeout(() => note("next-timer"), 3);

// bind and snapshot capture the context at their call.
const bound = als.run("B", () => AsyncLocalStorage.bind(() => als.getStore()));
const snap = als.run("S", () => AsyncLocalStorage.snapshot());
const res = als.run("R", () => new AsyncResource("X"));

done.then((stores) => {
  console.log(stores, bound(), snap(() => als.getStore()), res.runInAsyncScope(() => als.getStore()));
  const rb = res.bind(function (x) {
    return [this && this.k, x, als.getStore()];
  });
  console.log(rb.call({ k: 1 }, 2));
  als.run("D", () => {
    als.disable();
    note("disabled");
    als.run("again", () => note("re-enabled"));
  });
});
process.on("exit", () => console.log(log.sort().join("\n")));
