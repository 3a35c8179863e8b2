// Tests Promise.all: result order, early rejection, empty input, non-promise values, timing.
const out = [];
const log = (m) => out.push(m);
const delay = (ms, v, fail) =>
  new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
// "slow" settles after "boom" by construction: two timers of different lengths made one
// after the other can fire in either order on a loaded machine (node's too).
const boom = delay(10, "boom", true);
const slow = boom.catch(() => delay(10, "slow"));
Promise.all([slow, delay(5, "fast"), "plain", Promise.resolve("resolved")]).then((v) =>
  log("all: " + v.join(",")),
);
Promise.all([]).then((v) => log("empty: " + JSON.stringify(v)));
Promise.all([slow.then(() => delay(10, "never used")), boom, delay(1, "ok")])
  .then(() => log("not reached"))
  .catch((e) => log("rejected: " + e.message));
Promise.all("ab").then((v) => log("string iterable: " + v.join("|")));
Promise.all(new Set([1, 2])).then((v) => log("set: " + v.join("|")));
Promise.all(5).catch((e) => log("non-iterable: " + e.constructor.name));
// ordering relative to microtasks
const p = Promise.all([1, 2]);
Promise.resolve()
  .then(() => log("tick 1"))
  .then(() => log("tick 2"))
  .then(() => log("tick 3"));
p.then(() => log("all([1,2]) settled"));
// Promise.all calls .then of each element: thenables accepted
Promise.all([{ then: (r) => r("thenable") }]).then((v) => log("thenable: " + v[0]));
slow.then(() => setTimeout(() => console.log(out.join("\n")), 20));
