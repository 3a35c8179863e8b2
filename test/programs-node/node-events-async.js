// node:events — once() and on() as promises and async iterators, with errors.
const { EventEmitter, once, on } = require("events");
const f = new EventEmitter();
(async () => {
  setTimeout(() => f.emit("ready", 1, 2), 1);
  console.log("once", await once(f, "ready"), f.listenerCount("error"));
  setTimeout(() => f.emit("error", new Error("bad")), 1);
  try { await once(f, "never"); } catch (err) { console.log("rejected", err.message, f.listenerCount("never")); }
  try { await once(5, "x"); } catch (err) { console.log(err.message); }
  const it = on(f, "tick");
  process.nextTick(() => { f.emit("tick", 1); f.emit("tick", 2); f.emit("tick", 3); });
  for await (const [v] of it) { console.log("tick", v); if (v === 3) break; }
  console.log(f.listenerCount("tick"), f.listenerCount("error"));
  const it2 = on(f, "t");
  process.nextTick(() => f.emit("error", new Error("stop")));
  try { for await (const x of it2) console.log(x); } catch (err) { console.log("iter", err.message); }
  const cap = new EventEmitter({ captureRejections: true });
  cap.on("go", async () => { throw new Error("async"); });
  cap.on("error", (err) => console.log("captured", err.message));
  cap.emit("go");
})();
