// Tests NaN propagation, isNaN vs Number.isNaN, and self-inequality.
var n = 0 / 0;
console.log(n, n === n, n !== n, n == n);
console.log(isNaN("abc"), Number.isNaN("abc"), isNaN(undefined), Number.isNaN(NaN));
console.log(NaN + 1, NaN * 0, Math.max(1, NaN), Math.min(NaN, 1));
console.log(Infinity - Infinity, Infinity * 0, Infinity / Infinity);
console.log([NaN].indexOf(NaN), [NaN].includes(NaN));
console.log(parseInt("abc"), Number(undefined), Math.sqrt(-1));
function safeDiv(a, b) {
  var r = a / b;
  return r !== r ? "undefined result" : r;
}
console.log(safeDiv(0, 0), safeDiv(1, 0), safeDiv(6, 3));
