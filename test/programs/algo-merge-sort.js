// Algorithm: stable merge sort on records by key.
function mergeSort(arr, key) {
  if (arr.length < 2) return arr;
  var mid = Math.floor(arr.length / 2);
  var l = mergeSort(arr.slice(0, mid), key), r = mergeSort(arr.slice(mid), key);
  var out = [], i = 0, j = 0;
  while (i < l.length && j < r.length) out.push(l[i][key] <= r[j][key] ? l[i++] : r[j++]);
  while (i < l.length) out.push(l[i++]);
  while (j < r.length) out.push(r[j++]);
  return out;
}
var recs = [
  { name: "d", score: 3 }, { name: "a", score: 1 }, { name: "c", score: 3 },
  { name: "b", score: 2 }, { name: "e", score: 1 }
];
console.log(mergeSort(recs, "score").map(function (r) { return r.name + r.score; }).join(" "));
console.log(mergeSort(recs, "name").map(function (r) { return r.name; }).join(""));
