// Tests multi-level prototype chains and property lookup walking.
var a = { fromA: "A", shared: "a-level" };
var b = Object.create(a);
b.fromB = "B";
b.shared = "b-level";
var c = Object.create(b);
c.fromC = "C";
console.log(c.fromA, c.fromB, c.fromC, c.shared);
console.log(Object.getPrototypeOf(c) === b, Object.getPrototypeOf(b) === a);
console.log(Object.getPrototypeOf(a) === Object.prototype, Object.getPrototypeOf(Object.prototype));
var depth = 0;
for (var p = c; p !== null; p = Object.getPrototypeOf(p)) depth++;
console.log(depth);
a.late = "added later";
console.log(c.late);
var keys = [];
for (var k in c) keys.push(k);
console.log(keys.join(","));
