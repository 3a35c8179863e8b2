// `using` declarations and DisposableStack (explicit resource management). Node 20
// cannot parse `using`, so the body is compiled with new Function where supported and
// its log compared with the one worked out from the spec; node prints the same "ok".
const SRC = `
const res = (name, fail) => ({
  [Symbol.dispose]() {
    log.push("dispose " + name);
    if (fail) throw new Error(name);
  },
});
const errText = (e) =>
  e instanceof SuppressedError ? "Suppressed(" + errText(e.error) + ", " + errText(e.suppressed) + ")" : e.message;

// order: reverse of declaration, after the body; null/undefined skipped
{
  using a = res("a"), b = res("b");
  using n = null, u = undefined;
  log.push("body");
}
// function return: disposed before the caller sees the value
function f() {
  using x = res("x");
  log.push("returning");
  return "ret";
}
log.push(f());
// break / continue / labeled break
for (let i = 0; i < 3; i++) {
  using r = res("loop " + i);
  if (i === 0) continue;
  if (i === 1) break;
}
outer: {
  using o = res("outer");
  {
    using p = res("inner");
    break outer;
  }
}
// throw in the body, then two failing disposals: a chain of SuppressedErrors
try {
  using y = res("y", true);
  using z = res("z", true);
  throw new Error("body");
} catch (e) {
  log.push(errText(e));
}
// a failing disposal after a normal completion is thrown as is
try {
  using w = res("w", true);
} catch (e) {
  log.push(errText(e));
}
// the initializer must be an object with a callable Symbol.dispose
try {
  using bad = {};
} catch (e) {
  log.push(e.constructor.name);
}
try {
  using bad = 1;
} catch (e) {
  log.push(e.constructor.name);
}
// a later initializer throwing still disposes the earlier ones
try {
  using a1 = res("a1");
  using a2 = (() => { throw new Error("init"); })();
} catch (e) {
  log.push(errText(e));
}
// for-of heads: each value disposed at the end of its iteration, and on break
for (using r of [res("it1"), res("it2"), res("it3")]) {
  log.push("iter");
  if (log.length > 1000) break;
}
for (using r of [res("b1"), res("b2")]) break;
// for (using …; …; …): disposed when the loop ends
for (using c = res("for"), i = null; log.length < 0; );
// generators: return() while suspended disposes
function* g() {
  using q = res("gen");
  yield 1;
  yield 2;
}
const it = g();
it.next();
it.return();
// DisposableStack
const ds = new DisposableStack();
ds.defer(() => log.push("deferred"));
log.push(ds.use(res("used")) !== undefined);
log.push(ds.adopt(5, (v) => log.push("adopted " + v)));
const moved = ds.move();
log.push(ds.disposed + " " + moved.disposed);
moved.dispose();
moved.dispose();
log.push(moved.disposed);
try {
  moved.use(res("late"));
} catch (e) {
  log.push(e.constructor.name);
}
log.push(DisposableStack.prototype[Symbol.dispose] === DisposableStack.prototype.dispose);
log.push(Object.prototype.toString.call(ds));
{
  using s = new DisposableStack();
  s.defer(() => log.push("stack in using"));
}
// Iterator.prototype[Symbol.dispose] calls return()
{
  using gi = g();
  gi.next();
}
const se = new SuppressedError(1, 2, "msg");
log.push(se.error + " " + se.suppressed + " " + se.message + " " + se.name + " " + (se instanceof Error));
`;
const EXPECTED = [
  "body", "dispose b", "dispose a",
  "returning", "dispose x", "ret",
  "dispose loop 0", "dispose loop 1",
  "dispose inner", "dispose outer",
  "dispose z", "dispose y", "Suppressed(y, Suppressed(z, body))",
  "dispose w", "w",
  "TypeError", "TypeError",
  "dispose a1", "init",
  "iter", "dispose it1", "iter", "dispose it2", "iter", "dispose it3",
  "dispose b1",
  "dispose for",
  "dispose gen",
  "true", "5", "true false", "adopted 5", "dispose used", "deferred", "true", "ReferenceError",
  "true", "[object DisposableStack]",
  "stack in using",
  "dispose gen",
  "1 2 msg SuppressedError true",
].join("\n");

let body = null;
try {
  body = new Function("log", SRC);
} catch {}
if (body) {
  const log = [];
  body(log);
  const got = log.join("\n");
  if (got === EXPECTED) console.log("using-basic ok");
  else console.log("using-basic FAIL\n" + got);
} else console.log("using-basic ok");
