// console.log as Node prints it where guest code is involved: [util.inspect.custom]
// methods (called with depth, options, inspect), Symbol.toStringTag getters, user
// toString/valueOf behind %s/%d/%i/%f, and promises with their state and value.
const custom = Symbol.for("nodejs.util.inspect.custom");
class Money {
  constructor(v) { this.v = v; }
  [custom](depth, options, inspect) {
    return `Money<${this.v}> depth=${depth} ${typeof options.stylize} ${options.depth} ${typeof inspect}`;
  }
}
console.log(new Money(5));
console.log({ a: new Money(1), list: [new Money(2)] });
console.log("%s and %o", "x", new Money(3));
class Wrap { constructor(x) { this.x = x; } [custom]() { return { wrapped: this.x }; } }
console.log(new Wrap(1), [new Wrap(new Wrap(2))]);
class Self { constructor() { this.s = 1; } [custom]() { return this; } }
console.log(new Self());
class Multi { [custom]() { return "line1\nline2"; } }
console.log({ k: { m: new Multi() } });
class UsesInspect { [custom](d, o, inspect) { return "UI(" + inspect({ n: [1, 2] }, o) + ")"; } }
console.log(new UsesInspect());
const log = [];
class Side { constructor(n) { this.n = n; } [custom]() { log.push(this.n); return "S" + this.n; } }
console.log([new Side(1), new Side(2), { x: new Side(3) }]);
console.log(log.join(","));
class Throws { [custom]() { throw new Error("inspect failed"); } }
try { console.log(new Throws()); } catch (e) { console.log("caught", e.message); }
console.error(new Money(9));
const p = new Proxy(new Money(7), {});
console.log(p);
console.log(Money.prototype);
class Tag { constructor() { this.v = 1; } get [Symbol.toStringTag]() { return "Custom"; } }
console.log(new Tag(), { t: new Tag() });

class T2 { toString() { return "T-str"; } valueOf() { return 7; } }
const withOwn = { toString() { return "own"; } };
const plainObj = { a: 1 };
class NoTo { constructor() { this.x = 1; } }
class D extends Date {}
console.log("%s|%s|%s|%s|%s", new T2(), withOwn, plainObj, new NoTo(), [1, [2]]);
console.log("%d|%i|%f", new T2(), new T2(), new T2());
console.log("%d|%i|%f", { valueOf() { return "3.5"; } }, "42.9px", "1e3");
console.log("%s", Symbol("s"), "%s", 12n, -0);
console.log("%d %d %i", 12n, -0, 5n);
console.log("%s", new Error("e1").message, { toString: () => "arrow" });
console.log("%s", Object.create(null));
console.log("%s", new (class Q { get [Symbol.toStringTag]() { return "Tagged"; } })());
console.log("%s %s", function foo() {}, class Bar {});
console.log("%d", {});
console.log("%s", new Date(0).constructor.name, null, undefined);
const err = new Error("boom"); console.log("%s", { toString() { throw new Error("x"); } } instanceof Object);
class Tag2 { constructor() { this.v = 1; } get [Symbol.toStringTag]() { return "Custom"; } }
console.log(new Tag2(), [new Tag2()]);

const rej = Promise.reject(new Error("bad")); rej.catch(() => {});
const rej2 = Promise.reject(42); rej2.catch(() => {});
console.log(Promise.resolve(42), new Promise(() => {}), rej2);
console.log({ p: Promise.resolve({ a: [1, 2] }), q: [Promise.resolve("s")] });
const withProp = Promise.resolve(1); withProp.extra = true; console.log(withProp);
class MyP extends Promise {} ; console.log(MyP.resolve(3));
console.log(Promise.resolve(Promise.resolve(5)));
(async () => 7)().then(() => {}); console.log((async () => 7)());
console.log([rej].length, String(Promise.resolve()), Object.prototype.toString.call(Promise.resolve()));
console.log(Promise.resolve({ deep: { deeper: { deepest: 1 } } }));
