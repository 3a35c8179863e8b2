// Tests for-in when properties are deleted or added during iteration.
var o = { a: 1, b: 2, c: 3, d: 4 };
var visited = [];
for (var k in o) {
  visited.push(k);
  if (k === "a") delete o.c;
}
console.log(visited.join(","), Object.keys(o).join(","));
var p = { x: 1, y: 2 };
var seen = [];
for (var k2 in p) {
  seen.push(k2);
  delete p[k2];
}
console.log(seen.join(","), Object.keys(p).length);
var q = { first: 1, second: 2 };
var qs = [];
for (var k3 in q) {
  qs.push(k3);
  if (k3 === "first") delete q.first;
}
console.log(qs.join(","));
