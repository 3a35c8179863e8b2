// Tests for await over async generators, sync iterables of promises, and custom async iterables.
const log = (m) => console.log(m);
async function* ticker(n) {
  for (let i = 0; i < n; i++) {
    await new Promise((r) => setTimeout(r, 0));
    yield "tick" + i;
  }
}
const customAsync = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return {
      next() {
        i++;
        return Promise.resolve(i <= 2 ? { value: "custom" + i, done: false } : { done: true });
      },
    };
  },
};
(async () => {
  for await (const t of ticker(3)) log(t);
  for await (const v of [Promise.resolve("p1"), "plain", Promise.resolve("p3")]) log("sync iterable: " + v);
  for await (const c of customAsync) log(c);
  // for await over a sync generator yielding promises
  function* syncGen() {
    yield Promise.resolve("sg1");
    yield "sg2";
  }
  for await (const s of syncGen()) log(s);
  // destructuring in for await head
  async function* pairs() {
    yield ["a", 1];
    yield ["b", 2];
  }
  for await (const [k, v] of pairs()) log(k + "=" + v);
  // rejected promise in a sync iterable: loop throws
  try {
    for await (const v of [Promise.resolve("ok"), Promise.reject(new Error("bad item"))]) log("got " + v);
  } catch (e) {
    log("caught " + e.message);
  }
  log("all done");
})();
log("sync end");
