// Tests recursive generators: tree walks, permutations, and combinations via yield*.
const tree = {
  name: "root",
  kids: [
    { name: "a", kids: [{ name: "a1", kids: [] }, { name: "a2", kids: [] }] },
    { name: "b", kids: [{ name: "b1", kids: [{ name: "b1x", kids: [] }] }] },
  ],
};
function* walk(node, depth = 0) {
  yield "  ".repeat(depth) + node.name;
  for (const k of node.kids) yield* walk(k, depth + 1);
}
for (const line of walk(tree)) console.log(line);
function* leaves(node) {
  if (!node.kids.length) yield node.name;
  else for (const k of node.kids) yield* leaves(k);
}
console.log([...leaves(tree)].join(","));
function* permutations(arr) {
  if (arr.length <= 1) {
    yield arr.slice();
    return;
  }
  for (let i = 0; i < arr.length; i++) {
    const rest = [...arr.slice(0, i), ...arr.slice(i + 1)];
    for (const p of permutations(rest)) yield [arr[i], ...p];
  }
}
console.log([...permutations([1, 2, 3])].map((p) => p.join("")).join(" "));
function* combinations(arr, k, start = 0, prefix = []) {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = start; i < arr.length; i++) yield* combinations(arr, k, i + 1, [...prefix, arr[i]]);
}
console.log([...combinations("abcd", 2)].map((c) => c.join("")).join(" "));
function* hanoi(n, from, to, via) {
  if (n === 0) return 0;
  const a = yield* hanoi(n - 1, from, via, to);
  yield from + to;
  const b = yield* hanoi(n - 1, via, to, from);
  return a + b + 1;
}
const h = hanoi(3, "A", "C", "B");
const moves = [];
let r;
while (!(r = h.next()).done) moves.push(r.value);
console.log(moves.join(" "), "count:", r.value);
