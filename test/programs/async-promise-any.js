// Tests Promise.any: first fulfilment wins, AggregateError when all reject, error ordering.
const out = [];
const log = (m) => out.push(m);
const delay = (ms, v, fail) =>
  new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
Promise.any([delay(5, "e1", true), delay(15, "second ok"), delay(10, "first ok")]).then((v) =>
  log("any: " + v),
);
Promise.any([delay(10, "x", true), delay(5, "y", true), Promise.reject(new Error("z"))]).catch((e) => {
  log(e.constructor.name + " " + (e instanceof AggregateError) + " " + (e instanceof Error));
  log("errors in input order: " + e.errors.map((x) => x.message).join(","));
  log("message type: " + typeof e.message);
});
Promise.any([]).catch((e) => log("empty: " + e.constructor.name + " errors=" + e.errors.length));
Promise.any(["plain", Promise.reject(new Error("r"))]).then((v) => log("plain wins: " + v));
setTimeout(() => console.log(out.join("\n")), 40);
