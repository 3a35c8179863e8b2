// Tests interleaving of await continuations with Promise.resolve().then chains.
const out = [];
const log = (m) => out.push(m);
async function a1() {
  log("a1 start");
  await a2();
  log("a1 after await a2");
}
async function a2() {
  log("a2");
}
log("script start");
a1();
Promise.resolve()
  .then(() => log("then 1"))
  .then(() => log("then 2"))
  .then(() => log("then 3"))
  .then(() => log("then 4"));
new Promise((resolve) => {
  log("executor");
  resolve();
}).then(() => log("executor then"));
log("script end");
setTimeout(() => console.log(out.join("\n")), 0);
