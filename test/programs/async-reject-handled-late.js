// Tests rejections that get handlers attached a few microtasks later (no unhandled report).
const out = [];
const log = (m) => out.push(m);
const rejected = Promise.reject(new Error("late handled"));
Promise.resolve()
  .then(() => log("tick 1"))
  .then(() => log("tick 2"))
  .then(() => {
    rejected.catch((e) => log("handled: " + e.message));
  });
async function rejectLater() {
  await null;
  throw new Error("async rejection");
}
const p = rejectLater();
queueMicrotask(() => {
  queueMicrotask(() => {
    p.catch((e) => log("handled: " + e.message));
  });
});
// a rejected promise passed to Promise.all is handled by all()
Promise.all([Promise.reject(new Error("inside all")), 1]).catch((e) => log("all: " + e.message));
// rejection inside then chain handled at the end
Promise.resolve()
  .then(() => {
    throw new Error("chain");
  })
  .then(() => log("skip"))
  .then(() => log("skip"))
  .catch((e) => log("handled: " + e.message));
setTimeout(() => console.log(out.join("\n") + "\nexit normally"), 0);
