// Async functions await in their own frame (the interpreter parks it): the order of
// awaits of primitives, promises, thenables, subclass promises and promises with a
// `constructor` getter, throws before and after the first await, returns of
// thenables and promises, against then() chains running alongside.
const log = [];
const tick = (name) => Promise.resolve().then(() => log.push(name));

async function prim() {
  log.push("prim start");
  const v = await 1;
  log.push("prim " + v);
  return v + 1;
}
async function thenable() {
  const v = await { then(res) { log.push("then called"); res("T"); } };
  log.push("thenable " + v);
}
class MyPromise extends Promise {}
async function subclass() {
  const v = await MyPromise.resolve("S");
  log.push("subclass " + v);
}
async function getterThrows() {
  const p = Promise.resolve(5);
  Object.defineProperty(p, "constructor", { get() { throw new Error("ctor getter"); } });
  try {
    await p;
  } catch (e) {
    log.push("caught sync " + e.message);
  }
  log.push("after getter");
  return "G";
}
async function getterPromise() {
  const p = Promise.resolve(6);
  let reads = 0;
  Object.defineProperty(p, "constructor", { get() { reads++; return Promise; } });
  const v = await p;
  log.push("getter promise " + v + " reads " + reads);
}
async function throwsEarly() {
  throw new Error("early");
}
async function throwsLate() {
  await null;
  throw new Error("late");
}
async function returnsThenable() {
  return { then(r) { r("RT"); } };
}
async function returnsPromise() {
  return Promise.resolve("RP");
}
async function rejectsAwaited() {
  try {
    await Promise.reject(new Error("awaited rejection"));
  } catch (e) {
    log.push("caught " + e.message);
  }
  try {
    await throwsLate();
  } catch (e) {
    log.push("caught " + e.message);
  }
}

tick("t1");
const r1 = prim();
log.push("prim returned " + (r1 instanceof Promise));
thenable();
subclass();
const g = getterThrows();
log.push("getterThrows returned");
getterPromise();
throwsEarly().catch((e) => log.push("early rejected " + e.message));
returnsThenable().then((v) => log.push("returnsThenable " + v));
returnsPromise().then((v) => log.push("returnsPromise " + v));
rejectsAwaited();
tick("t2");
r1.then((v) => log.push("prim resolved " + v));
g.then((v) => log.push("getterThrows resolved " + v));
Promise.resolve()
  .then(() => 0)
  .then(() => 0)
  .then(() => 0)
  .then(() => 0)
  .then(() => 0)
  .then(() => console.log(log.join("\n")));

// An async method, an async arrow capturing `this`, and deep recursion of awaits.
class Counter {
  n = 0;
  async bump(k) {
    for (let i = 0; i < k; i++) this.n += await i;
    const inner = async () => this.n * 2;
    return inner();
  }
}
async function depth(n) {
  return n === 0 ? 0 : 1 + (await depth(n - 1));
}
setTimeout(async () => {
  console.log(await new Counter().bump(5), await depth(200));
  // Unhandled rejection from an async function ends the program as in node.
  (async () => {
    await null;
    throw new RangeError("unhandled from async");
  })();
}, 0);
