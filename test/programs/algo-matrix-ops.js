// Algorithm: matrix multiply, transpose, determinant and identity checks.
function mul(a, b) {
  return a.map(function (row) {
    return b[0].map(function (_, j) {
      return row.reduce(function (s, x, k) { return s + x * b[k][j]; }, 0);
    });
  });
}
function transpose(m) { return m[0].map(function (_, i) { return m.map(function (r) { return r[i]; }); }); }
function det(m) {
  if (m.length === 1) return m[0][0];
  var d = 0;
  for (var c = 0; c < m.length; c++) {
    var minor = m.slice(1).map(function (r) { return r.filter(function (_, j) { return j !== c; }); });
    d += (c % 2 ? -1 : 1) * m[0][c] * det(minor);
  }
  return d;
}
var A = [[1, 2], [3, 4]];
var B = [[0, 1], [1, 0]];
console.log(mul(A, B), transpose(A));
console.log(det(A), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]));
console.log(mul([[1, 2, 3]], [[4], [5], [6]]));
