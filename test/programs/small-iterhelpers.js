// Iterator helpers with callbacks, cut at every instruction by the transparency test
// (the helper's generator and the callback both live in frames). Self-checking: node
// 20 has no Iterator helpers and prints the same "ok".
const HAS = typeof Iterator === "function";
let out = "ok";
if (HAS) {
  const h = [1, 2, 3, 4].values().map((x) => x * 2).filter((x) => x > 2);
  const a = h.next().value;
  const rest = h.take(1).toArray();
  const sum = Iterator.from({ i: 0, next() { return { value: this.i++, done: this.i > 3 }; } }).reduce((s, x) => s + x, 0);
  out = a === 4 && rest[0] === 6 && sum === 3 ? "ok" : "FAIL " + [a, rest, sum];
}
console.log(out);
