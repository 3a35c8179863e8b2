// Tests Object.keys, Object.values and Object.entries on plain objects and arrays.
var o = { x: 1, y: "two", z: [3] };
console.log(Object.keys(o));
console.log(Object.values(o));
console.log(Object.entries(o));
console.log(Object.keys(["a", "b"]), Object.values("hi"));
var proto = { inherited: 1 };
var child = Object.create(proto);
child.own = 2;
console.log(Object.keys(child), Object.values(child));
var total = 0;
Object.entries({ a: 1, b: 2, c: 3 }).forEach(function (pair) { total += pair[1]; });
console.log(total);
var inverted = {};
Object.keys(o).forEach(function (k) { inverted[String(o[k])] = k; });
console.log(inverted);
