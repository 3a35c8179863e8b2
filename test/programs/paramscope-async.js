// An async function's promise rejects with errors thrown binding its parameters.
const log = [];
async function f({ a }) {}
async function g([a]) {}
async function h({ a } = null) {}
async function k({ a } = {}, b = (() => { throw new Error("default") })()) {}
const ar = async ({ a }) => {};
async function m({ a: { b } }) {}
async function ok(a = 1, { b } = { b: 2 }) {
  return a + b;
}
const calls = [
  ["object", () => f()],
  ["array", () => g()],
  ["null default", () => h()],
  ["throwing default", () => k()],
  ["arrow", () => ar()],
  ["nested", () => m({})],
  ["ok", () => ok()],
];
for (const [name, call] of calls) {
  let p;
  try {
    p = call();
    log.push(name + ": returned " + (p instanceof Promise));
  } catch (e) {
    log.push(name + ": threw synchronously " + e.name);
    continue;
  }
  p.then(
    (v) => console.log(name, "resolved", v),
    (e) => console.log(name, "rejected", e.name),
  );
}
console.log(log.join("\n"));
// Default parameters run synchronously, before the caller goes on.
const order = [];
async function early(a = order.push("default")) {
  order.push("body");
}
early();
order.push("after call");
console.log(order.join(","));
// Async generators throw synchronously (the generator object is never made).
async function* ag({ a }) {}
try {
  ag();
} catch (e) {
  console.log("async generator:", e.name);
}
