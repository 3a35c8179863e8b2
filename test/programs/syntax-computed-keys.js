// Tests computed property keys in object literals: evaluation order, coercion, duplicates.
const log = [];
function k(name) {
  log.push("key " + name);
  return name;
}
function v(name) {
  log.push("value " + name);
  return name.toUpperCase();
}
const o = { [k("a")]: v("a"), [k("b")]: v("b"), plain: v("p") };
console.log(log.join(", "));
console.log(JSON.stringify(o));
// keys are converted with ToPropertyKey: numbers, objects, null
const keyObj = { toString: () => "fromObj" };
const o2 = { [1 + 1]: "two", [keyObj]: "obj", [null]: "n", [undefined]: "u", [true]: "t", [1.5]: "f" };
console.log(Object.keys(o2).join(","));
// toPrimitive with hint string
const hinted = {
  [Symbol.toPrimitive](h) {
    return "hint-" + h;
  },
};
console.log(Object.keys({ [hinted]: 1 })[0]);
// key conversion happens before value evaluation
log.length = 0;
const conv = {
  toString() {
    log.push("toString");
    return "c";
  },
};
const o3 = { [conv]: (log.push("value"), 1) };
console.log(log.join(","), o3.c);
// duplicated computed keys: last wins, order of first definition kept
const o4 = { a: 1, ["b"]: 2, ["a"]: 3 };
console.log(JSON.stringify(o4));
// computed keys in loops build objects
const fields = ["id", "name", "age"];
const rec = {};
fields.forEach((f, i) => Object.assign(rec, { [f + "_" + i]: i }));
console.log(JSON.stringify(rec));
// computed key throwing stops the literal
try {
  const bad = {
    ok: log.push("ok evaluated"),
    [(() => {
      throw new Error("key error");
    })()]: 1,
  };
} catch (e) {
  console.log(e.message);
}
// integer-like keys ordering
console.log(Object.keys({ ["10"]: 1, ["2"]: 2, ["x"]: 3, ["01"]: 4, [-1]: 5 }).join(","));
// computed accessor
const prop = "dyn";
const acc = {
  get [prop]() {
    return "dynamic getter";
  },
  set [prop + "Set"](x) {
    this.stored = x;
  },
};
acc.dynSet = 9;
console.log(acc.dyn, acc.stored);
