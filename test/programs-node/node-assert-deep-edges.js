// Deep equality as Node defines it at its edges, and the messages around it.
const assert = require("assert");
const util = require("util");
const check = (f) => {
  try {
    f();
    console.log("equal");
  } catch (e) {
    console.log(e.message);
  }
};
check(() => assert.deepEqual(new Set([undefined, 0, "-000"]), new Set([null, "", false])));
const source = new Error("abc");
const e1 = Object.create(Error.prototype, Object.getOwnPropertyDescriptors(source));
const e2 = Object.create(Error.prototype, Object.getOwnPropertyDescriptors(source));
Object.defineProperty(e2, "message", { value: "other" });
e1[Symbol.toStringTag] = e2[Symbol.toStringTag] = "Foo";
console.log(util.isDeepStrictEqual(e1, e2), util.isDeepStrictEqual(e1, e1));
const fake = { 0: 1, 1: 2 };
Object.setPrototypeOf(fake, Array.prototype);
Object.defineProperty(fake, "length", { value: 2 });
console.log(util.isDeepStrictEqual([1, 2], fake), util.isDeepStrictEqual(fake, [1, 2]));
console.log(util.isDeepStrictEqual(new Proxy([1, 2], {}), [1, 2]), util.isDeepStrictEqual(new Proxy({ a: 1 }, {}), { a: 1 }));
const n1 = new Number(5);
Object.defineProperty(n1, "valueOf", { value: () => { throw new Error("called"); } });
console.log(util.isDeepStrictEqual(n1, new Number(5)), util.isDeepStrictEqual(new String("a"), new String("b")));
const b = { y: 1 };
Object.defineProperty(b, "x", { value: 1 });
console.log(util.isDeepStrictEqual({ x: 1 }, b));
check(() => assert.deepStrictEqual(/aa/igm, /aa/im));
check(() => assert.deepStrictEqual(new Uint8Array([1, 2]), Buffer.from([1, 2])));
console.log(util.inspect(Buffer.from([1]), { customInspect: false }), util.inspect(/x/ysmig));
const { EventEmitter } = require("events");
const em = new EventEmitter();
em.on("check", assert);
check(() => em.emit("check", false));
assert.rejects(() => {}).catch((e) => console.log(e.code, e.message));
assert.doesNotReject(() => new Map()).catch((e) => console.log(e.message));
