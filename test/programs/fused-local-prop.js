// `o.x` on a local (GET_LOCAL_GET_PROP) and a property store as a statement
// (SET_PROP_POP, compiler/fuse.ts), nested with the other fused instructions: getters,
// setters (the POP then runs after the call), primitives, read-only and missing
// receivers, array length, compound and chained assignments, loops whose update or
// test is a property, a for-of over objects whose keys are read and written.
"use strict";
function run() {
  const pts = [];
  for (let i = 0; i < 8; i++) pts.push({ x: i, y: i * 2 });
  let sum = 0;
  for (const p of pts) {
    sum += p.x + p.y;
    p.x = p.y - p.x;
    p.y++;
    p.x += 1;
  }
  console.log(sum, pts.map((p) => p.x + ":" + p.y).join(" "));

  const log = [];
  const acc = {
    _v: 1,
    get v() {
      log.push("get");
      return this._v;
    },
    set v(n) {
      log.push("set " + n);
      this._v = n;
    },
  };
  const a = acc;
  a.v = a.v + 10;
  a.v = 3;
  let k = 0;
  for (a.v = 0; a.v < 3; a.v = a.v + 1) k++;
  console.log(k, a.v, log.length, log.slice(0, 4).join(","));

  const s = "hello";
  const arr = [1, 2, 3, 4];
  console.log(s.length, arr.length, (5).constructor.name);
  arr.length = 2;
  console.log(arr, arr.length);

  const b = {};
  const c = {};
  b.x = c.y = 7;
  b.z = b.x;
  console.log(JSON.stringify(b), JSON.stringify(c));

  const frozen = Object.freeze({ x: 1 });
  try {
    frozen.x = 2;
  } catch (e) {
    console.log(e instanceof TypeError, frozen.x);
  }
  let nothing = null;
  try {
    console.log(nothing.x);
  } catch (e) {
    console.log(e.message);
  }
  try {
    nothing.x = 1;
  } catch (e) {
    console.log(e.message);
  }

  const proxy = new Proxy({ x: 4 }, {
    get: (t, key) => (key === "x" ? t.x * 10 : undefined),
    set: (t, key, v) => ((t[key] = v + 1), true),
  });
  const p = proxy;
  p.x = 5;
  console.log(p.x);

  // Many shapes through one site: the site goes megamorphic.
  let t = 0;
  for (let i = 0; i < 40; i++) {
    const o = { ["k" + (i % 7)]: i, x: i };
    o.x = o.x * 2;
    t += o.x;
  }
  console.log(t);

  // The same site sees a setter on the prototype after plain adds.
  class Base {
    set w(v) {
      this._w = v * 100;
    }
  }
  const objs = [{}, {}, new Base(), {}];
  for (const o of objs) {
    o.w = 2;
  }
  console.log(objs.map((o) => o.w + "/" + o._w).join(" "));
}
run();
function sloppy() {
  const o = Object.freeze({ x: 1 });
  o.x = 2;
  return o.x;
}
console.log(new Function("return (" + sloppy.toString().replace('"use strict";', "") + ")()")());
