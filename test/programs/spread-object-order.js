// Tests the order of getter calls and key definition when spreading objects with accessors.
const log = [];
const src = {
  get b() {
    log.push("get b");
    return "B";
  },
  a: "A",
  get 1() {
    log.push("get 1");
    return "one";
  },
  [Symbol("s")]: "S",
};
const out = { first: log.push("first prop"), ...src, last: log.push("last prop") };
console.log(log.join(", "));
console.log(Object.keys(out).join(","));
console.log(Object.getOwnPropertySymbols(out).length);
// getter that mutates the source mid-spread: later keys still copied if listed
log.length = 0;
const mut = {
  get x() {
    log.push("get x adds z");
    this.z = "late";
    delete this.y;
    return "X";
  },
  y: "Y",
};
const copy = { ...mut };
console.log(JSON.stringify(copy), log.join(","));
// spread of an object with a throwing getter stops the literal
try {
  const partial = {
    before: 1,
    ...{
      get boom() {
        throw new Error("getter boom");
      },
    },
  };
} catch (e) {
  console.log("caught", e.message);
}
// Object.assign vs spread with setters on target
const assignLog = [];
const tgt = {
  set v(x) {
    assignLog.push("setter " + x);
  },
};
Object.assign(tgt, { v: 1 });
const spreadTgt = { ...tgt, ...{ v: 2 } };
console.log(assignLog.join(","), spreadTgt.v, typeof Object.getOwnPropertyDescriptor(spreadTgt, "v").set);
