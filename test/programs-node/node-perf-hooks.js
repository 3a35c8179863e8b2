// perf_hooks: performance marks/measures, the entry lists, PerformanceObserver (the instruction count varies with the clock).
const {
  performance,
  PerformanceObserver,
  PerformanceMark,
  PerformanceEntry,
} = require("perf_hooks");
console.log(
  performance === globalThis.performance,
  typeof performance.now(),
  performance.now() >= 0,
);
console.log(Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 1000);
const obs = new PerformanceObserver((list, o) => {
  const names = list.getEntries().map((e) => `${e.entryType}:${e.name}`);
  console.log("observed", names.sort().join(), o === obs, list.getEntriesByType("mark").length);
  obs.disconnect();
});
obs.observe({ entryTypes: ["mark", "measure"] });
const a = performance.mark("a", { detail: { x: 1 } });
console.log(
  a instanceof PerformanceMark,
  a instanceof PerformanceEntry,
  a.entryType,
  a.name,
  a.detail,
  a.duration,
);
performance.mark("b", { startTime: a.startTime + 5 });
const m = performance.measure("a-b", "a", "b");
// (b - a) in floating point is 5 only up to rounding: startTime is a fraction of a ms.
console.log(m.entryType, Math.abs(m.duration - 5) < 1e-9, m.startTime === a.startTime);
console.log(performance.measure("opts", { start: 10, duration: 4, detail: "d" }).duration);
console.log(
  performance.getEntriesByType("mark").map((e) => e.name),
  performance.getEntriesByName("a-b").length,
);
try {
  performance.measure("bad", "nope");
} catch (e) {
  console.log(e.name, e.message);
}
performance.clearMarks("a");
console.log(
  performance.getEntriesByType("mark").length,
  PerformanceObserver.supportedEntryTypes.includes("mark"),
);
console.log(JSON.stringify(new PerformanceMark("j", { startTime: 1 })));
