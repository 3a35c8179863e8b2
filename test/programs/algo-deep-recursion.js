// Algorithm: recursion about 5000 frames deep over a linked structure.
var list = null;
for (var i = 5000; i >= 1; i--) list = { v: i, next: list };
function sum(n) { return n === null ? 0 : n.v + sum(n.next); }
function len(n) { return n === null ? 0 : 1 + len(n.next); }
function last(n) { return n.next === null ? n.v : last(n.next); }
console.log(sum(list), len(list), last(list));
function countDown(n, acc) { if (n === 0) return acc; acc.push(n); return countDown(n - 1, acc); }
var arr = countDown(4000, []);
console.log(arr.length, arr[0], arr[arr.length - 1]);
