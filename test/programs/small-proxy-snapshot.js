// Snapshots taken inside traps (with --snapshot-every 1) resume with the trap's state intact.
const log = [];
const p = new Proxy({ a: 1, b: 2 }, {
  get(t, k, r) {
    log.push("get " + String(k));
    return typeof k === "string" ? Reflect.get(t, k, r) * 10 : undefined;
  },
  set(t, k, v) {
    log.push("set " + k);
    t[k] = v + 1;
    return true;
  },
  ownKeys(t) {
    log.push("ownKeys");
    return Reflect.ownKeys(t);
  },
  getOwnPropertyDescriptor(t, k) {
    log.push("gopd " + k);
    return Reflect.getOwnPropertyDescriptor(t, k);
  },
});
p.c = 5;
const copy = { ...p };
const keys = [];
for (const k in p) keys.push(k);
const f = new Proxy(function (x) { return x * 2; }, { apply: (t, th, args) => t(args[0]) + 1 });
const C = new Proxy(class { constructor(v) { this.v = v; } }, { construct: (t, args) => new t(args[0] + "!") });
console.log(copy, keys, f(20), new C("c").v, log.join(","));
const r = Proxy.revocable({}, {});
r.revoke();
try { r.proxy.x; } catch (e) { console.log(e.message); }
