// Tests labeled continue targeting an outer loop.
var primes = [];
candidates: for (var n = 2; n < 30; n++) {
  for (var d = 2; d * d <= n; d++) {
    if (n % d === 0) continue candidates;
  }
  primes.push(n);
}
console.log(primes.join(","));
var log = [];
rows: for (let r = 0; r < 3; r++) {
  for (let c = 0; c < 3; c++) {
    if (c === r) continue rows;
    log.push(r + "," + c);
  }
}
console.log(log.join(" "));
var k = 0, hits = 0;
outer: while (k < 5) {
  k++;
  var m = 0;
  while (m < 5) {
    m++;
    if (m === 2) continue outer;
    hits++;
  }
}
console.log(k, hits);
