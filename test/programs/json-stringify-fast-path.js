// JSON.stringify of plain data (served natively) and of everything the native path
// must leave to the spec's steps: toJSON anywhere, getters, index keys, holes, cycles.
const log = (...a) => console.log(...a);
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
Array.prototype[1] = "proto";
log(S([0, , 2]));
delete Array.prototype[1];
log(S([0, , 2]), S({ a: [1, { b: [] }] }));
