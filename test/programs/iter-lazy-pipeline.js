// Tests lazy iterator pipelines (map/filter/take) built on the iterator protocol, with logging.
const log = [];
function source(n) {
  let i = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      log.push("src " + i);
      return i < n ? { value: i++, done: false } : { value: undefined, done: true };
    },
    return() {
      log.push("src return");
      return { done: true };
    },
  };
}
function map(it, f) {
  const inner = it[Symbol.iterator]();
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      const r = inner.next();
      return r.done ? r : { value: f(r.value), done: false };
    },
    return() {
      log.push("map return");
      return inner.return ? inner.return() : { done: true };
    },
  };
}
function filter(it, p) {
  const inner = it[Symbol.iterator]();
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      for (;;) {
        const r = inner.next();
        if (r.done || p(r.value)) return r;
      }
    },
    return() {
      log.push("filter return");
      return inner.return ? inner.return() : { done: true };
    },
  };
}
const pipeline = filter(
  map(source(100), (x) => x * 3),
  (x) => x % 2 === 0,
);
const out = [];
for (const v of pipeline) {
  out.push(v);
  if (out.length === 3) break;
}
console.log(out.join(","));
console.log(log.join(", "));
log.length = 0;
const [first] = map(source(5), (x) => "m" + x);
console.log(first, log.join(", "));
log.length = 0;
console.log([...filter(source(4), (x) => x > 1)].join(","), log.join(", "));
