// Every Proxy trap is called with the right arguments, and its result is used.
const log = [];
const show = (v) => (typeof v === "symbol" ? v.toString() : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));
function logging(target) {
  const handler = {};
  for (const name of Reflect.ownKeys(Reflect)) {
    if (typeof name !== "string") continue;
    handler[name] = function (...args) {
      log.push(name + "(" + args.slice(1).filter((a) => typeof a !== "object" && typeof a !== "function").map(show).join(", ") + ")");
      return Reflect[name](...args);
    };
  }
  return new Proxy(target, handler);
}
function flush(label) {
  console.log(label + ": " + log.join(" | "));
  log.length = 0;
}

const target = { a: 1, get g() { return this.a + 1; } };
const p = logging(target);
console.log(p.a, p.g, p.missing);
flush("get");
p.b = 2;
p.a = 10;
flush("set");
console.log("a" in p, "zz" in p);
flush("has");
console.log(delete p.b, target.b);
flush("deleteProperty");
console.log(Reflect.ownKeys(p));
flush("ownKeys");
console.log(Object.getOwnPropertyDescriptor(p, "a"));
flush("getOwnPropertyDescriptor");
Object.defineProperty(p, "c", { value: 3, enumerable: false, configurable: true });
flush("defineProperty");
console.log(Object.getPrototypeOf(p) === Object.prototype);
flush("getPrototypeOf");
Object.setPrototypeOf(p, { inherited: "yes" });
console.log(p.inherited);
flush("setPrototypeOf");
console.log(Object.isExtensible(p));
flush("isExtensible");
Object.preventExtensions(p);
console.log(Object.isExtensible(p), Object.isExtensible(target));
flush("preventExtensions");

const fp = logging(function add(x, y) { return x + y + (this ? this.k : 0); });
console.log(fp(1, 2), fp.call({ k: 100 }, 1, 2), fp.apply({ k: 1000 }, [1, 2]), Reflect.apply(fp, { k: 7 }, [0, 0]));
flush("apply");
class Point { constructor(x, y) { this.x = x; this.y = y; } }
const PP = logging(Point);
const pt = new PP(3, 4);
console.log(pt.x, pt.y, pt instanceof Point, pt instanceof PP);
flush("construct");

// Traps that change the answers.
const fake = new Proxy({}, {
  get: (t, k) => (k === "then" ? undefined : "got " + String(k)),
  has: (t, k) => k.startsWith("x"),
  ownKeys: () => ["x1", "x2"],
  getOwnPropertyDescriptor: (t, k) => ({ value: "v" + k, enumerable: true, configurable: true, writable: true }),
  deleteProperty: () => true,
});
console.log(fake.foo, fake[1], "xyz" in fake, "abc" in fake, Object.keys(fake), Object.entries(fake));
console.log(JSON.stringify(fake), { ...fake });
for (const k in fake) console.log("for-in", k);
console.log(delete fake.anything);

// A proxy without traps forwards everything to its target.
const plain = { n: 1, arr: [1, 2, 3] };
const fwd = new Proxy(plain, {});
fwd.m = 2;
delete fwd.n;
console.log(plain, fwd, Object.keys(fwd), "m" in fwd, fwd.arr.length);
const arrProxy = new Proxy([1, 2, 3], {});
console.log(Array.isArray(arrProxy), arrProxy.length, arrProxy.map((x) => x * 2), [...arrProxy], arrProxy.join("-"));
arrProxy.push(4);
console.log(arrProxy.length, arrProxy, Object.prototype.toString.call(arrProxy));
console.log(typeof new Proxy({}, {}), typeof new Proxy(function () {}, {}), typeof new Proxy(class {}, {}));
console.log(Object.prototype.toString.call(new Proxy(function () {}, {})), String(new Proxy({}, {})));
const tagged = new Proxy({ [Symbol.toStringTag]: "Tagged" }, {});
console.log(Object.prototype.toString.call(tagged));
console.log(Proxy.length, Proxy.name, Object.getOwnPropertyNames(Proxy), Proxy.prototype, Proxy.revocable.length);
