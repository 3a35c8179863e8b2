// Tests that undefined and functions are dropped in objects and become null in arrays.
var o = { a: 1, u: undefined, f: function () {}, arrow: () => 1, n: null, z: 0 };
console.log(JSON.stringify(o));
console.log(JSON.stringify([1, undefined, function () {}, null, 2]));
console.log(JSON.stringify({ nested: { gone: undefined }, arr: [undefined] }));
console.log(JSON.stringify([, 1]));
console.log(JSON.stringify({ onlyUndef: undefined }));
var hidden = {};
Object.defineProperty(hidden, "secret", { value: 1, enumerable: false });
hidden.shown = 2;
console.log(JSON.stringify(hidden));
var child = Object.create({ inherited: 1 });
child.own = 2;
console.log(JSON.stringify(child));
