// Tests iterator closing from return/throw in nested functions and generators consuming iterables.
function tracked(name, log) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          i++;
          return { value: i, done: i > 5 };
        },
        return() {
          log.push(name + " closed at " + i);
          return { done: true };
        },
      };
    },
  };
}
const log = [];
function firstEven(iterable) {
  for (const v of iterable) if (v % 2 === 0) return v;
  return -1;
}
console.log(firstEven(tracked("A", log)), log.join("; "));
// generator consuming an iterable, closed from outside
function* take(n, iterable) {
  if (n <= 0) return;
  for (const v of iterable) {
    yield v;
    if (--n <= 0) return;
  }
}
log.length = 0;
console.log([...take(2, tracked("B", log))].join(","), log.join("; "));
log.length = 0;
const g = take(10, tracked("C", log));
g.next();
g.next();
g.return();
console.log("after g.return:", log.join("; "));
log.length = 0;
const g2 = take(10, tracked("D", log));
g2.next();
try {
  g2.throw(new Error("thrown into gen"));
} catch (e) {
  console.log(e.message, "|", log.join("; "));
}
// break out of nested loops over the same iterable object
log.length = 0;
const shared = tracked("S", log);
for (const a of shared) {
  for (const b of shared) {
    if (b === 2) break;
  }
  if (a === 2) break;
}
console.log(log.join("; "));
// closing happens before the finally of the enclosing function
log.length = 0;
function withFinally() {
  try {
    for (const v of tracked("F", log)) {
      if (v === 3) return "ret";
    }
  } finally {
    log.push("function finally");
  }
}
console.log(withFinally(), log.join("; "));
