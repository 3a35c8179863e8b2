// node:events — 'error' without listeners, errorMonitor, Node's argument errors.
const { EventEmitter, errorMonitor } = require("events");
const e = new EventEmitter();
for (const v of [undefined, 1, "s", {}, null]) {
  try { e.on("y", v); } catch (err) { console.log(err.name, err.code, err.message); }
}
try { e.emit("error", new Error("boom")); } catch (err) { console.log("thrown", err.message); }
try { e.emit("error", { a: 1 }); } catch (err) { console.log(String(err), err.context); }
try { e.emit("error"); } catch (err) { console.log(err.message); }
e.on(errorMonitor, (err) => console.log("monitor", err));
e.on("error", (err) => console.log("handled", err));
e.emit("error", 42);
try { e.setMaxListeners(-1); } catch (err) { console.log(err.code, err.message); }
try { EventEmitter.defaultMaxListeners = "x"; } catch (err) { console.log(err.message); }
try { EventEmitter.setMaxListeners(NaN); } catch (err) { console.log(err.message); }
try { EventEmitter.getEventListeners(5, "x"); } catch (err) { console.log(err.message); }
