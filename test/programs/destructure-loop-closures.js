// Tests destructured bindings in for/for-of loops create fresh bindings per iteration.
const fns = [];
for (let [i, j] = [0, 10]; i < 3; i++, j--) fns.push(() => i + ":" + j);
console.log(fns.map((f) => f()).join(" "));
const fns2 = [];
for (const { id } of [{ id: "a" }, { id: "b" }]) fns2.push(() => id);
console.log(fns2.map((f) => f()).join(" "));
const fns3 = [];
for (var [v] of [[1], [2]]) fns3.push(() => v);
console.log(fns3.map((f) => f()).join(" "));
// while with destructuring assignment from a queue
const queue = [
  [1, "one"],
  [2, "two"],
];
let n, name;
while (queue.length) {
  [n, name] = queue.shift();
  console.log(n, name);
}
// iterating pairs with index
const pairs = [
  ["k1", "v1"],
  ["k2", "v2"],
];
pairs.forEach(([k, v], idx) => console.log(idx, k, v));
// reduce with destructured accumulator
const { evens, odds } = [1, 2, 3, 4, 5].reduce(
  ({ evens, odds }, x) => (x % 2 ? { evens, odds: odds + x } : { evens: evens + x, odds }),
  { evens: 0, odds: 0 },
);
console.log(evens, odds);
// nested loops with destructuring
const grid = [
  [
    [0, 0],
    [0, 1],
  ],
  [
    [1, 0],
    [1, 1],
  ],
];
let s = "";
for (const row of grid) for (const [r, c] of row) s += r + "" + c + " ";
console.log(s.trim());
