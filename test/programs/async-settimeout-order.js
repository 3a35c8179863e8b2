// Tests ordering of setTimeout(0) callbacks relative to microtasks and each other.
const log = (m) => console.log(m);
setTimeout(() => log("timeout 1"), 0);
setTimeout(() => {
  log("timeout 2");
  Promise.resolve().then(() => log("microtask inside timeout 2"));
  queueMicrotask(() => log("queueMicrotask inside timeout 2"));
}, 0);
setTimeout(() => log("timeout 3"), 0);
Promise.resolve().then(() => {
  log("microtask 1");
  setTimeout(() => log("timeout from microtask"), 0);
});
(async () => {
  log("async start");
  await new Promise((r) => setTimeout(r, 0));
  log("async resumed after timer");
})();
log("sync end");
// timer ids and clearTimeout
const id = setTimeout(() => log("cleared timer ran (wrong)"), 0);
clearTimeout(id);
const t = setTimeout(() => {}, 0);
console.log(typeof t === "object" || typeof t === "number");
// setTimeout passes extra arguments
setTimeout((a, b) => log("args " + a + " " + b), 0, "x", "y");
