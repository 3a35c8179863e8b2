// Tests console.log formatting of plain objects, quoted keys and nesting.
console.log({ a: 1, b: "two" });
console.log({});
console.log({ "key-with-dash": 1, valid_id: 2, $dollar: 3 });
console.log({ 1: "num key", x: 2 });
console.log({ nested: { deep: true }, list: [1, 2] });
console.log({ s: "str", n: null, u: undefined, z: -0 });
console.log({ "": "empty key", " ": "space" });
