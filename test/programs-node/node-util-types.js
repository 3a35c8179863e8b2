// node:util — format/inspect (the console's), types, inherits, isDeepStrictEqual.
const util = require("node:util");
const t = require("node:util/types");
console.log(util.format("%s:%d:%i:%j %o", "a", 4.5, 4.5, { x: 1 }, [1]), util.inspect({ a: { b: { c: 1 } } }, { depth: 0 }));
class P { [util.inspect.custom](depth, opts, inspect) { return "P<" + inspect(depth) + ">"; } }
console.log(util.inspect(new P()), util.format("%O", [new P()]));
console.log(t.isDate(new Date()), t.isDate({}), t.isRegExp(/x/), t.isMap(new Map()), t.isPromise(Promise.resolve()), t.isPromise({ then() {} }));
console.log(t.isAsyncFunction(async () => {}), t.isGeneratorFunction(function* () {}), t.isGeneratorObject((function* () {})()), t.isProxy(new Proxy({}, {})));
console.log(t.isUint8Array(Buffer.alloc(1)), t.isBoxedPrimitive(Object(1n)), t.isNativeError(new TypeError()), t.isMapIterator(new Map().keys()), t.isArgumentsObject((function () { return arguments; })()));
function A() {} function B() {} util.inherits(A, B);
console.log(new A() instanceof B, A.super_ === B);
try { util.inherits(A, null); } catch (e) { console.log(e.code, e.message); }
const eq = util.isDeepStrictEqual;
const c1 = { a: [1, { b: new Map([[1, new Set([2])]]) }] }; c1.self = c1;
const c2 = { a: [1, { b: new Map([[1, new Set([2])]]) }] }; c2.self = c2;
console.log(eq(c1, c2), eq([1], ["1"]), eq(NaN, NaN), eq(0, -0), eq(new Date(1), new Date(1)), eq(/a/g, /a/i), eq(Object.create(null), {}), eq([1, , 3], [1, undefined, 3]));
