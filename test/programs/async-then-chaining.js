// Tests promise chains: value passing, returning promises/thenables, error recovery ordering.
const out = [];
const log = (m) => out.push(m);
Promise.resolve(1)
  .then((v) => {
    log("A1 " + v);
    return v + 1;
  })
  .then((v) => {
    log("A2 " + v);
    return Promise.resolve(v * 10);
  })
  .then((v) => {
    log("A3 " + v);
    return { then: (r) => r(v + 5) };
  })
  .then((v) => log("A4 " + v));
Promise.resolve("b")
  .then((v) => log("B1 " + v))
  .then((v) => log("B2 " + v))
  .then(() => log("B3"))
  .then(() => log("B4"))
  .then(() => log("B5"))
  .then(() => log("B6"));
// branching: two thens on the same promise run in registration order
const shared = Promise.resolve("shared");
shared.then((v) => log("branch 1 " + v));
shared.then((v) => log("branch 2 " + v));
// error recovery in the middle of a chain
Promise.resolve()
  .then(() => {
    throw new Error("mid");
  })
  .then(() => log("skipped"))
  .catch((e) => {
    log("recovered " + e.message);
    return "after recovery";
  })
  .then((v) => log("C " + v));
setTimeout(() => console.log(out.join("\n")), 0);
