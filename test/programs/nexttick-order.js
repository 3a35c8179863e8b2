// process.nextTick ordering against promise jobs, queueMicrotask, await and timers.
const log = (...a) => console.log(...a);
setTimeout(() => log("timeout"), 0);
Promise.resolve().then(() => {
  log("p1");
  process.nextTick(() => log("tick from p1"));
  Promise.resolve().then(() => log("p1-inner"));
}).then(() => log("p1-then"));
process.nextTick((a, b) => {
  log("tick1", a, b);
  process.nextTick(() => log("tick nested"));
  Promise.resolve().then(() => log("p from tick"));
}, "x", 2);
process.nextTick(() => log("tick2"));
queueMicrotask(() => log("qm"));
(async () => { log("async start"); await null; log("after await"); process.nextTick(() => log("tick from async")); })();
setTimeout(() => {
  log("timeout2");
  process.nextTick(() => log("tick in timeout"));
  Promise.resolve().then(() => log("p in timeout"));
}, 5);
log("sync end");
try { process.nextTick(5); } catch (e) { log(e.name, e.code, e.message); }
log(typeof process.hrtime(), process.hrtime().length, typeof process.hrtime.bigint(), process.platform === "linux");
const d = process.hrtime(process.hrtime()); log(d.length, d[0] >= 0, d[1] >= 0);
log(typeof process.version, process.version.startsWith("v"), typeof process.versions.node, typeof process.versions.v8);
const m = process.memoryUsage(); log(Object.keys(m), typeof m.heapUsed);
console.log(process.versions.node === process.version.slice(1), process.arch === "x64" || process.arch === "arm64", typeof process.pid);
