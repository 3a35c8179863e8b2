// Tests JSON.stringify with an array of keys as the replacer argument.
var obj = { id: 1, name: "x", secret: "hide", nested: { id: 2, secret: "also", name: "y" } };
console.log(JSON.stringify(obj, ["id", "name", "nested"]));
console.log(JSON.stringify(obj, ["nested", "id"], 2));
console.log(JSON.stringify([{ a: 1, b: 2 }], ["b"]));
