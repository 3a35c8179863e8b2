// Tests getters/setters in classes: descriptors, inheritance, partial accessors.
class Rect {
  constructor(w, h) {
    this.w = w;
    this.h = h;
  }
  get area() {
    return this.w * this.h;
  }
  set size(s) {
    this.w = this.h = s;
  }
  get onlyGet() {
    return "g";
  }
}
const r = new Rect(2, 3);
console.log(r.area);
r.size = 4;
console.log(r.w, r.h, r.area);
console.log(r.size);
r.onlyGet = "ignored";
console.log(r.onlyGet, Object.keys(r).join(","));
const d = Object.getOwnPropertyDescriptor(Rect.prototype, "area");
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);
const d2 = Object.getOwnPropertyDescriptor(Rect.prototype, "size");
console.log(typeof d2.get, typeof d2.set);
// class bodies are strict: assigning to getter-only throws
class Strict {
  get v() {
    return 1;
  }
  tryAssign() {
    try {
      this.v = 2;
      return "assigned";
    } catch (e) {
      return e.constructor.name;
    }
  }
}
console.log(new Strict().tryAssign());
// overriding only the getter in a subclass hides the inherited setter
class Base {
  _v = 0;
  get v() {
    return this._v;
  }
  set v(x) {
    this._v = x;
  }
}
class OnlyGetter extends Base {
  get v() {
    return "sub:" + super.v;
  }
}
const o = new OnlyGetter();
o.v = 5;
console.log(o.v, o._v);
class Both extends Base {
  get v() {
    return "both:" + super.v;
  }
  set v(x) {
    super.v = x * 10;
  }
}
const b = new Both();
b.v = 5;
console.log(b.v, b._v);
// static accessors
class Temp {
  static #c = 0;
  static get c() {
    return Temp.#c;
  }
  static set c(v) {
    Temp.#c = Math.max(0, v);
  }
}
Temp.c = -5;
console.log(Temp.c);
Temp.c = 7;
console.log(Temp.c);
// accessor with computed symbol name
const key = Symbol("k");
class SymAcc {
  get [key]() {
    return "sym getter";
  }
}
console.log(new SymAcc()[key]);
