// Tests JSON.stringify with a string indentation argument.
var obj = { name: "n", list: [true, null], inner: { k: "v" } };
console.log(JSON.stringify(obj, null, "\t"));
console.log(JSON.stringify(obj.list, null, "--"));
console.log(JSON.stringify({ a: 1 }, null, ""));
console.log(JSON.stringify({ a: { b: 1 } }, null, "abcdefghijklmnop"));
