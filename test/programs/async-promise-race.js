// Tests Promise.race: first settled wins (fulfil or reject), empty race stays pending.
const out = [];
const log = (m) => out.push(m);
const delay = (ms, v, fail) =>
  new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
// The slow sides start once the fast ones settled: two timers made one after the other
// can fire in either order on a loaded machine (node's too).
const fast = delay(5, "fast");
Promise.race([fast.then(() => delay(15, "slow")), fast]).then((v) => log("race 1: " + v));
const fastFail = delay(5, "fast-fail", true);
Promise.race([fastFail.catch(() => delay(15, "slow")), fastFail]).then(
  () => log("wrong"),
  (e) => log("race 2 rejected: " + e.message),
);
Promise.race([delay(5, "timer"), "immediate"]).then((v) => log("race 3: " + v));
Promise.race([Promise.resolve("a"), Promise.resolve("b")]).then((v) => log("race 4: " + v));
let settled = false;
Promise.race([]).then(() => (settled = true));
// timeout pattern
function withTimeout(p, ms) {
  return Promise.race([p, delay(ms, "timeout", true)]);
}
const tooSlow = new Promise(() => {}); // never settles: the timeout must win
withTimeout(tooSlow, 10).catch((e) => log("withTimeout: " + e.message));
withTimeout(delay(1, "quick"), 30).then((v) => log("withTimeout ok: " + v));
setTimeout(() => {
  log("empty race settled? " + settled);
  // Sorted: races of timers of different lengths settle in an order the load can change.
  console.log(out.sort().join("\n"));
}, 60);
