// Tests building and mutating nested objects and arrays dynamically.
var db = {};
function add(table, row) {
  if (!db[table]) db[table] = [];
  db[table].push(row);
}
add("users", { id: 1, name: "a" });
add("users", { id: 2, name: "b" });
add("posts", { id: 1, by: 2 });
console.log(Object.keys(db), db.users.length, db.posts[0].by);
db.users[1].name = "bee";
console.log(db.users[1]);
var grid = {};
for (var r = 0; r < 3; r++) {
  grid["r" + r] = {};
  for (var c = 0; c < 3; c++) grid["r" + r]["c" + c] = r * c;
}
console.log(grid.r2, grid.r1.c2);
var tree = { v: 1, kids: [] };
tree.kids.push({ v: 2, kids: [] });
tree.kids[0].kids.push({ v: 3, kids: [] });
function sum(n) { return n.kids.reduce(function (s, k) { return s + sum(k); }, n.v); }
console.log(sum(tree));
