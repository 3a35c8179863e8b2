// One property site seeing 1, 3 and 6 shapes, prototype hits and changes behind a cache.
function getX(o) {
  return o.x;
}
function setX(o, v) {
  o.x = v;
}
const shapes = [
  { x: 1 },
  { a: 0, x: 2 },
  { b: 0, c: 0, x: 3 },
  { x: 4, d: 0 },
  { e: 0, x: 5 },
  { f: 0, g: 0, h: 0, x: 6 },
];
let out = [];
for (let round = 0; round < 3; round++) for (const o of shapes.slice(0, 1)) out.push(getX(o));
for (let round = 0; round < 3; round++) for (const o of shapes.slice(0, 3)) out.push(getX(o));
for (let round = 0; round < 3; round++)
  for (const o of shapes) {
    setX(o, getX(o) + 10);
    out.push(getX(o));
  }
console.log(out.join(","));
// Prototype hits: the cache must notice a shadowing own property and a changed prototype.
const proto = { x: "proto" };
const child = Object.create(proto);
const twin = Object.create({ x: "other" });
const seen = [];
for (let i = 0; i < 6; i++) {
  if (i === 2) proto.x = "changed";
  if (i === 3) child.x = "own";
  if (i === 4) delete child.x;
  if (i === 5) delete proto.x;
  seen.push(getX(child), getX(twin));
}
console.log(seen.join(","));
class A {
  m() {
    return "A";
  }
}
class B extends A {}
const bs = [new A(), new B()];
const r = [];
for (let i = 0; i < 4; i++) {
  if (i === 2) B.prototype.m = () => "B";
  for (const o of bs) r.push(o.m());
}
console.log(r.join(","));
