// console.log of Map, Set and their iterators: sizes, nesting, line breaking, subclasses, extra keys.
const m = new Map([[1, 2], ["a", { x: [1, 2] }]]);
console.log(m, new Set([1, "two", [3]]), new Map(), new Set());
console.log(m.entries(), m.keys(), new Set([5, 6]).values());
const big = new Map(); for (let i = 0; i < 30; i++) big.set("key" + i, i); console.log(big);
console.log({ nested: { m: new Map([[{ a: 1 }, new Set([1])]]) } });
class MyMap extends Map {} console.log(new MyMap([[1, 1]]));
const s = new Set([1]); s.extra = true; console.log(s);
