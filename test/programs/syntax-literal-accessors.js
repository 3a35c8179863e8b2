// Tests getters and setters in object literals: descriptors, inheritance, this, counting calls.
let gets = 0,
  sets = 0;
const temp = {
  _c: 25,
  get f() {
    gets++;
    return (this._c * 9) / 5 + 32;
  },
  set f(v) {
    sets++;
    this._c = ((v - 32) * 5) / 9;
  },
  get readonly() {
    return "ro";
  },
  set writeonly(v) {
    this._w = v;
  },
};
console.log(temp.f);
temp.f = 212;
console.log(temp._c, temp.f, gets, sets);
temp.readonly = "x";
console.log(temp.readonly, temp.writeonly);
temp.writeonly = "w";
console.log(temp._w);
const d = Object.getOwnPropertyDescriptor(temp, "f");
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable, "value" in d);
console.log(Object.keys(temp).join(","));
// inherited accessor: setter runs with receiver, creating own data on receiver
const child = Object.create(temp);
child.f = 32;
console.log(child.hasOwnProperty("_c"), child._c, temp._c);
// JSON.stringify invokes getters
const j = {
  get computed() {
    return "c" + 1;
  },
  plain: 1,
};
console.log(JSON.stringify(j));
// Object.assign invokes source getters and target setters
const target = {
  set v(x) {
    this.got = "set:" + x;
  },
};
Object.assign(target, {
  get v() {
    return "from getter";
  },
});
console.log(target.got);
// getters/setters with numeric and string keys
const odd = {
  get 0() {
    return "zero";
  },
  get "a b"() {
    return "space";
  },
};
console.log(odd[0], odd["a b"]);
// defineProperty converting data to accessor
const obj = { x: 1 };
let backing = 10;
Object.defineProperty(obj, "x", {
  get() {
    return backing;
  },
  set(v) {
    backing = v * 2;
  },
});
obj.x = 4;
console.log(obj.x, backing);
// a getter returning a function; called with correct this
const api = {
  name: "api",
  get method() {
    return function () {
      return this.name;
    };
  },
};
console.log(api.method());
// strict setter absence
(function () {
  "use strict";
  try {
    temp.readonly = 1;
  } catch (e) {
    console.log("strict assign to getter-only:", e.constructor.name);
  }
})();
