// source escaping, flags, flag getters, toString, property layout.
console.log(new RegExp("/").source, new RegExp("\n").source, new RegExp("").source, new RegExp("[/]").source);
console.log(/a\/b/.source, String(new RegExp("a/b", "g")), /x/dgimsy.flags, /x/v.flags);
const r = /x/dgimsuy;
console.log(r.hasIndices, r.global, r.ignoreCase, r.multiline, r.dotAll, r.unicode, r.unicodeSets, r.sticky);
const getters = ["dotAll", "flags", "global", "hasIndices", "ignoreCase", "multiline", "source", "sticky", "unicode", "unicodeSets"];
for (const k of getters) {
  const d = Object.getOwnPropertyDescriptor(RegExp.prototype, k);
  console.log(k, typeof d.get, d.set, d.enumerable, d.configurable, d.get.name, RegExp.prototype[k]);
}
console.log(Object.getOwnPropertyNames(RegExp.prototype));
console.log(Object.getOwnPropertySymbols(RegExp.prototype).map(String));
console.log(RegExp.prototype.toString(), RegExp.prototype.source, RegExp.prototype.flags, RegExp.prototype.global);

// flags reads the individual getters, in order.
const log = [];
const o = {};
for (const k of ["hasIndices", "global", "ignoreCase", "multiline", "dotAll", "unicode", "unicodeSets", "sticky"])
  Object.defineProperty(o, k, { get() { log.push(k); return k === "global" || k === "sticky"; } });
console.log(Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get.call(o), log.sort().join()); // Node 20 reads sticky before unicodeSets; the spec the other way round

// toString uses the source and flags properties.
console.log(RegExp.prototype.toString.call({ source: "S", flags: "F" }));

for (const f of [
  () => Object.getOwnPropertyDescriptor(RegExp.prototype, "global").get.call({}),
  () => Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get.call([]),
  () => Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get.call(1),
  () => RegExp.prototype.exec.call({}, "a"),
  () => RegExp.prototype.toString.call(1),
]) {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
