// Tests the extra microtask ticks when an async function returns a promise vs a value or await.
const out = [];
const log = (m) => out.push(m);
async function returnsValue() {
  return "value";
}
async function returnsPromise() {
  return Promise.resolve("promise");
}
async function returnsAwaited() {
  return await Promise.resolve("awaited");
}
returnsValue().then(log);
returnsPromise().then(log);
returnsAwaited().then(log);
let tick = 0;
function ticker() {
  if (tick < 6) {
    log("tick " + tick++);
    Promise.resolve().then(ticker);
  }
}
Promise.resolve().then(ticker);
// resolving a promise with another promise inside the executor
new Promise((res) => res(Promise.resolve("resolved with promise"))).then(log);
new Promise((res) => res("resolved with value")).then(log);
setTimeout(() => console.log(out.join("\n")), 0);
