// Tests that spread calls behave like Function.prototype.apply / Reflect.apply.
function join(sep, ...rest) {
  return (this && this.prefix ? this.prefix : "") + rest.join(sep);
}
const ctx = { prefix: ">" };
const args = ["-", "a", "b", "c"];
console.log(join.apply(ctx, args));
console.log(join.call(ctx, ...args));
console.log(Reflect.apply(join, ctx, args));
const bound = join.bind(ctx, "+");
console.log(bound(...["x", "y"]));
console.log(Math.min.apply(null, [4, 2, 8]), Math.min(...[4, 2, 8]));
// apply with array-like vs spread requiring iterable
const arrayLike = { 0: "p", 1: "q", length: 2 };
console.log(join.apply(null, [":", ...Array.from(arrayLike)]));
console.log(Array.prototype.concat.apply([], [[1], [2]]).join(","));
// spread into push / unshift / splice
const target = [1];
target.push(...[2, 3]);
target.unshift(...[-1, 0]);
target.splice(2, 0, ...["a", "b"]);
console.log(target.join(","));
// spreading results of map into Math
const words = ["apple", "fig", "banana"];
console.log(Math.max(...words.map((w) => w.length)));
// array flattening one level
const nested = [[1, 2], [3], [], [4, [5]]];
console.log([].concat(...nested).length, nested.flat().length);
// Date-free: building objects from entries with spread
const entries = [["a", 1], ["b", 2]];
console.log(JSON.stringify(Object.fromEntries([...entries, ["c", 3]])));
