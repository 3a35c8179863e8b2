// Found by the fuzzer: array destructuring does not close an iterator whose next()
// throws, returns a non-object, or whose done/value getters throw (the iterator is
// then done); it still closes one when binding a value throws.
function iter(label, failAt, how) {
  let i = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      i++;
      if (i !== failAt) return { value: i, done: i > 3 };
      if (how === "throw") throw new Error(label + ": next throws");
      if (how === "primitive") return 1;
      if (how === "done") return { get done() { throw new Error(label + ": done getter"); } };
      return { done: false, get value() { throw new Error(label + ": value getter"); } };
    },
    return() {
      console.log(label, "closed");
      return {};
    },
  };
}
const t = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, "!", e.message);
  }
};
for (const how of ["throw", "primitive", "done", "value"]) {
  t(how + " first", () => {
    const [a] = iter(how, 1, how);
    return a;
  });
  t(how + " rest", () => {
    const [a, ...b] = iter(how, 2, how);
    return [a, b];
  });
  t(how + " assign", () => {
    let a, b;
    [a, b] = iter(how, 2, how);
    return a;
  });
}
t("binding throws", () => {
  const [{ x }] = [null];
});
t("binding throws, iterator", () => {
  const [a, { x }] = iter("binding", 0, "throw");
});
t("complete", () => {
  const [a, b] = iter("complete", 0, "throw");
  return [a, b];
});
