// Tests static fields and methods: `this` in statics, inheritance of statics, order.
const log = [];
class Config {
  static defaults = { retries: 3 };
  static count = 0;
  static label = "cfg:" + this.count;
  static create() {
    this.count++;
    return new this();
  }
  static get total() {
    return "total=" + this.count;
  }
  static set total(v) {
    log.push("set total " + v);
  }
}
Config.create();
Config.create();
console.log(Config.count, Config.total, Config.label, Config.defaults.retries);
Config.total = 9;
console.log(log.join(";"));
class Sub extends Config {
  static extra = "x";
}
console.log(Sub.count, Sub.hasOwnProperty("count"), Sub.label);
const s = Sub.create();
console.log(s instanceof Sub, Sub.count, Config.count, Sub.hasOwnProperty("count"));
console.log(Object.getPrototypeOf(Sub) === Config);
console.log(Object.keys(Config).join(","));
console.log(Object.getOwnPropertyNames(Config).sort().join(","));
console.log(Object.getOwnPropertyDescriptor(Config, "create").enumerable);
// static field initializers run in order, `this` is the class
class Order {
  static a = (log.length = 0, log.push("a"), 1);
  static b = (log.push("b:" + this.a), this.a + 1);
  static c = this.name + this.b;
}
console.log(log.join(","), Order.c);
// static method called through instance constructor
class Util {
  static id(x) {
    return "id:" + x;
  }
  useStatic() {
    return this.constructor.id(7);
  }
}
console.log(new Util().useStatic());
console.log(typeof new Util().id);
// static names that look special
class Weird {
  static prototypeLike = 1;
  static "quoted name" = 2;
  static 42 = "num";
  static [Symbol.for("k")] = "sym";
}
console.log(Weird.prototypeLike, Weird["quoted name"], Weird[42], Weird[Symbol.for("k")]);
