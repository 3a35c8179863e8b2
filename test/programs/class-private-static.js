// Tests static private fields and methods, including the subclass `this` pitfall.
class Registry {
  static #items = [];
  static #nextId = 1;
  static #validate(name) {
    if (typeof name !== "string") throw new TypeError("name must be string");
    return name.trim();
  }
  static register(name) {
    const clean = Registry.#validate(name);
    const id = Registry.#nextId++;
    Registry.#items.push(id + ":" + clean);
    return id;
  }
  static list() {
    return Registry.#items.join(" ");
  }
  static countViaThis() {
    return this.#items.length;
  }
}
console.log(Registry.register(" a "), Registry.register("b"));
console.log(Registry.list());
try {
  Registry.register(5);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
console.log(Registry.countViaThis());
class SubRegistry extends Registry {}
console.log(SubRegistry.register("via sub"), SubRegistry.list());
try {
  SubRegistry.countViaThis();
} catch (e) {
  console.log("static private via subclass this:", e.constructor.name);
}
// static private accessors
class Cfg {
  static #mode = "dev";
  static get #upper() {
    return Cfg.#mode.toUpperCase();
  }
  static set #upper(v) {
    Cfg.#mode = v.toLowerCase();
  }
  static flip() {
    Cfg.#upper = Cfg.#mode === "dev" ? "PROD" : "DEV";
    return Cfg.#upper;
  }
}
console.log(Cfg.flip(), Cfg.flip(), Cfg.flip());
// private static and instance names coexisting
class Mixed {
  #inst = "instance";
  static #stat = "static";
  static both(o) {
    return o.#inst + "/" + Mixed.#stat;
  }
}
console.log(Mixed.both(new Mixed()));
console.log(Object.getOwnPropertyNames(Mixed).sort().join(","));
