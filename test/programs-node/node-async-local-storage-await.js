// AsyncLocalStorage across every kind of await: a primitive, a built-in promise (the
// interpreter's own await), a timer and a thenable (the prelude's slow path).
const { AsyncLocalStorage } = require("node:async_hooks");
const als = new AsyncLocalStorage();
async function f(tag) {
  await 1;
  const a = als.getStore();
  await Promise.resolve(2);
  const b = als.getStore();
  await new Promise((r) => setTimeout(r, 1));
  const c = als.getStore();
  await { then(r) { r(3); } };
  return [tag, a, b, c, als.getStore()];
}
Promise.all([als.run("x", () => f("x")), als.run("y", () => f("y")), f("none")]).then((r) => console.log(JSON.stringify(r), als.getStore()));
