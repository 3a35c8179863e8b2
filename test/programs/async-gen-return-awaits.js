// In an async generator every return awaits its value before finally blocks run:
// `return v`, a return() that resumes a yield, and yield* whose inner iterator returned.
const log = (s) => console.log(s);
async function* early(x) {
  try {
    if (x) return "early";
    yield 1;
  } finally {
    log("finally early");
  }
}
(async () => {
  for await (const v of early(true)) log(v);
  log("loop done");
})();
log("sync end");

async function* paused() {
  try {
    yield 1;
  } catch (e) {
    log("caught " + e);
    return "from catch";
  } finally {
    log("finally paused");
  }
}
async function pausedReturns() {
  const it = paused();
  await it.next();
  log(JSON.stringify(await it.return(Promise.resolve("resolved"))));
  const it2 = paused();
  await it2.next();
  log(JSON.stringify(await it2.return(Promise.reject("rejected"))));
}

async function* inner() {
  try {
    yield "a";
  } finally {
    log("inner finally");
  }
}
async function* outer() {
  try {
    yield* inner();
  } finally {
    log("outer finally");
  }
}
async function delegatedReturn() {
  const it = outer();
  log(JSON.stringify(await it.next()));
  log(JSON.stringify(await it.return(Promise.resolve(7))));
}
Promise.resolve()
  .then(() => log("tick 1"))
  .then(() => log("tick 2"))
  .then(() => log("tick 3"))
  .then(() => new Promise((r) => setTimeout(r, 0)))
  .then(pausedReturns)
  .then(delegatedReturn);
