// Tests yield* inside async generators delegating to async and sync iterables.
const out = [];
const log = (m) => out.push(m);
async function* inner() {
  const got = yield "inner-1";
  log("inner got " + got);
  await null;
  yield "inner-2";
  return "inner-ret";
}
function* syncInner() {
  yield "sync-1";
  yield Promise.resolve("sync-promise");
  return "sync-ret";
}
async function* outer() {
  const r1 = yield* inner();
  log("r1 " + r1);
  const r2 = yield* syncInner();
  log("r2 " + r2);
  yield* ["arr-a", "arr-b"];
}
(async () => {
  const g = outer();
  log(JSON.stringify(await g.next("ignored")));
  log(JSON.stringify(await g.next("sent")));
  for await (const v of g) log("rest " + v);
  // return forwarded to the inner async generator
  async function* withFinally() {
    try {
      yield 1;
      yield 2;
    } finally {
      log("inner finally");
    }
  }
  async function* wrapper() {
    yield* withFinally();
  }
  const w = wrapper();
  await w.next();
  log(JSON.stringify(await w.return("stop")));
  console.log(out.join("\n"));
})();
