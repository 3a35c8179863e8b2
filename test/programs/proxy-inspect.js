// console.log of proxies prints their targets like Node; apply/toString with proxied array-likes.
const p = new Proxy({ a: 1 }, {});
console.log(Object.create(p));
const c = Object.create(p); c.x = 1; console.log(c);
console.log([new Proxy([1, 2], {}), new Proxy(new Map([[1, 2]]), {})]);
console.log(new Proxy(new Proxy({ deep: true }, {}), {}));
console.log(new Proxy(class A {}, {}), new Proxy(Math.max, {}));
function f() {} console.log(f.apply(null, new Proxy([1, 2], {})), Math.max.apply(null, new Proxy([1, 5, 2], {})));
console.log(String(new Proxy(function foo() { return 1; }, {})).length > 0);
console.log(`${new Proxy([1, 2], {})}`, new Proxy([3, 4], {}) + "");
const r = Proxy.revocable({}, {});
r.revoke();
console.log(r.proxy, Object.create(new Proxy([], {})) instanceof Array, [r.proxy, 1]);
console.log(new Proxy({ toString() { return "custom"; } }, {}) + "!", new Proxy(new Set(), {}) instanceof Set);
