// console methods that read guest values (getters, toString): snapshots cut inside.
const rows = [];
for (let i = 0; i < 3; i++)
  rows.push({
    get name() {
      return "row" + i;
    },
    id: i,
  });
console.table(rows);
console.table(rows, ["id"]);
const label = { toString() { return "lbl"; } };
console.count(label);
console.count(label);
console.countReset("lbl");
console.count(label);
console.assert(0, { toString() { return "why"; } });
console.dir({ a: { b: { c: {} } } }, { get depth() { return 0; } });
console.group({ toString() { return "never called"; } });
console.log("indented");
console.groupCollapsed();
console.warn("warned");
console.groupEnd();
console.groupEnd();
