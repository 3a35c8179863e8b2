// Tests generator objects as iterables: single-use, shared between consumers, and as @@iterator.
function* abc() {
  yield "a";
  yield "b";
  yield "c";
}
const g = abc();
console.log([...g].join(), [...g].length);
const g2 = abc();
const [first] = g2;
console.log(first, [...g2].length);
const g3 = abc();
g3.next();
console.log(Array.from(g3).join());
// two consumers sharing one generator
const shared = abc();
const it1 = shared[Symbol.iterator]();
const it2 = shared[Symbol.iterator]();
console.log(it1 === it2, it1.next().value, it2.next().value, it1.next().value);
// object whose @@iterator is a generator method is reusable
const reusable = {
  *[Symbol.iterator]() {
    yield* abc();
  },
};
console.log([...reusable].join(), [...reusable].join());
// Map/Set built from generators
function* pairs() {
  yield ["x", 1];
  yield ["y", 2];
}
const m = new Map(pairs());
console.log(m.size, m.get("y"));
console.log(new Set(abc()).has("b"));
// Promise.all accepts a generator
Promise.all(abc()).then((v) => console.log("Promise.all:", v.join("")));
// generator in destructuring with rest
const [h, ...t] = abc();
console.log(h, t.join(""));
// Object.fromEntries with a generator
console.log(JSON.stringify(Object.fromEntries(pairs())));
// String concatenation via join of spread
console.log([...abc()].reverse().join(""));
// for-of with index via entries of spread
for (const [i, v] of [...abc()].entries()) if (i === 1) console.log("index 1 is", v);
console.log("sync end");
