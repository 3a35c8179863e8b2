// Small: tests JSON.stringify of a small object.
var o = { a: [1, 2], b: "s", c: null, d: undefined };
console.log(JSON.stringify(o));
