// Property access: monomorphic and polymorphic reads and writes, prototype methods,
// objects built by literals, constructors and Object.create.
const now = typeof performance === "object" ? () => performance.now() : () => Date.now();
const T0 = now();
function Vec(x, y) {
  this.x = x;
  this.y = y;
}
Vec.prototype.dot = function (o) {
  return this.x * o.x + this.y * o.y;
};
const kinds = [
  (i) => new Vec(i, 1),
  (i) => ({ x: i, y: 2 }),
  (i) => ({ y: 3, x: i }),
  (i) => Object.assign(Object.create(Vec.prototype), { x: i, y: 4 }),
];
const objs = [];
for (let i = 0; i < 4000; i++) objs.push(kinds[i % kinds.length](i % 100));
let sum = 0;
for (let round = 0; round < 40; round++) {
  for (let i = 0; i < objs.length; i++) {
    const o = objs[i];
    sum += o.x + o.y;
    o.y = (o.y + 1) % 7;
  }
  for (let i = 0; i < objs.length; i += 4) sum += objs[i].dot(objs[i + 3]);
}
console.log(sum);
console.log("@work", Math.round(now() - T0));
