// Tests async generator return()/throw(), request queueing, and finally with await.
const out = [];
const log = (m) => out.push(m);
async function* gen() {
  try {
    yield 1;
    yield 2;
    yield 3;
  } catch (e) {
    log("gen caught " + e);
    yield "after catch";
  } finally {
    await null;
    log("gen finally");
  }
}
(async () => {
  let g = gen();
  log(JSON.stringify(await g.next()));
  log(JSON.stringify(await g.return("R")));
  log(JSON.stringify(await g.next()));
  g = gen();
  await g.next();
  log(JSON.stringify(await g.throw("E")));
  log(JSON.stringify(await g.next()));
  // return() on an unstarted async generator
  g = gen();
  log(JSON.stringify(await g.return("early")));
  // throw() on an unstarted async generator rejects
  g = gen();
  try {
    await g.throw(new Error("unstarted"));
  } catch (e) {
    log("throw unstarted rejected: " + e.message);
  }
  // queued requests resolve in order
  g = gen();
  const ps = [g.next(), g.next(), g.return("Q"), g.next()];
  const rs = await Promise.all(ps);
  log(rs.map((r) => JSON.stringify(r)).join(" "));
  // return with a promise awaits it
  g = gen();
  await g.next();
  log(JSON.stringify(await g.return(Promise.resolve("awaited return"))));
  // yield of a rejected promise throws inside the generator
  async function* rejecting() {
    try {
      yield Promise.reject(new Error("yielded rejection"));
    } catch (e) {
      yield "caught " + e.message;
    }
  }
  const rg = rejecting();
  log(JSON.stringify(await rg.next()));
  console.log(out.join("\n"));
})();
