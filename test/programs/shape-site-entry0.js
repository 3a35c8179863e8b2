// One site's first inline-cache entry (own field or prototype method), then receivers
// that must miss it: another prototype, a prototype that gained a shadowing method, a
// frozen or sealed receiver written to, a field turned into an accessor.
function Point(x, y) {
  this.x = x;
  this.y = y;
}
Point.prototype.norm = function () {
  return this.x * this.x + this.y * this.y;
};
function readX(o) {
  return o.x;
}
function callNorm(o) {
  return o.norm();
}
function setX(o, v) {
  o.x = v;
  return o.x;
}
function strictSetX(o, v) {
  "use strict";
  try {
    o.x = v;
  } catch (e) {
    return e.constructor.name;
  }
  return o.x;
}

const points = [];
for (let i = 0; i < 20; i++) points.push(new Point(i, i + 1));
let sum = 0;
for (const p of points) sum += readX(p) + callNorm(p) + setX(p, p.x + 1);
console.log("warm", sum);

// Same shape, other prototype: the method comes from there.
const other = Object.create({
  norm() {
    return -1;
  },
});
other.x = 1;
other.y = 2;
console.log("other proto", callNorm(other), readX(other));

// The prototype gains a method between the receiver and the holder.
const base = new Point(3, 4);
const derivedProto = Object.create(Point.prototype);
const derived = Object.create(derivedProto);
derived.x = 5;
derived.y = 6;
console.log("before shadow", callNorm(derived));
derivedProto.norm = function () {
  return "shadowed";
};
console.log("after shadow", callNorm(derived), callNorm(base));

// The prototype's method replaced in place, then deleted.
Point.prototype.norm = function () {
  return "replaced";
};
console.log("replaced", callNorm(base));
delete Point.prototype.norm;
try {
  callNorm(base);
} catch (e) {
  console.log("deleted", e.constructor.name);
}

// Writes through a warm site to frozen, sealed and non-writable receivers.
const frozen = Object.freeze(new Point(7, 8));
console.log("frozen", setX(frozen, 70), strictSetX(frozen, 71));
const sealed = Object.seal(new Point(9, 10));
console.log("sealed", setX(sealed, 90), strictSetX(sealed, 91));
const fixed = new Point(11, 12);
Object.defineProperty(fixed, "x", { writable: false });
console.log("read-only", setX(fixed, 110), strictSetX(fixed, 111));

// A field turned into an accessor, and back to a data property.
const acc = new Point(13, 14);
let hidden = 130;
Object.defineProperty(acc, "x", {
  get() {
    return hidden;
  },
  set(v) {
    hidden = v * 2;
  },
  configurable: true,
});
console.log("accessor", readX(acc), setX(acc, 5), hidden);
Object.defineProperty(acc, "x", { value: 1, writable: true, configurable: true });
console.log("data again", readX(acc), setX(acc, 2));

// The receiver's prototype swapped after the site cached the first one.
const swapped = new Point(15, 16);
Object.setPrototypeOf(swapped, {
  norm() {
    return "swapped";
  },
});
console.log("swapped", callNorm(swapped), readX(swapped));

// A dictionary-mode receiver (many deletions) at the same sites.
const dict = new Point(17, 18);
for (let i = 0; i < 40; i++) dict["k" + i] = i;
for (let i = 0; i < 40; i++) delete dict["k" + i];
console.log("dictionary", readX(dict), setX(dict, 170));
let total = 0;
for (const p of points) total += readX(p) + setX(p, 1);
console.log("warm again", total);
