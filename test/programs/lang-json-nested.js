// JSON.parse and JSON.stringify of nested data, snapshotted while it is converted and
// walked (heavy-lang-json-deep.js goes 20,000 deep).
const N = 1500;
const depthOf = (v, key) => {
  let d = 0;
  for (let x = v; x !== null && typeof x === "object"; x = key === undefined ? x[0] : x[key]) d++;
  return d;
};
const arrays = JSON.parse("[".repeat(N) + "]".repeat(N));
console.log("arrays", depthOf(arrays));
const objects = JSON.parse('{"a":'.repeat(N) + '"leaf"' + "}".repeat(N));
console.log("objects", depthOf(objects, "a"));
const mixed = JSON.parse('[{"k":'.repeat(N / 2) + "[1,2,{}]" + "}]".repeat(N / 2));
console.log("mixed", depthOf(mixed[0], "k"));
console.log(arrays, objects, mixed);
for (const [name, f] of [
  ["stringify", () => JSON.stringify(arrays)],
  ["structuredClone", () => structuredClone(objects)],
]) {
  try {
    f();
    console.log(name, "done");
  } catch (e) {
    console.log(name, e instanceof RangeError, e.message);
  }
}
const moderate = JSON.parse("[".repeat(500) + "1" + "]".repeat(500));
const text = JSON.stringify(moderate);
console.log(text.length, depthOf(structuredClone(moderate)));
console.log(JSON.stringify(JSON.parse('{"a":[1,{"b":null,"__proto__":2}],"c":"x"}')));
const parsedProto = JSON.parse('{"__proto__": {"x": 1}}');
console.log(Object.keys(parsedProto), parsedProto.x, Object.getPrototypeOf(parsedProto) === Object.prototype);
