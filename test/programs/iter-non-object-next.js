// Tests TypeErrors when next() returns non-objects or iterator methods are malformed.
function iterWith(nextResult) {
  return {
    [Symbol.iterator]() {
      return { next: () => nextResult };
    },
  };
}
for (const bad of [1, "str", undefined, null, true, Symbol("s")]) {
  try {
    for (const x of iterWith(bad)) {
      console.log("got", x);
      break;
    }
    console.log(typeof bad, "no error");
  } catch (e) {
    console.log(typeof bad === "object" ? String(bad) : typeof bad, "->", e.constructor.name);
  }
}
// a function is an object and is accepted as a result
const fnResult = function () {};
fnResult.done = true;
for (const x of iterWith(fnResult)) console.log("never");
console.log("function result accepted");
// spread and destructuring also check
try {
  [...iterWith(0)];
} catch (e) {
  console.log("spread ->", e.constructor.name);
}
try {
  const [a] = iterWith("x");
} catch (e) {
  console.log("destructure ->", e.constructor.name);
}
try {
  Array.from(iterWith(5));
} catch (e) {
  console.log("Array.from ->", e.constructor.name);
}
// next is not a function
try {
  for (const x of { [Symbol.iterator]: () => ({ next: 1 }) });
} catch (e) {
  console.log("next not callable ->", e.constructor.name);
}
// Symbol.iterator returns a primitive
try {
  for (const x of { [Symbol.iterator]: () => "string" });
} catch (e) {
  console.log("iterator primitive ->", e.constructor.name);
}
// yield* to a bad iterator
function* delegating() {
  yield* iterWith(null);
}
try {
  delegating().next();
} catch (e) {
  console.log("yield* ->", e.constructor.name);
}
// getters on result object are invoked: done before value
const order = [];
const getterResult = {
  [Symbol.iterator]() {
    let n = 0;
    return {
      next() {
        n++;
        return {
          get done() {
            order.push("done" + n);
            return n > 2;
          },
          get value() {
            order.push("value" + n);
            return n;
          },
        };
      },
    };
  },
};
console.log([...getterResult].join(","), order.join(" "));
