// Tests sort with numeric, descending, multi-key and stable comparators.
console.log([10, 9, 1, 100, 25].sort(function (a, b) { return a - b; }));
console.log([10, 9, 1, 100, 25].sort(function (a, b) { return b - a; }));
var people = [
  { n: "dan", age: 30 }, { n: "amy", age: 25 }, { n: "bob", age: 30 },
  { n: "cat", age: 25 }, { n: "eve", age: 20 }
];
people.sort(function (a, b) { return a.age - b.age; });
console.log(people.map(function (p) { return p.n; }).join(","));
people.sort(function (a, b) { return a.n < b.n ? 1 : a.n > b.n ? -1 : 0; });
console.log(people.map(function (p) { return p.n; }).join(","));
var byLen = ["ccc", "a", "bb", "dd", "e"].sort(function (a, b) { return a.length - b.length; });
console.log(byLen.join(" "));
console.log([0.5, -1, 3, -0.25].sort(function (a, b) { return a - b; }).join(" "));
