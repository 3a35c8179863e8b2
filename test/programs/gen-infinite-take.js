// Tests infinite generators consumed with take/takeWhile/zip helpers.
function* naturals(start = 0) {
  for (let n = start; ; n++) yield n;
}
function* take(n, it) {
  if (n <= 0) return;
  for (const v of it) {
    yield v;
    if (--n <= 0) return;
  }
}
function* takeWhile(pred, it) {
  for (const v of it) {
    if (!pred(v)) return;
    yield v;
  }
}
function* map(f, it) {
  for (const v of it) yield f(v);
}
function* filter(p, it) {
  for (const v of it) if (p(v)) yield v;
}
function* zip(a, b) {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  try {
    for (;;) {
      const ra = ia.next();
      const rb = ib.next();
      if (ra.done || rb.done) return;
      yield [ra.value, rb.value];
    }
  } finally {
    ia.return?.();
    ib.return?.();
  }
}
console.log([...take(5, naturals())].join(","));
console.log([...takeWhile((x) => x * x < 50, naturals(1))].join(","));
const squaresOfOdds = map((x) => x * x, filter((x) => x % 2, naturals()));
console.log([...take(4, squaresOfOdds)].join(","));
function* primes() {
  const found = [];
  for (const n of naturals(2)) {
    if (found.every((p) => n % p)) {
      found.push(n);
      yield n;
    }
  }
}
console.log([...take(10, primes())].join(" "));
console.log(JSON.stringify([...zip("abc", naturals(10))]));
function* fib() {
  let [a, b] = [0n, 1n];
  for (;;) {
    yield a;
    [a, b] = [b, a + b];
  }
}
let last;
for (const f of take(91, fib())) last = f;
console.log(String(last));
// the for-of inside take closes the source generator when take returns
const nat = naturals();
console.log([...take(3, nat)].join(), nat.next().value);
// take(0) never pulls; take(2) pulls exactly twice
let pulled = 0;
function* counting() {
  for (;;) {
    pulled++;
    yield pulled;
  }
}
[...take(0, counting())];
console.log("pulled by take(0):", pulled);
console.log([...take(2, counting())].join(), "pulled:", pulled);
