// Tests subclassing Map and Set: constructor calls overridden set/add, size, iteration.
const calls = [];
class LoggingMap extends Map {
  set(k, v) {
    calls.push("set " + k);
    return super.set(k, v);
  }
  getOr(k, d) {
    return this.has(k) ? this.get(k) : d;
  }
}
const m = new LoggingMap([
  ["a", 1],
  ["b", 2],
]);
console.log(calls.join(","));
m.set("c", 3);
console.log(m.size, m.getOr("a", 0), m.getOr("z", "dflt"));
console.log([...m.keys()].join(","), [...m.values()].join(","));
console.log(m instanceof Map, m instanceof LoggingMap, Object.prototype.toString.call(m));
class DefaultMap extends Map {
  constructor(factory, entries) {
    super(entries);
    this.factory = factory;
  }
  get(k) {
    if (!this.has(k)) super.set(k, this.factory(k));
    return super.get(k);
  }
}
const counts = new DefaultMap(() => 0);
for (const w of "the cat the hat the end".split(" ")) counts.set(w, counts.get(w) + 1);
console.log([...counts].map(([k, v]) => k + "=" + v).join(" "));
class UniqueList extends Set {
  add(v) {
    return super.add(typeof v === "string" ? v.toLowerCase() : v);
  }
}
const u = new UniqueList(["A", "a", "B"]);
u.add("b").add("C");
console.log(u.size, [...u].join(","));
// Map method called on a non-Map throws
try {
  Map.prototype.get.call({}, "x");
} catch (e) {
  console.log("get on plain object:", e.constructor.name);
}
// the constructor requires `new`
try {
  LoggingMap();
} catch (e) {
  console.log("call without new:", e.constructor.name);
}
