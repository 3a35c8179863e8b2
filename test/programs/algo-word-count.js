// Algorithm: word frequency counting and ranking with objects and sort.
var text = "the quick brown fox jumps over the lazy dog the fox was quick";
var counts = {};
text.split(" ").forEach(function (w) { counts[w] = (counts[w] || 0) + 1; });
console.log(Object.keys(counts).length);
var ranked = Object.keys(counts).sort(function (a, b) {
  return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0);
});
console.log(ranked.slice(0, 4).map(function (w) { return w + ":" + counts[w]; }).join(" "));
var byLength = {};
Object.keys(counts).forEach(function (w) { (byLength[w.length] = byLength[w.length] || []).push(w); });
console.log(JSON.stringify(byLength));
