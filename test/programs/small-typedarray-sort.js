// A sort comparator and callbacks that a snapshot can cut in the middle of.
const a = new Int32Array([5, 3, 9, 1, 7, 2]);
let calls = 0;
a.sort((x, y) => { calls++; return x - y; });
console.log(a.join(), calls > 0);
const f = new Float64Array([0.5, -1, 2]).map((x) => x * 2).filter((x) => x > 0);
console.log(f.join(), new Uint8Array([3, 1, 2]).toSorted((x, y) => y - x).join());
