// Node's event loop (the instruction count varies with the busy waits): a check phase runs
// the immediates queued before it began (with their ticks and microtasks between them),
// even when a timer falls due meanwhile; immediates they queue wait for the next turn,
// after the due timers, and a timer scheduled in the timers phase waits for the next turn.
setTimeout(() => {
  const order = [];
  setTimeout(() => order.push("t0"), 0);
  setImmediate(() => {
    order.push("i1");
    setImmediate(() => {
      order.push("i3 (next turn)");
      console.log(order.join(", "));
      immediateQueue();
    });
    setTimeout(() => order.push("t1"), 0);
    const end = Date.now() + 3;
    while (Date.now() < end);
  });
  setImmediate(() => {
    order.push("i2");
    Promise.resolve().then(() => order.push("i2 microtask"));
    process.nextTick(() => order.push("i2 tick"));
  });
}, 0);

// A queue of immediates that each queue another: one per turn, as node's own test
// (test-timers-immediate-queue) checks.
function immediateQueue() {
  let hit = 0;
  let ticked = false;
  function run() {
    if (hit === 0) {
      setTimeout(() => (ticked = true), 1);
      const now = Date.now();
      while (Date.now() - now < 2);
    }
    if (ticked) return;
    hit += 1;
    setImmediate(run);
  }
  for (let i = 0; i < 10; i++) setImmediate(run);
  process.on("exit", () => console.log("hit", hit));
}
