// Iterator.concat (ES2026). Node 20 lacks it, so the checks run only where it exists
// and the program prints the same single line either way; under Jaunt it checks
// laziness, closing and errors (and the snapshot harness cuts inside it).
function check(cond, what) {
  if (!cond) throw new Error("Iterator.concat: " + what);
}
if (typeof Iterator !== "undefined" && typeof Iterator.concat === "function") {
  const log = [];
  function* gen(name, n) {
    try {
      for (let i = 0; i < n; i++) {
        log.push(name + i);
        yield name + i;
      }
    } finally {
      log.push("close " + name);
    }
  }
  const it = Iterator.concat(gen("a", 2), [1, 2], new Set(["s"]), "xy".split(""));
  check(Object.getPrototypeOf(it) === Object.getPrototypeOf(Iterator.from([1]).map((x) => x)), "helper prototype");
  check([...it].join() === "a0,a1,1,2,s,x,y", "values in order");
  check(log.join() === "a0,a1,close a", "first generator ran to its end");
  // Lazy: an iterable's iterator is only opened when reached; return() closes the open one.
  log.length = 0;
  let opened = 0;
  const lazy = { [Symbol.iterator]() { opened++; return gen("b", 3); } };
  const c = Iterator.concat(gen("a", 1), lazy);
  check(opened === 0, "nothing opened before next");
  c.next();
  c.next();
  check(opened === 1, "second iterable opened when reached");
  c.return();
  check(log.join() === "a0,close a,b0,close b", "return closes the current iterator: " + log.join());
  check(c.next().done === true, "done after return");
  // Every argument is checked up front.
  let threw = false;
  try {
    Iterator.concat([1], 5);
  } catch (e) {
    threw = e instanceof TypeError;
  }
  check(threw, "non-object argument is a TypeError");
  threw = false;
  try {
    Iterator.concat({});
  } catch (e) {
    threw = e instanceof TypeError;
  }
  check(threw, "non-iterable argument is a TypeError");
  check(Iterator.concat.length === 0 && Iterator.concat().next().done, "empty concat");
}
console.log("ok");
