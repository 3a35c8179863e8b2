// `await using` and AsyncDisposableStack. Node 20 cannot parse them: the body is
// compiled with new Function where supported and its log compared with the one
// worked out from the spec; node prints the same "ok".
const SRC = `
return (async () => {
  const ares = (name, fail) => ({
    async [Symbol.asyncDispose]() {
      log.push("async dispose " + name);
      await null;
      if (fail) throw new Error(name);
    },
  });
  const sres = (name) => ({ [Symbol.dispose]() { log.push("sync dispose " + name); return "ignored"; } });
  {
    await using a = ares("a"), b = sres("b");
    using c = sres("c");
    await using n = null;
    log.push("body");
  }
  async function f() {
    await using x = ares("x");
    return "ret";
  }
  log.push(await f());
  try {
    await using y = ares("y", true);
    throw new Error("body");
  } catch (e) {
    log.push(e.constructor.name + " " + e.error.message + " " + e.suppressed.message);
  }
  for await (await using r of [ares("i1"), ares("i2")]) log.push("iter");
  const s = new AsyncDisposableStack();
  s.defer(async () => log.push("deferred"));
  s.use(sres("used"));
  s.adopt(7, async (v) => log.push("adopted " + v));
  log.push(s.disposed);
  await s.disposeAsync();
  log.push(s.disposed);
  log.push(Object.prototype.toString.call(s));
  log.push(AsyncDisposableStack.prototype[Symbol.asyncDispose] === AsyncDisposableStack.prototype.disposeAsync);
  const r = await AsyncDisposableStack.prototype.disposeAsync.call({}).catch((e) => e.constructor.name);
  log.push(r);
  async function* ag() {
    try { yield 1; } finally { log.push("ag closed"); }
  }
  const it = ag();
  await it.next();
  await it[Symbol.asyncDispose]();
})();
`;
const EXPECTED = [
  "body", "sync dispose c", "sync dispose b", "async dispose a",
  "async dispose x", "ret",
  "async dispose y", "SuppressedError y body",
  "iter", "async dispose i1", "iter", "async dispose i2",
  "false", "adopted 7", "sync dispose used", "deferred", "true",
  "[object AsyncDisposableStack]", "true", "TypeError", "ag closed",
].join("\n");

let body = null;
try {
  body = new Function("log", SRC);
} catch {}
if (body) {
  const log = [];
  body(log).then(() => {
    const got = log.join("\n");
    if (got === EXPECTED) console.log("using-await ok");
    else console.log("using-await FAIL\n" + got);
  });
} else console.log("using-await ok");
