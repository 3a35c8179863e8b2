// Names V8 infers for functions inside array and object literals stored in a variable
// or a property (`const list = [function () {}]` is "Array.list"), and a class's
// initializers ("<static_initializer>", "<instance_members_initializer>").
"use strict";
const where = (l) => l.trim().replace(/\(.*\/([^/]+:\d+:\d+)\)$/, "($1)").replace(/at .*\/([^/]+:\d+:\d+)$/, "at $1");
const top = (f, n = 1) => {
  try { f(); } catch (e) { return e.stack.split("\n").slice(1, 1 + n).map(where).join(" | "); }
};
const show = (label, f, n) => console.log(`${label}: ${top(f, n)}`);
const t = () => { throw new Error(); };

const arr = [function () { throw new Error(); }, () => { throw new Error(); }];
show("const array", () => arr[0]());
show("const array, arrow", () => arr[1]());
show("const array, plain call", () => { const f = arr[1]; f(); });
let later; later = [function () { throw new Error(); }];
show("assigned array", () => later[0]());
const holder = {}; holder.list = [function () { throw new Error(); }];
show("array in a property", () => holder.list[0]());
const nested = [[function () { throw new Error(); }]];
show("nested array", () => nested[0][0]());
const inObject = { list: [function () { throw new Error(); }], deep: { more: [() => { throw new Error(); }] }, 7: [function () { throw new Error(); }], "a b": [function () { throw new Error(); }] };
show("array in a literal", () => inObject.list[0]());
show("deeper", () => { const f = inObject.deep.more[0]; f(); });
show("numeric key", () => inObject[7][0]());
show("string key", () => inObject["a b"][0]());
const seq = (0, [function () { throw new Error(); }]);
show("sequence", () => seq[0]());
const passed = ((a) => a)([function () { throw new Error(); }]);
show("call argument", () => passed[0]());
const spread = [...[function () { throw new Error(); }]];
show("spread", () => spread[0]());
const computed = { ["k" + 1]: [function () { throw new Error(); }] };
show("computed key", () => computed.k1[0]());
const direct = { a: function () { throw new Error(); }, b: t };
show("direct", () => direct.a());
show("direct, shared", () => direct.b());
function Maker() { const parts = [function () { throw new Error(); }]; return parts; }
show("in a constructor", () => new Maker()[0]());
exports.handlers = [function () { throw new Error(); }];
show("exports", () => exports.handlers[0]());

// (V8 places a static initializer's call oddly, at the enclosing function's start or
// elsewhere: only the initializer's own frame is compared.)
show("static block", () => { class S { static { throw new Error(); } } });
show("static field", () => { class S { static f = t(); } }, 2);
show("two statics", () => { class S { static a = 1; static { throw new Error(); } } });
show("instance field", () => { class S { f = t(); } new S(); }, 3);
show("private field", () => { class S { #f = t(); } new S(); }, 3);
show("derived field", () => { class B {} class S extends B { f = t(); } new S(); }, 3);
show("field arrow", () => { class S { f = () => { throw new Error(); }; } new S().f(); });
