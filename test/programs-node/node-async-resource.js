// node:async_hooks AsyncResource: ids, runInAsyncScope, bind, emitDestroy, and the
// hooks createHook() fires for it (filtered to our resources: Node also reports its own).
const ah = require("node:async_hooks");
const { AsyncResource, createHook, executionAsyncId, triggerAsyncId } = ah;
console.log(executionAsyncId(), triggerAsyncId(), typeof ah.executionAsyncResource());
const mine = new Set();
const events = [];
const hook = createHook({
  init(id, type, trigger, resource) {
    if (type !== "MINE") return;
    mine.add(id);
    events.push(["init", trigger === executionAsyncId(), resource instanceof AsyncResource]);
  },
  before(id) {
    if (mine.has(id)) events.push(["before", id === r.asyncId()]);
  },
  after(id) {
    if (mine.has(id)) events.push(["after"]);
  },
  destroy(id) {
    if (mine.has(id)) events.push(["destroy"]);
  },
}).enable();
const r = new AsyncResource("MINE");
console.log(r.asyncId() > 1, r.triggerAsyncId() === executionAsyncId());
const seen = r.runInAsyncScope(
  function (a, b) {
    return [this.t, a, b, executionAsyncId() === r.asyncId(), ah.executionAsyncResource() === r];
  },
  { t: "this" },
  1,
  2,
);
console.log(seen);
r.emitDestroy();
r.emitDestroy();
const r2 = new AsyncResource("MINE", { triggerAsyncId: 7 });
console.log(r2.triggerAsyncId());
setImmediate(() => {
  hook.disable();
  new AsyncResource("MINE");
  console.log(JSON.stringify(events));
});
const f = AsyncResource.bind(function named() {
  return executionAsyncId() !== 1;
});
console.log(f(), f.name === "bound named" || f.name);
for (const bad of [() => new AsyncResource(1), () => createHook({ init: 1 })])
  try {
    bad();
  } catch (e) {
    console.log(e.code);
  }
