// Tests Map/Set/WeakMap/Object.fromEntries consuming iterables, and closing iterators on bad entries.
function tracked(values, log) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          log.push("next");
          return i < values.length ? { value: values[i++], done: false } : { done: true };
        },
        return() {
          log.push("return");
          return {};
        },
      };
    },
  };
}
let log = [];
const m = new Map(tracked([["a", 1], ["b", 2]], log));
console.log(m.size, m.get("b"), log.join(" "));
log = [];
try {
  new Map(tracked([["a", 1], "not an entry", ["c", 3]], log));
} catch (e) {
  console.log("Map bad entry:", e.constructor.name, log.join(" "));
}
log = [];
const s = new Set(tracked(["x", "y", "x"], log));
console.log(s.size, log.join(" "));
log = [];
const o = Object.fromEntries(tracked([["k", "v"], ["k2", "v2"]], log));
console.log(JSON.stringify(o), log.join(" "));
log = [];
try {
  Object.fromEntries(tracked([["k", "v"], 5], log));
} catch (e) {
  console.log("fromEntries bad entry:", e.constructor.name, log.join(" "));
}
log = [];
try {
  new WeakMap(tracked([[{}, 1], ["primitive key", 2]], log));
} catch (e) {
  console.log("WeakMap primitive key:", e.constructor.name, log.join(" "));
}
// entries are read via "0" and "1" properties, not iteration
const entryLike = { 0: "key", 1: "value", length: 0 };
console.log(new Map([entryLike]).get("key"));
// strings are iterable but a string entry is not an object
try {
  new Map(["ab"]);
} catch (e) {
  console.log("string entry:", e.constructor.name);
}
// overridden Set.prototype.add is used by the constructor
const added = [];
const origAdd = Set.prototype.add;
Set.prototype.add = function (v) {
  added.push(v);
  return origAdd.call(this, v);
};
new Set([1, 2]);
Set.prototype.add = origAdd;
console.log(added.join(","));
// Set of null/undefined iterable gives empty set
console.log(new Set(null).size, new Set(undefined).size, new Map(null).size);
