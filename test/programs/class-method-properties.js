// Tests properties of class members: enumerability, length, name, non-constructible methods.
class C {
  constructor(a, b) {}
  method(x, y, z) {}
  static stat(a = 1, b) {}
  get g() {
    return 1;
  }
  set s(v) {}
  async am() {}
  *gm() {}
  async *agm() {}
  rest(a, ...r) {}
}
const proto = C.prototype;
console.log(Object.keys(proto).length, Object.getOwnPropertyNames(proto).join(","));
for (const n of ["method", "am", "gm", "agm", "rest"]) {
  const d = Object.getOwnPropertyDescriptor(proto, n);
  console.log(n, d.enumerable, d.writable, d.configurable, proto[n].name, proto[n].length);
}
console.log(C.length, C.stat.length, C.stat.name, C.name);
const gd = Object.getOwnPropertyDescriptor(proto, "g");
console.log(gd.get.name, Object.getOwnPropertyDescriptor(proto, "s").set.name);
console.log("prototype" in proto.method, "prototype" in proto.gm, "prototype" in C.stat);
for (const n of ["method", "am", "gm", "agm"]) {
  try {
    new proto[n]();
    console.log(n, "constructed");
  } catch (e) {
    console.log(n, "new ->", e.constructor.name);
  }
}
// constructor property
const cd = Object.getOwnPropertyDescriptor(proto, "constructor");
console.log(cd.enumerable, cd.writable, proto.constructor === C);
// class fields of functions get names
class F {
  handler = () => {};
  fn = function () {};
  static sfn = () => {};
}
const f = new F();
console.log(f.handler.name, f.fn.name, F.sfn.name);
// typeof the class and its prototype
console.log(typeof C, typeof proto, Object.getPrototypeOf(C) === Function.prototype);
console.log(Object.prototype.toString.call(proto.gm), Object.prototype.toString.call(proto.am));
