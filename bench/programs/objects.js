// Object-heavy code: allocate, read and update many small objects and arrays.
const now = typeof performance === "object" ? () => performance.now() : () => Date.now();
const T0 = now();
function Point(x, y) {
  this.x = x;
  this.y = y;
}
Point.prototype.add = function (o) {
  return new Point(this.x + o.x, this.y + o.y);
};
let acc = new Point(0, 0);
const pts = [];
for (let i = 0; i < 200000; i++) {
  const p = new Point(i % 17, i % 13);
  pts.push(p);
  acc = acc.add(p);
}
let far = 0;
for (const p of pts) if (p.x + p.y > far) far = p.x + p.y;
const tally = {};
for (let i = 0; i < pts.length; i++) {
  const k = "k" + (pts[i].x % 5);
  tally[k] = (tally[k] || 0) + 1;
}
console.log(acc.x, acc.y, far, JSON.stringify(tally));
console.log("@work", Math.round(now() - T0));
