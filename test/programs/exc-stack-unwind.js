// Tests that errors thrown deep in recursion unwind to the nearest catch.
var depthReached = 0;
function dive(n) {
  depthReached = n;
  if (n === 500) throw new Error("bottom at " + n);
  return dive(n + 1) + 1;
}
try {
  dive(0);
} catch (e) {
  console.log(e.message, depthReached);
}
function withCleanup(n, log) {
  try {
    if (n === 0) throw "done";
    withCleanup(n - 1, log);
  } finally {
    log.push(n);
  }
}
var log = [];
try {
  withCleanup(4, log);
} catch (v) {
  console.log(v, log.join(","));
}
function catchMid(n) {
  if (n === 0) throw new Error("zero");
  if (n === 2) {
    try { return catchMid(n - 1); } catch (e) { return "caught at 2: " + e.message; }
  }
  return catchMid(n - 1);
}
console.log(catchMid(5));
