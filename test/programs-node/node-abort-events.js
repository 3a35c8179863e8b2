// EventTarget/Event/CustomEvent and signals in events.once.
const { once } = require("events");
const et = new EventTarget();
const seen = [];
const h = { handleEvent: (e) => seen.push(`obj:${e.type}`) };
et.addEventListener("x", (e) => seen.push(`fn:${e.type}:${e.eventPhase}`));
et.addEventListener("x", h);
et.addEventListener("x", h);
et.addEventListener("y", () => seen.push("once"), { once: true });
const ev = new Event("x", { cancelable: true });
et.addEventListener("x", (e) => e.preventDefault());
console.log(et.dispatchEvent(ev), ev.defaultPrevented, ev.eventPhase, ev.target === et);
et.dispatchEvent(new Event("y"));
et.dispatchEvent(new Event("y"));
et.removeEventListener("x", h);
et.dispatchEvent(new Event("x"));
console.log(seen.join());
const ce = new CustomEvent("c", { detail: { n: 1 } });
console.log(ce.detail, ce instanceof Event, ce.bubbles, Event.AT_TARGET);
const e2 = new Event("s");
et.addEventListener("s", (e) => {
  e.stopImmediatePropagation();
  console.log("first");
});
et.addEventListener("s", () => console.log("not called"));
et.dispatchEvent(e2);
const ac = new AbortController();
et.addEventListener("z", () => console.log("removed by signal"), { signal: ac.signal });
ac.abort();
et.dispatchEvent(new Event("z"));
(async () => {
  const ee = new (require("events"))();
  const ac2 = new AbortController();
  setTimeout(() => ac2.abort(), 2);
  await once(ee, "never", { signal: ac2.signal }).catch((e) => console.log(e.name, e.code));
  setTimeout(() => et.dispatchEvent(new Event("later")), 2);
  const [ev2] = await once(et, "later");
  console.log("once", ev2.type);
})();
