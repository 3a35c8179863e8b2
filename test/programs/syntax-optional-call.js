// Tests optional calls: a?.b(), a.b?.(), f?.(), `this` preservation, and non-function errors.
const obj = {
  name: "obj",
  greet(x) {
    return "hi " + x + " from " + this.name;
  },
  nested: {
    name: "nested",
    who() {
      return this.name;
    },
  },
};
console.log(obj.greet?.("a"));
console.log(obj.missing?.("a"));
console.log(obj?.greet("b"));
console.log(obj.nested?.who?.());
console.log(obj?.["greet"]?.("c"));
console.log((obj?.nested).who());
let fn = null;
console.log(fn?.(), fn?.call(), typeof fn?.());
fn = (...a) => a.length;
console.log(fn?.(1, 2, 3));
// this is preserved through optional call on a member
const maybe = { v: 42, get() { return this?.v; } };
console.log(maybe.get?.(), (maybe.get)?.(), (0, maybe.get)?.());
// calling a non-function that is not nullish still throws
try {
  obj.name?.();
} catch (e) {
  console.log("string?.():", e.constructor.name);
}
try {
  obj.nested.who.missing();
} catch (e) {
  console.log("undefined():", e.constructor.name);
}
// arguments are not evaluated when short-circuiting
let evaluated = 0;
const none = undefined;
none?.method(evaluated++);
none?.(evaluated++);
obj.missing?.(evaluated++);
console.log("evaluated args:", evaluated);
obj.greet?.(evaluated++);
console.log("evaluated after real call:", evaluated);
// optional call with super and new-like patterns
class Base {
  hook() {
    return "base hook";
  }
}
class Derived extends Base {
  run() {
    return [super.hook?.(), super.nohook?.()].join("|");
  }
}
console.log(new Derived().run());
// optional call on a callback parameter
function forEachMaybe(arr, cb) {
  return arr.map((x) => cb?.(x) ?? "no cb");
}
console.log(forEachMaybe([1, 2]).join(), forEachMaybe([1, 2], (x) => x * 2).join());
// eval through optional call is an indirect eval
var scopeTest = "global-ish";
function f() {
  const scopeTest = "local";
  return [eval?.("typeof scopeTest"), eval("scopeTest")].join(",");
}
console.log(f());
