// Tests for-of over arrays: values, holes as undefined, break and mutation.
var arr = [10, 20, 30];
var sum = 0;
for (var v of arr) sum += v;
console.log(sum);
var holes = [1, , 3];
var vals = [];
for (const h of holes) vals.push(h);
console.log(vals);
var grow = [1, 2];
var seen = [];
for (let g of grow) {
  seen.push(g);
  if (g < 4) grow.push(g + 2);
}
console.log(seen.join(","));
for (let x of ["a", "b", "c", "d"]) {
  if (x === "b") continue;
  if (x === "d") break;
  console.log("item", x);
}
var nested = [[1, 2], [3, 4]];
var flat = [];
for (const row of nested) for (const cell of row) flat.push(cell * 10);
console.log(flat);
var target = {};
for (target.prop of [7, 8]) {}
console.log(target.prop);
