// Reads cached along prototype chains (interpreter/shape-cache.ts): a holder two and
// three levels up, objects of one shape with different prototypes at one site, a
// holder in dictionary mode (Function.prototype's call and apply), and each cache
// made stale by a change somewhere on the chain.

function A() {}
A.prototype.m = function () {
  return "A.m";
};
A.prototype.k = 1;
function B() {}
B.prototype = Object.create(A.prototype);
function C() {
  this.own = 0;
}
C.prototype = Object.create(B.prototype);

const c = new C();
const read = (o) => o.m() + ":" + o.k;
const log = [];
for (let i = 0; i < 14; i++) {
  if (i === 3) B.prototype.m = () => "B.m"; // an object in between gets the key
  if (i === 5) delete B.prototype.m;
  if (i === 7) A.prototype.k = 2; // the holder's value changes in place
  if (i === 9) Object.setPrototypeOf(B.prototype, { m: () => "X.m", k: 3 });
  if (i === 11) C.prototype.k = 4; // the receiver's own prototype gets it
  log.push(read(c));
}
console.log(log.join(" "));

// One receiver shape, four prototypes, at one site.
function kind(name, depth) {
  let proto = { who: name };
  for (let i = 1; i < depth; i++) proto = Object.create(proto);
  return proto;
}
const protos = [kind("p1", 1), kind("p2", 2), kind("p3", 3), kind("p4", 1)];
const objs = protos.map((p, i) => Object.assign(Object.create(p), { n: i }));
const who = (o) => o.who;
let seen = "";
for (let r = 0; r < 3; r++) for (const o of objs) seen += who(o) + ",";
protos[2].who = "p3'";
for (const o of objs) seen += who(o) + ",";
console.log(seen);

// A holder in dictionary mode: Function.prototype.call and apply.
function Point(x, y) {
  this.x = x;
  this.y = y;
}
function make(x, y) {
  const p = Object.create(Point.prototype);
  Point.apply(p, [x, y]);
  return p;
}
const sum = (f) => f.call(null, 2, 3);
const out = [];
for (let i = 0; i < 8; i++) {
  if (i === 4) {
    const saved = Function.prototype.call;
    Function.prototype.call = function () {
      return "patched";
    };
    out.push(sum((a, b) => a + b));
    Function.prototype.call = saved;
  }
  if (i === 6) {
    const saved = Object.getOwnPropertyDescriptor(Function.prototype, "apply");
    Object.defineProperty(Function.prototype, "apply", {
      configurable: true,
      get() {
        return () => "getter";
      },
    });
    out.push(JSON.stringify(make(1, 2)));
    Object.defineProperty(Function.prototype, "apply", saved);
  }
  out.push(sum((a, b) => a * b + i), make(i, -i).x);
}
console.log(out.join(" "));

// A record of many fields set by named stores stays correct past 64 properties.
function Big() {
  this.f0 = 0; this.f1 = 1; this.f2 = 2; this.f3 = 3; this.f4 = 4; this.f5 = 5; this.f6 = 6; this.f7 = 7; this.f8 = 8; this.f9 = 9;
  this.g0 = 10; this.g1 = 11; this.g2 = 12; this.g3 = 13; this.g4 = 14; this.g5 = 15; this.g6 = 16; this.g7 = 17; this.g8 = 18; this.g9 = 19;
  this.h0 = 20; this.h1 = 21; this.h2 = 22; this.h3 = 23; this.h4 = 24; this.h5 = 25; this.h6 = 26; this.h7 = 27; this.h8 = 28; this.h9 = 29;
  this.i0 = 30; this.i1 = 31; this.i2 = 32; this.i3 = 33; this.i4 = 34; this.i5 = 35; this.i6 = 36; this.i7 = 37; this.i8 = 38; this.i9 = 39;
  this.j0 = 40; this.j1 = 41; this.j2 = 42; this.j3 = 43; this.j4 = 44; this.j5 = 45; this.j6 = 46; this.j7 = 47; this.j8 = 48; this.j9 = 49;
  this.k0 = 50; this.k1 = 51; this.k2 = 52; this.k3 = 53; this.k4 = 54; this.k5 = 55; this.k6 = 56; this.k7 = 57; this.k8 = 58; this.k9 = 59;
  this.l0 = 60; this.l1 = 61; this.l2 = 62; this.l3 = 63; this.l4 = 64; this.l5 = 65; this.l6 = 66; this.l7 = 67; this.l8 = 68; this.l9 = 69;
}
const bigs = [new Big(), new Big()];
bigs[1].l9 = "changed";
bigs[1].extra = "added"; // past the named limit's path: a generic add
delete bigs[0].f5;
let total = 0;
for (const b of bigs) for (const k of Object.keys(b)) if (typeof b[k] === "number") total += b[k];
console.log(total, Object.keys(bigs[0]).length, Object.keys(bigs[1]).length, bigs[1].l9, bigs[1].extra);
console.log(JSON.stringify(bigs[1]).length, Object.getOwnPropertyNames(bigs[0]).slice(3, 8).join());
