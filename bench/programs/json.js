// JSON: stringify and parse of a document of nested records, and a reviver pass.
const now = typeof performance === "object" ? () => performance.now() : () => Date.now();
const T0 = now();
const doc = [];
for (let i = 0; i < 5000; i++)
  doc.push({ id: i, name: "item" + i, tags: ["a", "b", String(i % 7)], pos: { x: i / 3, y: -i }, ok: i % 2 === 0 });
let size = 0;
let back = null;
for (let r = 0; r < 3; r++) {
  const text = JSON.stringify(doc);
  size += text.length;
  back = JSON.parse(text);
}
const revived = JSON.parse(JSON.stringify(doc.slice(0, 1000)), (k, v) => (k === "x" ? Math.round(v) : v));
console.log(size, back.length, back[4999].name, revived[999].pos.x);
console.log("@work", Math.round(now() - T0));
