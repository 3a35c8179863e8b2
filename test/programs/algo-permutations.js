// Algorithm: generates permutations and combinations recursively.
function permutations(arr) {
  if (arr.length <= 1) return [arr.slice()];
  var out = [];
  for (var i = 0; i < arr.length; i++) {
    var rest = arr.slice(0, i).concat(arr.slice(i + 1));
    permutations(rest).forEach(function (p) { out.push([arr[i]].concat(p)); });
  }
  return out;
}
console.log(permutations(["a", "b", "c"]).map(function (p) { return p.join(""); }).join(" "));
console.log(permutations([1, 2, 3, 4]).length);
function combos(arr, k, start, cur, out) {
  if (cur.length === k) { out.push(cur.join("")); return out; }
  for (var i = start; i < arr.length; i++) {
    cur.push(arr[i]);
    combos(arr, k, i + 1, cur, out);
    cur.pop();
  }
  return out;
}
console.log(combos(["w", "x", "y", "z"], 2, 0, [], []).join(","));
