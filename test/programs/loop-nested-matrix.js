// Tests nested loops building and transforming small matrices.
function make(n, m, f) {
  var rows = [];
  for (var i = 0; i < n; i++) {
    var row = [];
    for (var j = 0; j < m; j++) row.push(f(i, j));
    rows.push(row);
  }
  return rows;
}
var a = make(2, 3, function (i, j) { return i * 3 + j + 1; });
console.log(a);
function transpose(m) {
  return make(m[0].length, m.length, function (i, j) { return m[j][i]; });
}
console.log(transpose(a));
var id = make(3, 3, function (i, j) { return i === j ? 1 : 0; });
console.log(id.map(function (r) { return r.join(""); }).join("/"));
var tri = "";
for (var r = 1; r <= 4; r++) {
  for (var c = 0; c < r; c++) tri += "*";
  tri += "|";
}
console.log(tri);
