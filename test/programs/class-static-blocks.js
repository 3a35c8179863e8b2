// Tests static initialization blocks: order with static fields, private access, `this`.
const log = [];
class A {
  static x = (log.push("field x"), 1);
  static {
    log.push("block 1: x=" + this.x + " y=" + this.y);
    this.y = 10;
  }
  static y2 = (log.push("field y2"), this.y * 2);
  static {
    log.push("block 2: y2=" + this.y2);
  }
}
console.log(log.join(" | "));
console.log(A.x, A.y, A.y2);

// static block can access private names and export accessors
let getSecret;
class Vault {
  #secret;
  constructor(s) {
    this.#secret = s;
  }
  static #count = 0;
  static {
    getSecret = (v) => v.#secret;
    Vault.#count = 100;
  }
  static count() {
    return Vault.#count;
  }
}
console.log(getSecret(new Vault("gold")), Vault.count());

// var inside a static block is local to the block
var outer = "outer";
class Scope {
  static {
    var outer = "inner";
    this.seen = outer;
  }
}
console.log(Scope.seen, outer);

// static blocks run once, at class definition, in order with other classes
const order = [];
class P {
  static {
    order.push("P");
  }
}
class Q extends P {
  static {
    order.push("Q super is P: " + (Object.getPrototypeOf(this) === P));
  }
}
console.log(order.join(", "));
// exceptions in static blocks propagate from the class definition
try {
  class Boom {
    static {
      throw new Error("static boom");
    }
  }
} catch (e) {
  console.log("caught", e.message);
}
// `arguments` is not available; `this` is the class; return not allowed (not tested)
class Self {
  static {
    this.self = this === Self;
  }
}
console.log(Self.self);
