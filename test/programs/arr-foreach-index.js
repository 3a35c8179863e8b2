// Tests forEach callback arguments, thisArg, and undefined return value.
var log = [];
var r = ["a", "b", "c"].forEach(function (v, i, arr) {
  log.push(i + "=" + v + "/" + arr.length);
});
console.log(log.join(" "), r);
var sum = { total: 0 };
[1, 2, 3].forEach(function (x) { this.total += x; }, sum);
console.log(sum.total);
var arr = [1, 2, 3];
var visited = [];
arr.forEach(function (x, i) {
  visited.push(x);
  if (i === 0) arr.push(99);
});
console.log(visited, arr.length);
