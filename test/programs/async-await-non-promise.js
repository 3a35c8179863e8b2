// Tests awaiting non-promise values: primitives, objects, functions, and still yielding a tick.
const out = [];
const log = (m) => out.push(m);
async function awaits() {
  const values = [42, "str", null, undefined, { a: 1 }, [1, 2], Symbol.for("s")];
  for (const v of values) {
    const r = await v;
    log(typeof r + " " + (r === v));
  }
  const fn = () => "fn";
  log("function: " + ((await fn) === fn));
  return "awaits done";
}
awaits().then(log);
let sync = true;
(async () => {
  await 1;
  log("after await 1, still sync? " + sync);
})();
sync = false;
// await on a non-promise takes exactly one tick: compare with .then chain
(async () => {
  await "x";
  log("await non-promise resumed");
})();
Promise.resolve().then(() => log("then A"));
// await of a native promise also one tick
(async () => {
  await Promise.resolve();
  log("await promise resumed");
})();
Promise.resolve().then(() => log("then B"));
setTimeout(() => console.log(out.join("\n")), 0);
