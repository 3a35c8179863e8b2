// Tests getters and setters in object literals, including derived values.
var temp = {
  _c: 25,
  get f() { return this._c * 9 / 5 + 32; },
  set f(v) { this._c = (v - 32) * 5 / 9; },
  get c() { return this._c; }
};
console.log(temp.f, temp.c);
temp.f = 212;
console.log(temp.c, temp.f);
temp.c = 0;
console.log(temp.c);
var log = [];
var watched = {
  _v: 0,
  get v() { log.push("get"); return this._v; },
  set v(x) { log.push("set " + x); this._v = x; }
};
watched.v = 5;
watched.v += 1;
console.log(watched.v, log.join(", "));
var onlyGet = { get x() { return "ro"; } };
onlyGet.x = "changed";
console.log(onlyGet.x);
var inherits = Object.create(temp);
inherits.f = 32;
console.log(inherits.c, temp.c, Object.keys(inherits));
