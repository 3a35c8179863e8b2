// Tests labeled break out of nested loops.
var pairs = [];
outer: for (var i = 0; i < 5; i++) {
  for (var j = 0; j < 5; j++) {
    if (i * j === 6) break outer;
    if (j > i) break;
    pairs.push(i + "" + j);
  }
}
console.log(pairs.join(" "), i, j);
var grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
var pos = null;
search: for (var r = 0; r < grid.length; r++) {
  for (var c = 0; c < grid[r].length; c++) {
    if (grid[r][c] === 5) {
      pos = [r, c];
      break search;
    }
  }
}
console.log(pos);
var n = 0;
loop1: while (true) {
  loop2: do {
    n++;
    if (n > 3) break loop1;
  } while (true);
}
console.log(n);
