// Error.captureStackTrace(obj, fn) leaves out fn's call and the frames above it.
function inner() { const o = { message: "m" }; Error.captureStackTrace(o, inner); return o.stack.split("\n"); }
function outer() { return inner(); }
const lines = outer();
console.log(lines[0], lines[1].trim().split(" ")[1]);
const none = {}; Error.captureStackTrace(none, function notOnStack() {});
console.log(JSON.stringify(none.stack));
