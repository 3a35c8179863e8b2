// structuredClone: values, containers, cycles, shared references, binary data, errors.
console.log(structuredClone(1), structuredClone("s"), structuredClone(null), structuredClone(undefined), structuredClone(10n), structuredClone(-0));
const shared = { n: 1 };
const src = {
  a: [1, , 3, { deep: true }],
  m: new Map([[shared, "v"], ["k", shared]]),
  s: new Set([1, shared]),
  nested: { shared, again: shared },
  num: new Number(3),
  str: new String("w"),
};
src.self = src;
const c = structuredClone(src);
console.log(c);
console.log(c !== src, c.self === c, c.nested.shared === c.nested.again, c.m.get("k") === c.nested.shared, c.a[3] !== src.a[3]);
class Point { constructor() { this.x = 1; } get y() { return 2; } }
const p = structuredClone(new Point());
console.log(p, p instanceof Point, Object.getPrototypeOf(p) === Object.prototype);
const buf = new ArrayBuffer(4);
const u8 = new Uint8Array(buf); u8.set([1, 2, 3, 4]);
const views = structuredClone({ u8, i16: new Int16Array(buf, 2, 1), dv: new DataView(buf, 1, 2), buf });
console.log(views, views.u8.buffer === views.buf, views.i16.buffer === views.buf, views.buf !== buf);
u8[0] = 99; console.log(views.u8[0]);
const e = structuredClone(new RangeError("bad"));
console.log(e instanceof RangeError, e.message, e.name);
class MyErr extends TypeError {}
console.log(structuredClone(new MyErr("x")).constructor.name);
console.log(structuredClone(Buffer.from("hi")));
for (const v of [() => 1, Symbol("s"), { f: (x) => x }, new WeakMap()]) {
  try { structuredClone(v); console.log("no error"); } catch (err) { console.log(err.name, err.message); }
}
try { structuredClone(); } catch (err) { console.log(err.name, err.message); }
