// Tests spreading user iterables, generators, Map/Set views, typed arrays and arguments.
const log = [];
const iterable = {
  [Symbol.iterator]() {
    log.push("get iterator");
    let i = 0;
    return {
      next() {
        log.push("next " + i);
        return i < 3 ? { value: i++ * 10, done: false } : { done: true, value: "ignored" };
      },
    };
  },
};
const arr = [...iterable];
console.log(arr.join(","), arr.length);
console.log(log.join(", "));
function* letters() {
  yield "a";
  yield "b";
  return "c";
}
console.log([...letters()].join(""));
const m = new Map([
  [1, "one"],
  [2, "two"],
]);
console.log([...m.keys()].join(","), [...m.values()].join(","), [...m.entries()].length);
const st = new Set(["x", "y"]);
console.log([...st.entries()].map((e) => e.join(":")).join(" "));
console.log([...new Int16Array([1, -1, 300])].join(","));
console.log([...[7, 8].entries()].map(([i, v]) => i + "" + v).join(","));
// spreading an iterator (which is also iterable)
const it = [1, 2, 3][Symbol.iterator]();
it.next();
console.log([...it].join(","), [...it].length);
// infinite-ish generator with early return isn't spreadable; use a bounded one
function* range(n) {
  for (let i = 0; i < n; i++) yield i;
}
console.log([...range(5)].reduce((a, b) => a + b));
// Symbol.iterator returning non-object throws
try {
  [...{ [Symbol.iterator]: () => 1 }];
} catch (e) {
  console.log("iterator not object:", e.constructor.name);
}
// Symbol.iterator not callable
try {
  [...{ [Symbol.iterator]: 5 }];
} catch (e) {
  console.log("iterator not callable:", e.constructor.name);
}
