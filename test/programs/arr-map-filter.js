// Tests map and filter, their callback arguments and skipping holes.
var a = [1, 2, 3, 4, 5];
console.log(a.map(function (x) { return x * x; }));
console.log(a.filter(function (x) { return x % 2; }));
console.log(a.map(function (x, i, arr) { return x + i + arr.length; }));
console.log(["1", "2", "3"].map(Number), ["a", "", "b"].filter(Boolean));
var ctx = { factor: 3 };
console.log([1, 2].map(function (x) { return x * this.factor; }, ctx));
var visits = 0;
var holes = [1, , 3];
var mapped = holes.map(function (x) { visits++; return x * 2; });
console.log(visits, mapped.length, 1 in mapped);
var people = [{ n: "a", age: 20 }, { n: "b", age: 15 }, { n: "c", age: 30 }];
console.log(people.filter(function (p) { return p.age >= 18; }).map(function (p) { return p.n; }));
