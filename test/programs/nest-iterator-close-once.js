// Leaving a for-of by return (or by a jump to an outer loop) calls the iterator's
// return() once, even when return() throws; gen.return() at a yield in a
// destructuring default closes the pattern's iterator, as an exception would.
const log = [];
function throwingReturn(name) {
  return {
    [Symbol.iterator]() {
      return {
        next: () => ({ value: 1, done: false }),
        return: () => {
          log.push("return() of " + name);
          throw new Error("from return() of " + name);
        },
      };
    },
  };
}
function byReturn() {
  for (const x of throwingReturn("a")) return x;
}
function byOuterContinue() {
  outer: for (const i of [1, 2]) {
    for (const x of throwingReturn("b" + i)) continue outer;
  }
}
function* byGenReturn() {
  for (const x of throwingReturn("c")) yield x;
}
for (const f of [byReturn, byOuterContinue, () => {
  const g = byGenReturn();
  g.next();
  g.return(0);
}]) {
  try {
    f();
  } catch (e) {
    log.push("caught " + e.message);
  }
}
const counting = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next: () => ({ value: i++ < 2 ? undefined : "v", done: false }),
      return: () => (log.push("pattern iterator closed"), {}),
    };
  },
};
function* assign() {
  let a, b;
  [a = yield "a", b] = counting;
  log.push("not reached");
}
function* declare() {
  try {
    const [x = yield "x"] = counting;
  } finally {
    log.push("declare finally");
  }
}
function* nested() {
  for (const [p = yield "p"] of [counting]) log.push("not reached " + p);
}
for (const g of [assign(), declare(), nested()]) {
  const first = g.next();
  log.push(first.value + " " + JSON.stringify(g.return("r")));
}
async function asyncClose() {
  const source = {
    [Symbol.asyncIterator]() {
      return {
        next: async () => ({ value: 1, done: false }),
        return: async () => {
          log.push("async return()");
          throw new Error("async return() rejected");
        },
      };
    },
  };
  for await (const x of source) return x;
}
asyncClose().then(
  () => log.push("no error"),
  (e) => log.push("caught " + e.message),
).then(() => console.log(log.join("\n")));
