// Heavy: tests nested loops doing a 60x60 matrix multiplication and checksum.
var n = 60;
function make(f) {
  var m = [];
  for (var i = 0; i < n; i++) {
    var row = [];
    for (var j = 0; j < n; j++) row.push(f(i, j));
    m.push(row);
  }
  return m;
}
var a = make(function (i, j) { return (i + j) % 7; });
var b = make(function (i, j) { return (i * j) % 5; });
var c = make(function () { return 0; });
for (var i = 0; i < n; i++)
  for (var j = 0; j < n; j++) {
    var s = 0;
    for (var k = 0; k < n; k++) s += a[i][k] * b[k][j];
    c[i][j] = s;
  }
var checksum = 0;
for (var x = 0; x < n; x++) for (var y = 0; y < n; y++) checksum = (checksum * 31 + c[x][y]) % 1000000007;
console.log(c[0][0], c[5][7], c[59][59], checksum);
