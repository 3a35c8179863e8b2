// Tests subclassing Promise: then/catch return subclass instances and constructor calls.
let constructed = 0;
class TrackedPromise extends Promise {
  constructor(executor) {
    constructed++;
    super(executor);
  }
  tap(fn) {
    return this.then((v) => {
      fn(v);
      return v;
    });
  }
}
const p = new TrackedPromise((res) => res(1));
console.log("constructed after new:", constructed);
const q = p.then((v) => v + 1);
console.log(q instanceof TrackedPromise, q instanceof Promise, "constructed:", constructed);
const r = TrackedPromise.resolve(5);
console.log(r instanceof TrackedPromise, "constructed:", constructed);
console.log(TrackedPromise.resolve(r) === r, Promise.resolve(r) === r);
const all = TrackedPromise.all([1, 2]);
console.log(all instanceof TrackedPromise);
q.tap((v) => console.log("tap saw", v)).then((v) => {
  console.log("then saw", v);
  console.log(Object.prototype.toString.call(q));
});
all.then((vs) => console.log("all", vs.join(",")));
// species returning plain Promise
class Plain extends Promise {
  static get [Symbol.species]() {
    return Promise;
  }
}
const pl = Plain.resolve(3);
const next = pl.then((x) => x);
console.log(pl instanceof Plain, next instanceof Plain, next instanceof Promise);
next.then((v) => console.log("plain next", v));
// rejection through subclass
TrackedPromise.reject(new Error("nope")).catch((e) => console.log("caught", e.message));
console.log("sync end");
