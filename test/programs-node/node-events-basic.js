// node:events — listener order, once, prepend, newListener/removeListener, counts.
const EventEmitter = require("node:events");
const e = new EventEmitter();
const log = [];
e.on("newListener", (n) => log.push("new:" + String(n)));
e.on("removeListener", (n) => log.push("rm:" + String(n)));
function a(x) { log.push("a" + x + (this === e)); }
e.on("x", a).prependListener("x", () => log.push("first")).once("x", (v) => log.push("once" + v));
console.log(e.emit("x", 1), e.emit("x", 2), e.emit("nope"));
console.log(e.listenerCount("x"), e.listenerCount("x", a), e.eventNames());
console.log(e.listeners("x").includes(a), e.rawListeners("x").length);
e.off("x", a);
e.removeAllListeners("x");
const sym = Symbol("s");
e.prependOnceListener(sym, function () { log.push("sym" + arguments.length); });
e.emit(sym);
console.log(log.join(" "));
console.log(e.eventNames(), EventEmitter.listenerCount(e, "newListener"), e.getMaxListeners());
class Sub extends EventEmitter {}
const s = new Sub();
console.log(s instanceof EventEmitter, EventEmitter.EventEmitter === EventEmitter, Object.keys(s), s);
