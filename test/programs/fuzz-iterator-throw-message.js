// Found by the fuzzer: yield* over an iterator without a throw method, when thrown
// into, ends with V8's message (with its final period).
const iterable = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next: () => ({ value: i++, done: i > 3 }),
      return: () => (console.log("return called"), { done: true }),
    };
  },
};
function* g() {
  try {
    yield* iterable;
  } catch (e) {
    console.log("caught in gen", e.name + ": " + e.message);
  }
}
const it = g();
console.log(it.next());
console.log(it.throw(new Error("into")));
