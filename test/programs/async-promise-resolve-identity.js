// Tests Promise.resolve identity, then() always returning new promises, and state inspection via ticks.
const out = [];
const log = (m) => out.push(m);
const p = Promise.resolve(1);
console.log(Promise.resolve(p) === p, new Promise((r) => r(p)) === p);
const t = p.then();
console.log(t === p, t instanceof Promise);
const c = p.catch();
console.log(c === p);
const f = p.finally();
console.log(f === p);
t.then((v) => log("then() passthrough " + v));
Promise.reject(new Error("x"))
  .then((v) => v)
  .catch((e) => log("rejection passed through then(): " + e.message));
// Promise.resolve of a thenable creates a new promise
const thenable = { then: (r) => r("th") };
console.log(Promise.resolve(thenable) !== thenable);
// Promise.reject of a promise does not unwrap
const rp = Promise.reject(p);
rp.catch((reason) => log("reject(promise) reason is the promise: " + (reason === p)));
// promise constructor rejects when resolved with itself
let selfResolve;
const selfP = new Promise((r) => (selfResolve = r));
selfResolve(selfP);
selfP.catch((e) => log("self resolution: " + e.constructor.name));
// then with non-function arguments is ignored
Promise.resolve("ignored handlers")
  .then(5, "x")
  .then((v) => log(v));
// static methods require a constructor this
try {
  Promise.resolve.call(undefined, 1);
} catch (e) {
  console.log("resolve with undefined this:", e.constructor.name);
}
try {
  new Promise(5);
} catch (e) {
  console.log("non-callable executor:", e.constructor.name);
}
try {
  Promise();
} catch (e) {
  console.log("call without new:", e.constructor.name);
}
setTimeout(() => console.log(out.join("\n")), 0);
