// join, indexOf and JSON.stringify on plain data (served natively) and on what the native
// paths must leave to the spec's steps: toJSON anywhere, getters, index keys, holes read
// through a prototype, objects, symbols, cycles.
const log = (...a) => console.log(...a);
const a = [1, -0, NaN, "s", null, undefined, true, 2n, 1.5e21, , 7];
log(a.join(), a.join(" | "), [].join(), [null].join("-"));
log(a.indexOf(NaN), a.indexOf(0), a.indexOf(-0), a.indexOf(undefined), a.indexOf(7, -1), a.indexOf(7, 20));
log(a.indexOf(1, -100), a.indexOf("s", 3.7), a.indexOf(2n), [, 1].indexOf(undefined));
log([1, [2, [3]], { toString: () => "obj" }].join(";"));
try { [Symbol("x")].join(); } catch (e) { log(e.constructor.name); }
const like = { length: 3, 0: "a", 1: "b", 2: "a" };
log(Array.prototype.join.call(like, "+"), Array.prototype.indexOf.call(like, "a", 1));
const big = [];
for (let i = 0; i < 100; i++) big.push("item" + i);
log(big.join(",").length, big.indexOf("item99"));
log([0, , 2].join(), [0, , 2].indexOf("P"));
const S = (v) => JSON.stringify(v);
log(S({ a: 1, b: "x\u2028\ud800\"\\", c: [1, -0, NaN, Infinity, null, true], d: { e: {} } }));
log(S([undefined, () => 1, Symbol("s"), , 5]), S({ u: undefined, f() {}, s: Symbol(), k: 2 }));
log(S({ b: 1, 2: "two", a: 3, 1: "one" }), S(undefined), S(() => 1), S("top"), S(-0));
const hidden = { v: 1 };
Object.defineProperty(hidden, "h", { value: 2, enumerable: false });
hidden[Symbol("k")] = 3;
log(S(hidden), S({ get g() { return "got"; } }), S(new Date(0)), S([new Number(3), new String("s"), Object(false)]));
class P { constructor() { this.x = 1; } toJSON() { return "P!"; } }
log(S({ p: new P(), q: Object.create({ inherited: 1 }) }), S({ toJSON: () => "own" }));
const cyc = { a: [] };
cyc.a.push(cyc);
try { S(cyc); } catch (e) { log(e.constructor.name, e.message.split("\n")[0]); }
try { S({ n: 1n }); } catch (e) { log(e.constructor.name, e.message); }
let deep = [];
for (let i = 0; i < 40; i++) deep = [deep];
log(S(deep).length);
Array.prototype.toJSON = function () { return "arr"; };
log(S({ list: [1, 2] }));
delete Array.prototype.toJSON;
Object.prototype.toJSON = function () { return "obj"; };
log(S({ a: 1 }), S([{}]));
delete Object.prototype.toJSON;
// An index on Array.prototype shows through holes (and makes Array.prototype's length 2).
Array.prototype[1] = "P";
log([0, , 2].join(), [0, , 2].indexOf("P"), [0, , 2].indexOf(undefined), JSON.stringify([0, , 2]));
delete Array.prototype[1];
log([0, , 2].join(), S([0, , 2]), S({ a: [1, { b: [] }] }));
