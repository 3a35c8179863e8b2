// `return a ? b : c` returns from each branch (compiler: returnValue): nested
// conditionals, recursion, generators, async functions and async generators (whose
// return awaits the value), try/finally around the return, derived constructors.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
function sign(x) {
  return x > 0 ? "pos" : x < 0 ? "neg" : x === 0 ? (Object.is(x, -0) ? "-zero" : "zero") : "nan";
}
function* gen(k) {
  const got = yield k;
  return got ? got + k : (yield "again") ? "late" : "none";
}
async function later(x) {
  return x ? await Promise.resolve(x * 2) : Promise.resolve("p");
}
async function* agen(x) {
  yield 1;
  return x ? Promise.resolve("resolved") : "plain";
}
function withFinally(x, log) {
  try {
    return x ? "try-yes" : "try-no";
  } finally {
    log.push("finally " + x);
  }
}
function inLoop(list) {
  for (const v of list) return v > 1 ? "big " + v : "small " + v;
  return "empty";
}
class Base {
  constructor(v) {
    this.v = v;
  }
}
class Derived extends Base {
  constructor(v, ret) {
    super(v);
    return ret === 1 ? { other: true } : undefined;
  }
}
class Bad extends Base {
  constructor(v) {
    super(v);
    return v
      ? 42
      : undefined;
  }
}
const log = [];
log.push(fib(15));
log.push([3, -2, 0, -0, NaN].map(sign).join());
const g = gen(5);
log.push(g.next().value, g.next(0).value, g.next(1).value);
const g2 = gen(7);
g2.next();
log.push(g2.next(3).value);
log.push(withFinally(1, log), withFinally(0, log));
log.push(inLoop([2, 3]), inLoop([1]), inLoop([]));
log.push(JSON.stringify(new Derived(1, 1)), JSON.stringify(new Derived(2, 0)));
try {
  new Bad(1);
} catch (e) {
  log.push(e.constructor.name + ": " + e.message);
}
log.push(new Bad(0).v);
const arrow = (x) => (x ? "a" : "b");
log.push(arrow(1) + arrow(0));
(async () => {
  log.push(await later(4), await later(0));
  const it = agen(1);
  log.push(JSON.stringify(await it.next()), JSON.stringify(await it.next()));
  const it2 = agen(0);
  await it2.next();
  log.push(JSON.stringify(await it2.next()));
  console.log(log.join(" | "));
})();
