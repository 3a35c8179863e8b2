// Tests async generators: next() promises, await inside, yield of promises, ordering.
const log = (m) => console.log(m);
async function* agen() {
  log("agen start");
  yield 1;
  const x = await Promise.resolve(2);
  yield x;
  yield Promise.resolve(3);
  log("agen end");
  return "done";
}
const g = agen();
log("created " + Object.prototype.toString.call(g));
const p1 = g.next();
log("next() returned promise: " + (p1 instanceof Promise));
p1.then((r) => log("r1 " + JSON.stringify(r)));
g.next().then((r) => log("r2 " + JSON.stringify(r)));
g.next().then((r) => log("r3 " + JSON.stringify(r)));
g.next().then((r) => log("r4 " + JSON.stringify(r)));
g.next().then((r) => log("r5 " + JSON.stringify(r)));
log("sync end");
// async generator consumed with manual awaits
(async () => {
  await new Promise((r) => setTimeout(r, 0));
  async function* countdown(n) {
    while (n > 0) {
      await null;
      yield n--;
    }
  }
  const it = countdown(3);
  const vals = [];
  for (let r = await it.next(); !r.done; r = await it.next()) vals.push(r.value);
  log("countdown " + vals.join(","));
  log("symbol asyncIterator: " + (typeof it[Symbol.asyncIterator]));
  log("same object: " + (it[Symbol.asyncIterator]() === it));
})();
