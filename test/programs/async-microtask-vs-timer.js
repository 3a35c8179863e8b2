// Tests that a long chain of microtasks fully drains before any timer callback runs.
const out = [];
const log = (m) => out.push(m);
setTimeout(() => {
  log("timer");
  console.log(out.join("\n"));
}, 0);
let n = 0;
function spin() {
  n++;
  if (n % 250 === 0) log("microtask " + n);
  if (n < 1000) queueMicrotask(spin);
}
queueMicrotask(spin);
(async () => {
  for (let i = 0; i < 3; i++) {
    await null;
  }
  log("async loop done, n=" + n);
})();
log("sync end");
