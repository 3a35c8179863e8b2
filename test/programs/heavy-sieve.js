// Heavy: tests a sieve of Eratosthenes up to 200000 using plain arrays.
var N = 200000;
var composite = [];
for (var i = 0; i <= N; i++) composite.push(false);
var count = 0, last = 0, sum = 0;
for (var p = 2; p <= N; p++) {
  if (composite[p]) continue;
  count++;
  last = p;
  sum += p;
  for (var m = p * p; m <= N; m += p) composite[m] = true;
}
console.log(count, last, sum);
