// Algorithm: prime factorisation and divisor listing by trial division.
function factorize(n) {
  var f = [];
  for (var d = 2; d * d <= n; d++) {
    while (n % d === 0) { f.push(d); n /= d; }
  }
  if (n > 1) f.push(n);
  return f;
}
[2, 12, 97, 360, 1001, 65536, 999983].forEach(function (n) { console.log(n, factorize(n).join("*")); });
function divisors(n) {
  var small = [], large = [];
  for (var i = 1; i * i <= n; i++) {
    if (n % i === 0) { small.push(i); if (i !== n / i) large.unshift(n / i); }
  }
  return small.concat(large);
}
console.log(divisors(36).join(","), divisors(28).reduce(function (a, b) { return a + b; }) - 28);
