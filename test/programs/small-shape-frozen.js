// Frozen, sealed and non-extensible objects keep refusing writes and additions.
"use strict";
function tryIt(label, f) {
  try {
    f();
    console.log(label, "ok");
  } catch (e) {
    console.log(label, e.constructor.name);
  }
}
function P(x) {
  this.x = x;
}
const a = new P(1);
const b = Object.freeze(new P(2));
const c = Object.seal(new P(3));
const d = Object.preventExtensions(new P(4));
for (const o of [a, b, c, d]) {
  tryIt("write", () => (o.x = 9));
  tryIt("add", () => (o.y = 1));
  tryIt("delete", () => delete o.x);
  console.log(o.x, o.y, Object.isFrozen(o), Object.isSealed(o), Object.isExtensible(o));
}
