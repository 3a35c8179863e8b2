// Tests generator.throw(e) caught inside the generator and continuing afterwards.
function* resilient() {
  let errors = 0;
  while (true) {
    try {
      const v = yield "errors=" + errors;
      if (v === "quit") return "quit after " + errors;
    } catch (e) {
      errors++;
      console.log("caught inside:", e instanceof Error ? e.message : e);
    }
  }
}
const r = resilient();
console.log(r.next().value);
console.log(r.throw(new Error("e1")).value);
console.log(r.throw("plain string").value);
console.log(r.next("continue").value);
console.log(JSON.stringify(r.next("quit")));
// throw caught, then finally, then more yields
function* withFinally() {
  try {
    yield 1;
  } catch (e) {
    yield "handled " + e;
  } finally {
    yield "finally";
  }
  yield "after";
}
const w = withFinally();
const out = [w.next().value, w.throw("boom").value, w.next().value, w.next().value];
console.log(out.join(" | "), JSON.stringify(w.next()));
// throw into yield* delegated generator caught by the inner one
function* inner() {
  try {
    yield "inner-1";
  } catch (e) {
    yield "inner caught " + e;
  }
  return "inner-ret";
}
function* outer() {
  const r = yield* inner();
  yield "outer got " + r;
}
const o = outer();
console.log(o.next().value, "/", o.throw("X").value, "/", o.next().value);
// rethrow with a different error
function* rethrow() {
  try {
    yield;
  } catch (e) {
    throw new TypeError("wrapped: " + e.message);
  }
}
const rt = rethrow();
rt.next();
try {
  rt.throw(new Error("orig"));
} catch (e) {
  console.log(e.constructor.name, e.message);
}
