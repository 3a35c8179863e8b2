// Tests throw()/return() forwarded through yield* chains of generators, with finally logs.
const log = [];
function* leaf() {
  try {
    yield "leaf-1";
    yield "leaf-2";
  } catch (e) {
    log.push("leaf caught " + e);
    yield "leaf-recovered";
  } finally {
    log.push("leaf finally");
  }
}
function* mid() {
  try {
    return yield* leaf();
  } finally {
    log.push("mid finally");
  }
}
function* top() {
  try {
    yield* mid();
    yield "top-after";
  } finally {
    log.push("top finally");
  }
}
let t = top();
t.next();
console.log(JSON.stringify(t.throw("E1")), log.join(", "));
console.log(JSON.stringify(t.next()), log.join(", "));
console.log(JSON.stringify(t.next()), log.join(", "));
log.length = 0;
t = top();
t.next();
console.log(JSON.stringify(t.return("RET")), log.join(", "));
log.length = 0;
// uncaught throw travels through all levels running finally blocks
function* leaf2() {
  try {
    yield 1;
  } finally {
    log.push("leaf2 finally");
  }
}
function* top2() {
  try {
    yield* leaf2();
  } catch (e) {
    log.push("top2 caught " + e);
    return "handled";
  }
}
t = top2();
t.next();
console.log(JSON.stringify(t.throw("E2")), log.join(", "));
// leaf overrides return in its finally
log.length = 0;
function* leaf3() {
  try {
    yield 1;
  } finally {
    return "leaf3 override";
  }
}
function* top3() {
  const r = yield* leaf3();
  log.push("top3 continued with " + r);
  yield "top3 still running";
}
t = top3();
t.next();
console.log(JSON.stringify(t.return("X")), log.join(", "));
