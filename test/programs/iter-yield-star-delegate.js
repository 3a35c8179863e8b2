// Tests yield* delegation to user iterators: next args, return value, return/throw forwarding.
const log = [];
function makeInner() {
  let n = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next(arg) {
      log.push("inner.next(" + arg + ")");
      n++;
      return n <= 2 ? { value: "v" + n, done: false } : { value: "inner-result", done: true };
    },
    return(v) {
      log.push("inner.return(" + v + ")");
      return { value: "ret:" + v, done: true };
    },
    throw(e) {
      log.push("inner.throw(" + e + ")");
      return { value: "recovered", done: false };
    },
  };
}
function* outer() {
  const r = yield* makeInner();
  log.push("yield* result " + r);
  return "outer done";
}
let g = outer();
console.log(JSON.stringify(g.next("a")));
console.log(JSON.stringify(g.next("b")));
console.log(JSON.stringify(g.next("c")));
console.log(log.join(" | "));
log.length = 0;
g = outer();
g.next();
console.log(JSON.stringify(g.return("R")));
console.log(log.join(" | "), JSON.stringify(g.next()));
log.length = 0;
g = outer();
g.next();
console.log(JSON.stringify(g.throw("E")));
console.log(log.join(" | "));
// inner without throw(): yield* calls return() then throws TypeError
const noThrow = {
  [Symbol.iterator]() {
    return {
      next: () => ({ value: 1, done: false }),
      return() {
        log.push("noThrow.return");
        return { done: true };
      },
    };
  },
};
log.length = 0;
function* outer2() {
  yield* noThrow;
}
const g2 = outer2();
g2.next();
try {
  g2.throw(new Error("x"));
} catch (e) {
  console.log("no throw method:", e.constructor.name, log.join(","));
}
// inner without return(): outer return completes directly
const noReturn = {
  [Symbol.iterator]() {
    return { next: () => ({ value: 1, done: false }) };
  },
};
function* outer3() {
  try {
    yield* noReturn;
  } finally {
    log.push("outer3 finally");
  }
}
log.length = 0;
const g3 = outer3();
g3.next();
console.log(JSON.stringify(g3.return("bye")), log.join(","));
