// Found by the fuzzer: private methods and accessors are brand-checked, so using one on
// the wrong object is "Receiver must be an instance of class A" (or "class A" for a
// static one); private fields keep "Cannot read private member #f …".
const t = (f) => {
  try {
    f();
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
};
class A {
  #f = 1;
  #m() {}
  get #g() {
    return 1;
  }
  set #s(v) {}
  static #sm() {}
  static check(o) {
    t(() => o.#m());
    t(() => o.#g);
    t(() => (o.#s = 1));
    t(() => (o.#m = 1));
    t(() => (o.#g = 1));
    t(() => o.#f);
    t(() => (o.#f = 2));
    t(() => o.#sm());
    console.log(#m in o, #f in o);
  }
}
A.check({});
A.check(new A());
const B = class {
  #m() {}
  static check(o) {
    t(() => o.#m());
  }
};
B.check({});
const C = class Named {
  #m() {}
  static check(o) {
    t(() => o.#m());
  }
};
C.check({});
