// Small: tests a labeled break out of two short nested loops.
var hits = 0;
outer: for (var i = 0; i < 3; i++) {
  for (var j = 0; j < 3; j++) {
    if (j === 1 && i === 1) break outer;
    hits++;
  }
}
console.log(hits, i, j);
