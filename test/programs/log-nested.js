// Tests console.log of objects and arrays nested two levels deep.
console.log({ a: { b: { c: 1 } } });
console.log([[[1, 2]], [[3]]]);
console.log({ list: [{ id: 1 }, { id: 2 }] });
console.log([{ x: [1] }, { y: { z: "z" } }]);
var shared = { v: 1 };
console.log({ p: shared, q: shared });
