// Tests return() interacting with finally blocks: cleanup, overriding, yielding during cleanup.
const log = [];
function* resource(name) {
  log.push("open " + name);
  try {
    yield name + "-1";
    yield name + "-2";
  } finally {
    log.push("close " + name);
  }
}
let it = resource("A");
it.next();
console.log(JSON.stringify(it.return("done")), log.join(","));
log.length = 0;
it = resource("B");
console.log(JSON.stringify(it.return("unstarted")), JSON.stringify(log));
// finally that returns overrides the return value
function* override() {
  try {
    yield 1;
  } finally {
    return "from finally";
  }
}
it = override();
it.next();
console.log(JSON.stringify(it.return("requested")));
// finally that throws replaces the return with an exception
function* throwing() {
  try {
    yield 1;
  } finally {
    throw new Error("cleanup failed");
  }
}
it = throwing();
it.next();
try {
  it.return("x");
} catch (e) {
  console.log("caught", e.message, JSON.stringify(it.next()));
}
// nested finally blocks run innermost first
function* nested() {
  try {
    try {
      yield "inner";
    } finally {
      log.push("inner finally");
    }
  } finally {
    log.push("outer finally");
  }
}
log.length = 0;
it = nested();
it.next();
it.return();
console.log(log.join(" -> "));
// yield inside finally during return: return value preserved after resuming
function* yieldInFinally() {
  try {
    yield "body";
  } finally {
    const got = yield "in finally";
    log.push("resumed with " + got);
  }
}
log.length = 0;
it = yieldInFinally();
it.next();
console.log(JSON.stringify(it.return("RV")));
console.log(JSON.stringify(it.next("G")), log.join(","));
// return() sent to the generator while in finally's yield: second return wins
it = yieldInFinally();
it.next();
it.return("first");
console.log(JSON.stringify(it.return("second")));
// for-of break triggers finally
log.length = 0;
for (const v of resource("C")) break;
console.log(log.join(","));
