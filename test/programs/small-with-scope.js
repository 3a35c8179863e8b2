// `with` lookups, assignments and calls; snapshots taken inside the object environment.
var o = { x: 1, get y() { return this.x + 10; }, m() { return this === o; } };
with (o) {
  x = y;
  console.log(x, y, m(), typeof zz);
}
