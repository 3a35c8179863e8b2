// Tests the order of field initialization relative to base and derived constructors.
const log = [];
function note(msg, v) {
  log.push(msg);
  return v;
}
class Base {
  baseField = note("Base field", "bf");
  constructor() {
    note("Base ctor start; derivedField=" + this.derivedField);
    this.init();
    note("Base ctor end");
  }
  init() {
    note("Base.init");
  }
}
class Derived extends Base {
  derivedField = note("Derived field", "df");
  #priv = note("Derived private field", "p");
  constructor() {
    note("Derived ctor before super");
    super();
    note("Derived ctor after super; derivedField=" + this.derivedField);
  }
  init() {
    note("Derived.init sees derivedField=" + this.derivedField);
  }
}
new Derived();
console.log(log.join("\n"));
log.length = 0;
// field keys computed at class definition; initializers per instance
let k = 0;
class Keys {
  [note("compute key", "f" + ++k)] = note("init", k);
}
note("defined");
const a = new Keys();
const b = new Keys();
console.log(log.join(", "), Object.keys(a).join(), a.f1, b.f1);
log.length = 0;
// fields see earlier fields, not later ones
class Seq {
  a = 1;
  b = this.a + this.c;
  c = 3;
  d = this.c * 2;
}
const s = new Seq();
console.log(s.a, s.b, s.c, s.d);
// initializer that throws aborts construction
class Throws {
  ok = note("ok field", 1);
  bad = (() => {
    throw new Error("bad field");
  })();
  never = note("never", 2);
}
try {
  new Throws();
} catch (e) {
  console.log(e.message, log.join(","));
}
// arguments and this inside initializer functions
class Ctx {
  self = this;
  fn = function () {
    return this;
  };
}
const c = new Ctx();
console.log(c.self === c, c.fn() === c, (0, c.fn)());
