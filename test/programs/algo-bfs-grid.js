// Algorithm: breadth-first search shortest path on a small grid maze.
var maze = [
  "S.#.....",
  ".##.###.",
  "....#...",
  "##.##.#.",
  "......#E"
];
function solve(maze) {
  var h = maze.length, w = maze[0].length, start, end;
  for (var r = 0; r < h; r++) for (var c = 0; c < w; c++) {
    if (maze[r][c] === "S") start = [r, c];
    if (maze[r][c] === "E") end = [r, c];
  }
  var dist = {};
  dist[start[0] + "," + start[1]] = 0;
  var queue = [start];
  var dirs = [[1, 0], [-1, 0], [0, 1], [0, -1]];
  while (queue.length) {
    var cur = queue.shift();
    var d = dist[cur[0] + "," + cur[1]];
    if (cur[0] === end[0] && cur[1] === end[1]) return d;
    for (var i = 0; i < 4; i++) {
      var nr = cur[0] + dirs[i][0], nc = cur[1] + dirs[i][1];
      if (nr < 0 || nc < 0 || nr >= h || nc >= w || maze[nr][nc] === "#") continue;
      var key = nr + "," + nc;
      if (key in dist) continue;
      dist[key] = d + 1;
      queue.push([nr, nc]);
    }
  }
  return -1;
}
console.log(solve(maze));
console.log(solve(["S#E"]));
