// Tests private methods and private accessors (#m(), get #x / set #x).
class Temperature {
  #celsius = 0;
  get #fahrenheit() {
    return this.#celsius * 1.8 + 32;
  }
  set #fahrenheit(f) {
    this.#celsius = (f - 32) / 1.8;
  }
  #format(v, unit) {
    return v.toFixed(1) + unit;
  }
  setF(f) {
    this.#fahrenheit = f;
    return this;
  }
  describe() {
    return this.#format(this.#celsius, "C") + " / " + this.#format(this.#fahrenheit, "F");
  }
  static isTemp(o) {
    try {
      o.#format;
      return true;
    } catch (e) {
      return e.constructor.name;
    }
  }
}
const t = new Temperature();
console.log(t.describe());
console.log(t.setF(212).describe());
console.log(t.setF(-40).describe());
console.log(Temperature.isTemp(t), Temperature.isTemp({}));
console.log(Object.getOwnPropertyNames(Temperature.prototype).join(","));

// private methods are not writable
class Fixed {
  #m() {
    return 1;
  }
  tryWrite() {
    try {
      this.#m = () => 2;
      return "wrote";
    } catch (e) {
      return e.constructor.name;
    }
  }
  call() {
    return this.#m();
  }
}
const f = new Fixed();
console.log(f.tryWrite(), f.call());

// getter-only private accessor cannot be assigned; setter-only cannot be read
class OnlyGet {
  get #g() {
    return "g";
  }
  set #s(v) {
    this.last = v;
  }
  test() {
    const out = [this.#g];
    try {
      this.#g = 1;
    } catch (e) {
      out.push("setG:" + e.constructor.name);
    }
    try {
      out.push(this.#s);
    } catch (e) {
      out.push("getS:" + e.constructor.name);
    }
    this.#s = 7;
    out.push(this.last);
    return out.join(" ");
  }
}
console.log(new OnlyGet().test());

// private method identity is shared across instances
class Same {
  #p() {}
  static cmp(a, b) {
    return a.#p === b.#p;
  }
}
console.log(Same.cmp(new Same(), new Same()));

// private methods see `this`, can recurse
class Fact {
  #f(n) {
    return n <= 1 ? 1 : n * this.#f(n - 1);
  }
  run(n) {
    return this.#f(n);
  }
}
console.log(new Fact().run(10));
