// Tests direct and mutual recursion, including moderately deep recursion.
function fact(n) { return n === 0 ? 1 : n * fact(n - 1); }
console.log(fact(10), fact(20));
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
console.log(isEven(10), isOdd(7), isEven(7));
function sumTo(n) { return n === 0 ? 0 : n + sumTo(n - 1); }
console.log(sumTo(5000));
function depth(n) { if (n === 0) return 0; return 1 + depth(n - 1); }
console.log(depth(3000));
function ackermann(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}
console.log(ackermann(2, 3));
function flatten(a) {
  var out = [];
  for (var i = 0; i < a.length; i++) {
    if (Array.isArray(a[i])) out = out.concat(flatten(a[i]));
    else out.push(a[i]);
  }
  return out;
}
console.log(flatten([1, [2, [3, [4]], 5]]));
