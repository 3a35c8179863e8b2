// Heavy: tests allocating many small objects and arrays in a loop.
var total = 0;
var keep = [];
for (var i = 0; i < 200000; i++) {
  var o = { id: i, tag: "t" + (i % 10), pair: [i, i * 2] };
  total += o.pair[1] - o.pair[0];
  if (i % 50000 === 0) keep.push(o);
}
var counts = {};
for (var j = 0; j < 100000; j++) {
  var key = "k" + (j % 7);
  counts[key] = (counts[key] || 0) + 1;
}
console.log(total, keep.length, keep[3].id, keep[3].tag);
console.log(JSON.stringify(counts));
