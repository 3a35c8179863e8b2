// Tests yield* to user-defined iterables and the exact sequence of protocol calls.
const log = [];
const userIterable = {
  [Symbol.iterator]() {
    log.push("@@iterator");
    let i = 0;
    return {
      next(v) {
        log.push("next(" + v + ")");
        i++;
        if (i > 2) return { done: true, value: "R" };
        return { done: false, value: i };
      },
    };
  },
};
function* g() {
  log.push("g start");
  const r = yield* userIterable;
  log.push("g got " + r);
}
const it = g();
console.log(JSON.stringify(it.next("x")));
console.log(JSON.stringify(it.next("y")));
console.log(JSON.stringify(it.next("z")));
console.log(log.join(" "));
// the result object from the inner iterator is passed through as-is (same object)
const shared = { done: false, value: "shared" };
let calls = 0;
const passthrough = {
  [Symbol.iterator]() {
    return {
      next() {
        calls++;
        return calls > 1 ? { done: true } : shared;
      },
    };
  },
};
function* wrap() {
  yield* passthrough;
}
const w = wrap();
const first = w.next();
console.log(first === shared, first.value);
// inner results with extra properties keep them
const extra = {
  [Symbol.iterator]() {
    let n = 0;
    return { next: () => (n++ ? { done: true } : { done: false, value: 1, extra: "kept" }) };
  },
};
function* wrapExtra() {
  yield* extra;
}
console.log(wrapExtra().next().extra);
// whereas plain yield creates a fresh result
function* plain() {
  yield shared;
}
const pr = plain().next();
console.log(pr === shared, pr.value === shared);
