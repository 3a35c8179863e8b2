// Algorithm: converts integers to and from Roman numerals.
var table = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
function toRoman(n) {
  var out = "";
  for (var i = 0; i < table.length; i++) {
    while (n >= table[i][0]) { out += table[i][1]; n -= table[i][0]; }
  }
  return out;
}
var values = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
function fromRoman(s) {
  var total = 0;
  for (var i = 0; i < s.length; i++) {
    var v = values[s[i]], next = values[s[i + 1]] || 0;
    total += v < next ? -v : v;
  }
  return total;
}
[1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999].forEach(function (n) {
  var r = toRoman(n);
  console.log(n, r, fromRoman(r) === n);
});
