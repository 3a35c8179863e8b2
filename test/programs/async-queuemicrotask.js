// Tests queueMicrotask interleaving with promise reactions and await.
const out = [];
queueMicrotask(() => out.push("qm 1"));
Promise.resolve().then(() => {
  out.push("then 1");
  queueMicrotask(() => out.push("qm nested in then"));
});
queueMicrotask(() => {
  out.push("qm 2");
  Promise.resolve().then(() => out.push("then nested in qm"));
});
(async () => {
  out.push("async body");
  await 0;
  out.push("async after await");
  queueMicrotask(() => out.push("qm from async"));
  await 0;
  out.push("async after await 2");
})();
out.push("sync end");
setTimeout(() => {
  console.log(out.join("\n"));
  try {
    queueMicrotask("not a function");
  } catch (e) {
    console.log("bad arg:", e.constructor.name);
  }
}, 0);
// errors thrown in a microtask would be uncaught; here we catch inside
queueMicrotask(() => {
  try {
    throw new Error("inside microtask");
  } catch (e) {
    out.push("caught " + e.message);
  }
});
