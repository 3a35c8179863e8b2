// Tests that break, return and labeled continue call the iterator's return() method.
function tracked(name, n, log) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          log.push(name + ".next");
          return i < n ? { value: i++, done: false } : { value: undefined, done: true };
        },
        return(v) {
          log.push(name + ".return(" + v + ")");
          return {};
        },
      };
    },
  };
}
let log = [];
for (const v of tracked("A", 5, log)) {
  if (v === 1) break;
}
console.log(log.join(" "));
log = [];
for (const v of tracked("B", 3, log)) {
}
console.log("exhausted:", log.join(" "));
log = [];
function findTwo() {
  for (const v of tracked("C", 5, log)) {
    if (v === 2) return "found " + v;
  }
}
console.log(findTwo(), "|", log.join(" "));
log = [];
for (const v of tracked("D", 3, log)) {
  if (v < 2) continue;
}
console.log("continue:", log.join(" "));
log = [];
outer: for (const a of tracked("O", 3, log)) {
  for (const b of tracked("I", 3, log)) {
    if (b === 1) continue outer;
  }
}
console.log("labeled continue:", log.join(" "));
log = [];
outer2: for (const a of tracked("O", 3, log)) {
  for (const b of tracked("I", 3, log)) {
    if (a === 1 && b === 0) break outer2;
  }
}
console.log("labeled break:", log.join(" "));
// return() that returns a non-object after break -> TypeError
const badReturn = {
  [Symbol.iterator]() {
    return {
      next: () => ({ value: 1, done: false }),
      return: () => 42,
    };
  },
};
try {
  for (const v of badReturn) break;
  console.log("no error");
} catch (e) {
  console.log("non-object return result:", e.constructor.name);
}
// return() missing is fine
const noReturn = {
  [Symbol.iterator]() {
    return { next: () => ({ value: 1, done: false }) };
  },
};
for (const v of noReturn) break;
console.log("no return method ok");
