// Tests rejection handling with try/catch/finally in async functions and promise chains.
const out = [];
const log = (m) => out.push(m);
async function fail(msg) {
  await null;
  throw new Error(msg);
}
async function handler() {
  try {
    await fail("first");
    log("not reached");
  } catch (e) {
    log("caught " + e.message);
  } finally {
    log("finally 1");
  }
  try {
    await Promise.reject(new TypeError("typed"));
  } catch (e) {
    log("caught " + e.constructor.name + " " + e.message);
  }
  try {
    await Promise.reject("string reason");
  } catch (e) {
    log("caught primitive " + typeof e + " " + e);
  }
  return "handler done";
}
handler().then(log);
// rejection propagating out of an async function
fail("propagated").catch((e) => log("catch() got " + e.message));
// sync throw in async function becomes a rejection, not a sync exception
let syncThrew = false;
try {
  (async () => {
    throw new Error("sync part");
  })().catch((e) => log("rejected with " + e.message));
} catch (e) {
  syncThrew = true;
}
log("sync threw? " + syncThrew);
// finally overriding return / throw
async function finallyOverride() {
  try {
    throw new Error("from try");
  } finally {
    return "finally wins";
  }
}
finallyOverride().then((v) => log("finallyOverride: " + v));
// then(onFulfilled, onRejected) vs catch after then
Promise.reject(new Error("two-arg"))
  .then(
    () => log("no"),
    (e) => log("onRejected " + e.message),
  )
  .then(() => log("chain continues"));
// error thrown inside catch handler
Promise.reject(new Error("a"))
  .catch(() => {
    throw new Error("b");
  })
  .catch((e) => log("second catch " + e.message));
// rethrow in async
async function rethrow() {
  try {
    await fail("inner");
  } catch (e) {
    throw new RangeError("wrapped " + e.message);
  }
}
rethrow().catch((e) => log(e.constructor.name + ": " + e.message));
setTimeout(() => console.log(out.join("\n")), 0);
