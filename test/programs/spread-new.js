// Tests spread in `new` expressions with user classes and built-in constructors.
class Point {
  constructor(x, y, z = 0) {
    this.x = x;
    this.y = y;
    this.z = z;
  }
  sum() {
    return this.x + this.y + this.z;
  }
}
const coords = [1, 2];
const p = new Point(...coords);
console.log(p.sum(), p instanceof Point);
console.log(new Point(...coords, 3).sum());
console.log(new Point(...[5], ...[6], 7).sum());
const parts = [2020, 5, 17];
const arr = new Array(...[3]);
console.log(arr.length);
const arr2 = new Array(...[3, 4]);
console.log(arr2.join(","));
const set = new Set(...[["a", "b", "a"]]);
console.log(set.size);
const m = new Map(...[[["k", 1]]]);
console.log(m.get("k"));
function Legacy(...args) {
  this.n = args.length;
  this.nt = new.target === Legacy;
}
const l = new Legacy(...Array(4));
console.log(l.n, l.nt);
// evaluation order: callee, then arguments
const log = [];
function getCtor() {
  log.push("ctor");
  return Point;
}
function getArgs() {
  log.push("args");
  return [1, 1];
}
new (getCtor())(...getArgs());
console.log(log.join(","));
// spread of a string into a constructor
const chars = new Point(..."12");
console.log(chars.x + chars.y);
// new with spread of a generator
function* two() {
  yield 10;
  yield 20;
}
console.log(new Point(...two()).sum());
// Reflect.construct equivalent
console.log(Reflect.construct(Point, [3, 4]).sum());
// spreading into a non-constructor
try {
  new Math.max(...[1, 2]);
} catch (e) {
  console.log("non-constructor:", e.constructor.name);
}
