// Proxies on the prototype chain of ordinary objects: get/set/has reach their traps with the right receiver.
const log = [];
const handler = {
  get(t, k, r) {
    log.push("get " + String(k) + (r === child ? " (child)" : ""));
    return Reflect.get(t, k, r);
  },
  set(t, k, v, r) {
    log.push("set " + String(k) + (r === child ? " (child)" : ""));
    return Reflect.set(t, k, v, r);
  },
  has(t, k) {
    log.push("has " + String(k));
    return Reflect.has(t, k);
  },
};
const base = { inherited: 1, get who() { return this.name; } };
const proto = new Proxy(base, handler);
const child = Object.create(proto);
child.name = "child";
console.log(child.inherited, child.who, child.nothing, log.join(", "));
log.length = 0;
child.own = 5;
console.log(Object.keys(child), Object.keys(base), log.join(", "));
log.length = 0;
child.name = "renamed";
console.log(child.name, log.join(", "));
log.length = 0;
console.log("inherited" in child, "name" in child, "zzz" in child, log.join(", "));
log.length = 0;
const grand = Object.create(child);
console.log(grand.who, grand.inherited, log.join(", "));
log.length = 0;
// A proxy answering every missing property (method_missing).
const ghost = new Proxy({}, { get: (t, k, r) => (typeof k === "string" ? () => "called " + k : undefined) });
class Thing {}
Object.setPrototypeOf(Thing.prototype, ghost);
const thing = new Thing();
console.log(thing.hello(), thing.anything(), typeof thing.toString);
// instanceof sees through getPrototypeOf traps.
const fakeArray = new Proxy({}, { getPrototypeOf: () => Array.prototype });
console.log(fakeArray instanceof Array, fakeArray instanceof Object, Array.prototype.isPrototypeOf(Object.create(fakeArray)));
function F() {}
const PF = new Proxy(F, { get: (t, k) => (k === "prototype" ? Array.prototype : Reflect.get(t, k)) });
console.log([] instanceof PF, {} instanceof PF, new F() instanceof PF);
// super property access through a proxy prototype.
const sp = new Proxy({ greet() { return "proto greet"; } }, {});
const withSuper = { __proto__: sp, greet() { return "own + " + super.greet(); } };
console.log(withSuper.greet());
// Setting through a proxy prototype without a set trap defines on the receiver.
const quiet = Object.create(new Proxy({ x: 1 }, {}));
quiet.x = 2;
console.log(quiet.x, Object.getPrototypeOf(Object.getPrototypeOf(quiet)) === Object.prototype, Object.keys(quiet));
// for-in over an object whose prototype is a proxy.
const forInLog = [];
const mid = new Proxy({ p1: 1, p2: 2 }, {
  ownKeys(t) { forInLog.push("ownKeys"); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { forInLog.push("gopd " + k); return Reflect.getOwnPropertyDescriptor(t, k); },
  getPrototypeOf(t) { forInLog.push("getPrototypeOf"); return Reflect.getPrototypeOf(t); },
});
const o = Object.create(mid);
o.own = 0;
for (const k in o) forInLog.push("body " + k);
console.log(forInLog.join(", "));
