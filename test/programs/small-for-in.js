// Small: tests for-in over a small object with an integer key.
var keys = [];
for (var k in { b: 1, 1: 2, a: 3 }) keys.push(k);
console.log(keys.join(","));
