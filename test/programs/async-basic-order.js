// Tests basic async function ordering: sync part runs immediately, continuation after await.
const log = (m) => console.log(m);
async function f(name) {
  log(name + " start");
  await null;
  log(name + " after await 1");
  await undefined;
  log(name + " after await 2");
  return name + " result";
}
log("script start");
const p = f("A");
log("f returned " + typeof p + " " + (p instanceof Promise));
p.then((v) => log("then: " + v));
f("B").then((v) => log("then: " + v));
log("script end");
