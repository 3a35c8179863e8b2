// Proxied functions and classes: apply/construct traps, new.target, Reflect.construct, bind/call/apply.
const log = [];
function sum(...xs) { log.push("sum this=" + (this === undefined ? "undefined" : typeof this)); return xs.reduce((a, b) => a + b, 0); }
const ps = new Proxy(sum, {
  apply(t, thisArg, args) {
    log.push("apply " + args.length + " " + Array.isArray(args));
    return Reflect.apply(t, thisArg, args) * 10;
  },
});
console.log(ps(1, 2, 3), ps.call(null, 4), ps.apply(undefined, [5, 6]), ps.bind(null, 1)(2), [1, 2].map(ps).join());
console.log(ps.name, ps.length, ps.bind(null, 1).name, ps.bind(null, 1).length, typeof ps.bind(null));
console.log(log.join(", "));
log.length = 0;
const obj = { m: ps, n: 5 };
console.log(obj.m(1));

class Animal {
  constructor(name) { this.name = name; this.nt = new.target.name; }
  speak() { return this.name + " speaks"; }
}
const PA = new Proxy(Animal, {
  construct(t, args, newTarget) {
    log.push("construct " + args.join() + " nt=" + newTarget.name);
    return Reflect.construct(t, args, newTarget);
  },
});
const a = new PA("rex");
console.log(a.speak(), a.nt, a instanceof Animal, a instanceof PA, Object.getPrototypeOf(a) === Animal.prototype);
class Dog extends PA {
  constructor(name) { super(name + "!"); this.kind = "dog"; }
}
const d = new Dog("fido");
console.log(d.speak(), d.nt, d.kind, d instanceof Dog, d instanceof Animal, log.join(", "));
log.length = 0;
try { PA("x"); } catch (e) { console.log(e.message); }

// Reflect.construct with a different newTarget: new.target and the prototype come from it.
function Base() { this.nt = new.target === undefined ? "none" : new.target.name; }
function Other() {}
Other.prototype.tag = "other";
const r1 = Reflect.construct(Base, [], Other);
console.log(r1.nt, r1.tag, Object.getPrototypeOf(r1) === Other.prototype);
class K { constructor() { this.nt = new.target.name; } }
class L extends K {}
const r2 = Reflect.construct(K, [], L);
console.log(r2.nt, r2 instanceof L, Object.getPrototypeOf(r2) === L.prototype);
const r3 = Reflect.construct(L, [], Other);
console.log(r3.nt, r3.tag, r3 instanceof K);
const r4 = Reflect.construct(Array, [3], Other);
console.log(r4.length, Array.isArray(r4), r4.tag);
const Bound = Base.bind(null);
console.log(Reflect.construct(Bound, []).nt, new Bound().nt);
// A newTarget that is a proxy: its prototype is read through the get trap.
const NT = new Proxy(Other, { get(t, k) { log.push("nt get " + String(k)); return Reflect.get(t, k); } });
const r5 = Reflect.construct(Base, [], NT);
console.log(r5.tag, log.join(", "));
log.length = 0;
// A construct trap that forwards to a different class.
const Swapped = new Proxy(class A {}, { construct: (t, args) => new Map([[1, 2]]) });
console.log(new Swapped() instanceof Map);
// No trap: the target is called/constructed directly.
const P2 = new Proxy(Animal, {});
console.log(new P2("cat").speak(), typeof P2, P2.name, P2.prototype === Animal.prototype);
try { P2("x"); } catch (e) { console.log(e.message); }
// Proxy of a proxy.
const pp = new Proxy(new Proxy(sum, {}), { apply: (t, th, args) => "outer " + Reflect.apply(t, th, args) });
console.log(pp(1, 2));
// A callable proxy used as a getter and as a method.
const getterProxy = new Proxy(function () { return "from " + this.id; }, {});
const holder = { id: "holder" };
Object.defineProperty(holder, "g", { get: getterProxy });
console.log(holder.g, Function.prototype.toString.call(function f() {}) === "function f() {}");
console.log(new Proxy(function foo() {}, {}), new Proxy(class Bar {}, {}));
