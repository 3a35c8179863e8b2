// Tests finally running on every loop iteration and preserving loop variables.
var cleanups = 0;
var processed = [];
for (var i = 0; i < 5; i++) {
  try {
    if (i === 2) throw new Error("skip");
    processed.push(i);
  } catch (e) {
    processed.push("E");
  } finally {
    cleanups++;
  }
}
console.log(processed.join(""), cleanups);
function findFirst(arr, pred) {
  var checked = 0;
  try {
    for (var k = 0; k < arr.length; k++) {
      try {
        if (pred(arr[k])) return arr[k];
      } finally {
        checked++;
      }
    }
    return null;
  } finally {
    console.log("checked", checked);
  }
}
console.log(findFirst([1, 3, 6, 7], function (x) { return x % 2 === 0; }));
console.log(findFirst([1, 3], function (x) { return x > 5; }));
