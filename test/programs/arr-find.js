// Tests find and findIndex with matches, misses and index arguments.
var users = [{ id: 1, name: "ann" }, { id: 2, name: "bob" }, { id: 3, name: "cy" }];
console.log(users.find(function (u) { return u.id === 2; }));
console.log(users.find(function (u) { return u.id === 9; }));
console.log(users.findIndex(function (u) { return u.name === "cy"; }), users.findIndex(function () { return false; }));
console.log([5, 12, 8, 130].find(function (x) { return x > 10; }));
var visited = [];
[1, , 3].find(function (x, i) { visited.push(i + ":" + x); return false; });
console.log(visited.join(" "));
