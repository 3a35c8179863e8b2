// Tests JSON.stringify with a numeric indentation argument.
var obj = { a: 1, b: [1, 2, { c: 3 }], d: { e: "f" }, g: [], h: {} };
console.log(JSON.stringify(obj, null, 2));
console.log(JSON.stringify([1, [2, 3]], null, 4));
console.log(JSON.stringify({ x: 1 }, null, 0));
console.log(JSON.stringify({ x: [1] }, null, 20) === JSON.stringify({ x: [1] }, null, 10));
console.log(JSON.stringify("plain", null, 2), JSON.stringify([], null, 2), JSON.stringify({}, null, 2));
