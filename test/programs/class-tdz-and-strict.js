// Tests class declaration TDZ, calling a class without new, and strict mode inside class bodies.
try {
  new Early();
} catch (e) {
  console.log("use before declaration:", e.constructor.name);
}
class Early {}
console.log(typeof Early);
try {
  Early();
} catch (e) {
  console.log("call without new:", e.constructor.name);
}
try {
  Early.call({});
} catch (e) {
  console.log("Early.call:", e.constructor.name);
}
// class body is strict even in a sloppy file
class StrictBody {
  undeclared() {
    try {
      undeclaredVariable = 1;
      return "assigned";
    } catch (e) {
      return e.constructor.name;
    }
  }
  thisInPlainCall() {
    function inner() {
      return this;
    }
    return inner();
  }
  frozenWrite() {
    const o = Object.freeze({ a: 1 });
    try {
      o.a = 2;
      return "wrote";
    } catch (e) {
      return e.constructor.name;
    }
  }
}
const s = new StrictBody();
console.log(s.undeclared(), typeof undeclaredVariable);
console.log(s.thisInPlainCall());
console.log(s.frozenWrite());
const detached = s.thisInPlainCall;
console.log(detached());
// extracting a method leaves `this` undefined
class Greeter {
  name = "g";
  hi() {
    return this === undefined ? "this undefined" : this.name;
  }
}
const hi = new Greeter().hi;
console.log(hi());
// class heritage is evaluated in TDZ of the class binding
try {
  class Self extends Self {}
} catch (e) {
  console.log("extends itself:", e.constructor.name);
}
// class name binding inside its own body during static init
class Named {
  static ref = Named.name;
}
console.log(Named.ref);
// methods cannot be used as constructors
try {
  new s.undeclared();
} catch (e) {
  console.log("new method:", e.constructor.name);
}
// prototype property of a class is non-writable
console.log(Object.getOwnPropertyDescriptor(Early, "prototype").writable);
Early.prototype = {};
console.log(Early.prototype.constructor === Early);
