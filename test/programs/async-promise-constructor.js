// Tests the Promise executor: sync execution, resolve-once semantics, throw after resolve.
const out = [];
const log = (m) => out.push(m);
log("before");
const p1 = new Promise((resolve, reject) => {
  log("executor runs synchronously");
  resolve("first");
  resolve("second");
  reject(new Error("ignored"));
  log("executor continues after resolve");
});
log("after");
p1.then((v) => log("p1: " + v));
const p2 = new Promise(() => {
  throw new Error("executor threw");
});
p2.catch((e) => log("p2: " + e.message));
const p3 = new Promise((resolve) => {
  resolve("resolved before throw");
  throw new Error("swallowed");
});
p3.then((v) => log("p3: " + v));
let savedResolve;
const p4 = new Promise((r) => (savedResolve = r));
setTimeout(() => savedResolve("resolved later"), 0);
p4.then((v) => log("p4: " + v));
// resolve/reject functions have length 1, are anonymous
new Promise((res, rej) => {
  log("resolve.length=" + res.length + " reject.length=" + rej.length + " name=" + JSON.stringify(res.name));
  res();
});
// executor receives exactly two args
new Promise(function () {
  log("executor args " + arguments.length);
  arguments[0]();
});
// rejecting with a non-error
new Promise((_, rej) => rej(undefined)).catch((r) => log("rejected with " + r));
setTimeout(() => console.log(out.join("\n")), 5);
