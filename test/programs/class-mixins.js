// Tests mixins built from class expressions extending a parameterised base.
const Serializable = (Base) =>
  class extends Base {
    serialize() {
      return JSON.stringify(this);
    }
  };
const Eventful = (Base) =>
  class extends Base {
    #handlers = {};
    on(ev, fn) {
      (this.#handlers[ev] ||= []).push(fn);
      return this;
    }
    emit(ev, ...args) {
      return (this.#handlers[ev] || []).map((fn) => fn.apply(this, args));
    }
  };
const Named = (Base) =>
  class extends Base {
    describe() {
      return "Named(" + (super.describe ? super.describe() : "base") + ")";
    }
  };
class Entity {
  constructor(id) {
    this.id = id;
  }
  describe() {
    return "Entity#" + this.id;
  }
}
class User extends Serializable(Eventful(Named(Entity))) {
  constructor(id, name) {
    super(id);
    this.name = name;
  }
}
const u = new User(7, "ann");
console.log(u.serialize());
console.log(u.describe());
u.on("greet", function (x) {
  return this.name + " greets " + x;
}).on("greet", (x) => x.toUpperCase());
console.log(u.emit("greet", "bob").join(" | "));
console.log(u.emit("none").length);
console.log(u instanceof Entity, u instanceof User);
let chain = [];
for (let p = Object.getPrototypeOf(u); p; p = Object.getPrototypeOf(p)) {
  chain.push(p.constructor.name || "(anon)");
}
console.log(chain.join(" > "));
// mixin applied twice creates distinct classes
const A = Serializable(Object);
const B = Serializable(Object);
console.log(A === B, A.name, new A().serialize());
// Object.assign-style mixin onto prototype
const CanFly = {
  fly() {
    return this.name + " flies";
  },
};
class Bird {
  constructor(n) {
    this.name = n;
  }
}
Object.assign(Bird.prototype, CanFly);
console.log(new Bird("tweety").fly(), Object.keys(Bird.prototype).join(","));
