// Tests errors propagating out of array callbacks and sort comparators.
var processed = [];
try {
  [1, 2, 3, 4].forEach(function (x) {
    if (x === 3) throw new Error("stop at 3");
    processed.push(x);
  });
} catch (e) {
  console.log(e.message, processed);
}
var found;
try {
  [5, 6, 7].reduce(function (acc, x) {
    if (acc > 10) throw { acc: acc, x: x };
    return acc + x;
  });
} catch (e) {
  found = e;
}
console.log(found);
try {
  [3, 1, 2].sort(function () { throw new RangeError("cmp"); });
} catch (e) {
  console.log(e.name);
}
