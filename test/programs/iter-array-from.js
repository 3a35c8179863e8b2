// Tests Array.from with iterables, array-likes, map functions, thisArg and subclass receivers.
console.log(Array.from("abc").join(","));
console.log(Array.from(new Set([1, 1, 2])).join(","));
console.log(Array.from({ length: 3 }).length, Array.from({ length: 3 })[0]);
console.log(Array.from({ length: 3 }, (_, i) => i * i).join(","));
console.log(Array.from({ 0: "a", 2: "c", length: 3 }).join("|"));
console.log(Array.from([1, 2, 3], function (x) {
  return x * this.k;
}, { k: 10 }).join(","));
const mapArgs = [];
Array.from(["p", "q"], (...a) => mapArgs.push(a.length + ":" + a[1]));
console.log(mapArgs.join(" "));
// iterable preferred over array-like
const both = {
  length: 5,
  0: "index",
  *[Symbol.iterator]() {
    yield "iter";
  },
};
console.log(Array.from(both).join(","));
// generators and Map entries
function* fib() {
  let [a, b] = [0, 1];
  for (;;) {
    yield a;
    [a, b] = [b, a + b];
    if (a > 50) return;
  }
}
console.log(Array.from(fib()).join(" "));
console.log(JSON.stringify(Array.from(new Map([["k", 1]]))));
// Array.from on a constructor `this`
function Ctor() {
  this.made = true;
}
const viaCtor = Array.from.call(Ctor, [1, 2]);
console.log(viaCtor instanceof Ctor, viaCtor.length, viaCtor[1], viaCtor.made);
// Array.of
console.log(Array.of(7).length, Array.of(1, 2, 3).join(""));
// non-callable mapper
try {
  Array.from([1], "nope");
} catch (e) {
  console.log("bad mapper:", e.constructor.name);
}
console.log(Array.from(null ?? []).length);
try {
  Array.from(null);
} catch (e) {
  console.log("null:", e.constructor.name);
}
// length coercion
console.log(Array.from({ length: "2" }).length, Array.from({ length: -1 }).length, Array.from({ length: 2.7 }).length);
