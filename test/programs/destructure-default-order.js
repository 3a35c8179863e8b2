// Tests evaluation order of destructuring with side effects in getters, defaults and targets.
const log = [];
const source = {
  get a() {
    log.push("get a");
    return undefined;
  },
  get b() {
    log.push("get b");
    return "B";
  },
  get c() {
    log.push("get c");
    return { get d() { log.push("get c.d"); return undefined; } };
  },
};
function def(name) {
  log.push("default " + name);
  return name.toUpperCase();
}
const { a = def("a"), b = def("b"), c: { d = def("d") } } = source;
console.log(a, b, d);
console.log(log.join(", "));
log.length = 0;
// array destructuring pulls from iterator step by step, interleaving with defaults
function* gen() {
  log.push("yield 1");
  yield undefined;
  log.push("yield 2");
  yield 2;
  log.push("yield 3");
  yield undefined;
  log.push("gen end");
}
const [x = def("x"), y = def("y"), z = def("z")] = gen();
console.log(x, y, z);
console.log(log.join(", "));
log.length = 0;
// assignment targets evaluated before values are fetched (per element)
const target = {};
function tgt(name) {
  log.push("target " + name);
  return target;
}
function key(k) {
  log.push("key " + k);
  return k;
}
[tgt("first")[key("p")], tgt("second")[key("q")] = def("q")] = [1];
console.log(JSON.stringify(target));
console.log(log.join(", "));
log.length = 0;
// object pattern: computed key evaluated, then property read, then default
const src2 = {
  get k1() {
    log.push("read k1");
    return undefined;
  },
};
const { [key("k1")]: r1 = def("r1") } = src2;
console.log(r1, log.join(", "));
