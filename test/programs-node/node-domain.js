// node:domain: errors thrown in run(), in timers, ticks and promise reactions made in
// it, unhandled 'error' events of emitters made in it or added to it, bind and
// intercept, nested domains, and the uncaught-exception capture it sets.
const domain = require("domain");
const EventEmitter = require("events");

console.log(Object.keys(domain), process.domain, domain.active);
const d = domain.create();
console.log(d instanceof EventEmitter, d instanceof domain.Domain, d.members);
d.on("error", (err) => {
  console.log("d caught:", err.message, err.domain === d, err.domainThrown, Object.keys(err));
});

d.run((a, b) => {
  console.log("run args", a, b, process.domain === d, domain.active === d, domain._stack.length);
  setTimeout(() => {
    console.log("in timer", process.domain === d);
    throw new Error("from timer");
  }, 1);
  const ee = new EventEmitter();
  console.log(ee.domain === d, Object.keys(ee));
  ee.emit("error", new Error("emitter error"));
  ee.on("x", () => console.log("listener runs in", process.domain === d));
  ee.emit("x");
  Promise.resolve().then(() => console.log("promise in domain", process.domain === d));
  process.nextTick(() => console.log("tick in domain", process.domain === d));
}, 1, 2);
console.log("after run", process.domain, domain._stack.length);

// An emitter added to a domain; one removed again.
const d3 = domain.create();
d3.on("error", (e) => console.log("d3:", e.message, e.domainEmitter !== undefined));
const added = new EventEmitter();
d3.add(added);
console.log(d3.members.length, added.domain === d3);
added.emit("error", new Error("added emitter"));
d3.remove(added);
console.log(d3.members.length, added.domain);

// bind and intercept.
const d4 = domain.create();
d4.on("error", (e) => console.log("d4:", e.message, e.domainThrown, typeof e.domainBound));
const bound = d4.bind(function (x) {
  console.log("bound", x, this.tag, process.domain === d4);
  return x * 2;
});
console.log(bound.call({ tag: "t" }, 21), bound.domain === d4);
const intercepted = d4.intercept((data) => console.log("intercepted", data));
intercepted(null, "ok");
intercepted(new Error("callback error"));

// Nested domains: the inner one takes what is thrown in it.
const outer = domain.create();
const inner = domain.create();
outer.on("error", (e) => console.log("outer:", e.message));
inner.on("error", (e) => console.log("inner:", e.message));
outer.run(() => {
  inner.run(() => {
    console.log("stack", domain._stack.length, process.domain === inner);
    setImmediate(() => {
      throw new Error("in inner");
    });
  });
  console.log("back in outer", process.domain === outer, domain._stack.length);
  setImmediate(() => {
    throw new Error("in outer");
  });
});

// A throw during run() itself ends the program's top level: what follows never runs.
const d2 = domain.create();
d2.on("error", (e) => console.log("d2:", e.message, e.domainThrown));
d2.run(() => {
  throw new Error("sync throw");
});
console.log("not reached");
