// Tests JSON.stringify of nested objects and arrays without indentation.
var data = {
  name: "widget",
  tags: ["a", "b"],
  dims: { w: 2, h: 3, unit: "cm" },
  parts: [{ id: 1, ok: true }, { id: 2, ok: false, sub: [[], {}] }],
  empty: {},
  none: null
};
console.log(JSON.stringify(data));
console.log(JSON.stringify([[1, [2, [3]]], { a: { b: { c: {} } } }]));
console.log(JSON.stringify({ 2: "two", b: 1, 1: "one", a: 0 }));
var arrWithProps = [1, 2];
arrWithProps.extra = "ignored";
console.log(JSON.stringify(arrWithProps));
