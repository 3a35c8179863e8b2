// Uncaught: an async function rejects with an Error and nobody handles it.
async function load(name) {
  console.log("loading", name);
  await null;
  console.log("about to fail");
  throw new Error("failed to load " + name);
}
load("config");
Promise.resolve().then(() => console.log("other microtask runs"));
console.log("sync end");
