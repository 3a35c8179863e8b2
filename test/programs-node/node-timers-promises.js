// timers/promises: values, order, AbortSignal cancellation, setInterval's iterator, scheduler.
const tp = require("timers/promises");
const timers = require("node:timers");
console.log(timers.setTimeout === setTimeout, timers.promises === tp, tp.setTimeout.name);
(async () => {
  console.log(await tp.setTimeout(5, "a"), await tp.setImmediate("b"));
  const order = [];
  await Promise.all([
    tp.setTimeout(6).then(() => order.push(6)),
    tp.setTimeout(2).then(() => order.push(2)),
  ]);
  console.log(order.join());
  const ac = new AbortController();
  const p = tp.setTimeout(1000, "never", { signal: ac.signal });
  ac.abort("why");
  await p.catch((e) => console.log(e.name, e.code, e.message, e.cause));
  await tp.setImmediate(0, { signal: AbortSignal.abort() }).catch((e) => console.log(e.code));
  await tp.setTimeout(1, 0, { ref: "no" }).catch((e) => console.log(e.code, e.message));
  let n = 0;
  for await (const v of tp.setInterval(2, "tick")) {
    console.log(v, ++n);
    if (n === 3) break;
  }
  await tp.scheduler.wait(2);
  console.log(await tp.scheduler.yield());
  const ac2 = new AbortController();
  let m = 0;
  try {
    for await (const v of tp.setInterval(2, "x", { signal: ac2.signal })) if (++m === 2) ac2.abort(v);
  } catch (e) {
    console.log("interval", e.name, e.cause, m);
  }
})();
