// Stack frames are named as V8 names them: "Type.function [as property]" for method
// calls, names inferred from where an anonymous function is stored, "new F", and calls
// placed at the callee's last name or at the "(" of the arguments.
"use strict";
const where = (l) => l.trim().replace(/\(.*\/([^/]+:\d+:\d+)\)$/, "($1)").replace(/at .*\/([^/]+:\d+:\d+)$/, "at $1");
const top = (f, n = 1) => {
  try { f(); } catch (e) { return e.stack.split("\n").slice(1, 1 + n).map(where).join(" | "); }
};
const show = (label, f, n) => console.log(`${label}: ${top(f, n)}`);

function Handler() {}
Handler.prototype.construct = function (m) { throw new Error(m); };
Handler.prototype.named = function realName() { throw new Error("n"); };
const h = new Handler();
show("prototype, anonymous", () => h.construct("x"), 2);
show("prototype, named", () => h.named());
class K { m() { throw new Error(); } static s() { throw new Error(); } get g() { throw new Error(); } }
show("class method", () => new K().m());
show("static", () => K.s());
show("getter", () => new K().g);
const obj = { lit() { throw new Error(); }, arrow: () => { throw new Error(); } };
show("literal", () => obj.lit());
show("literal arrow", () => obj.arrow());
obj.alias = obj.lit;
show("alias", () => obj.alias());
exports.exp = function () { throw new Error(); };
show("exports", () => exports.exp());
module.exports.mexp = function () { throw new Error(); };
show("module.exports", () => module.exports.mexp());
const ns = { deep: {} };
ns.deep.fn = function () { throw new Error(); };
show("deep", () => ns.deep.fn());
show("plain call", () => { const f = ns.deep.fn; f(); }, 2);
show("new", () => new Handler.prototype.named());
function Outer() { this.inner = function () { throw new Error(); }; }
show("this.inner", () => new Outer().inner());
show("call", () => Handler.prototype.construct.call({}, "c"));
show("call, null prototype", () => Handler.prototype.construct.call(Object.create(null), "c"));
show("function receiver", () => { const f = function g() { throw new Error(); }; f.call(function Foo() {}); });
show("bound", () => h.construct.bind(h)("b"), 2);
const sym = Symbol("sy"); obj[sym] = function () { throw new Error(); };
show("symbol key", () => obj[sym](), 2);
obj["str"] = function () { throw new Error(); };
show("string key", () => obj["str"](), 2);
const key = "dyn"; obj[key] = function () { throw new Error(); };
show("computed key", () => obj[key](), 2);
obj[0] = function () { throw new Error(); };
show("index key", () => obj[0]());
class Sub extends K { m() { super.m(); } }
show("super", () => new Sub().m(), 2);
let v = function () { throw new Error(); };
show("var", () => v());
show("reviver", () => JSON.parse("[1]", function rev() { throw new Error(); }));

// Receivers of every kind.
const fx = function () { throw new Error(); };
show("receivers", () => fx.call(5));
show("string receiver", () => fx.call("s"));
show("symbol receiver", () => fx.call(Symbol()));
show("global receiver", () => fx.call(globalThis));
show("proxy receiver", () => fx.call(new Proxy({}, {})));
const tagged = { [Symbol.toStringTag]: "MyTag", h: function () { throw new Error(); } };
show("toStringTag", () => tagged.h());
show("valueOf", () => Math.max({ valueOf() { throw new Error(); } }));
show("toJSON", () => JSON.stringify({ toJSON() { throw new Error(); } }));

// A receiver's type goes before plain identifiers only.
const named = (n) => { const f = function () { throw new Error(); }; Object.defineProperty(f, "name", { value: n }); return f; };
for (const n of ["a b", "[x]", "get", "get x", "x.", "Object", "Objectx", "ObjectX.y", "$a", "é", "1a", "<x>"])
  console.log(JSON.stringify(n), top(() => named(n).call({})), "|", top(() => ({ q: named(n) }).q()));

// Names inferred from where a function is stored.
const out = {};
function Foo() { var a = {}; a.b = function () { throw new Error(); }; this.c = function () { throw new Error(); }; return [a, this]; }
const [fa, fthis] = new Foo();
show("in a constructor", () => fa.b());
show("this in a constructor", () => fthis.c());
function lower() { function Inner() { out.c = function () { throw new Error(); }; } Inner(); }
lower();
show("innermost capitalised", () => out.c());
const Arrow = () => { out.d = function () { throw new Error(); }; };
Arrow();
show("arrow named by const", () => out.d());
out["a b"] = function () { throw new Error(); };
show("string literal key", () => out["a b"]());
const get = () => out;
get().z = function () { throw new Error(); };
show("call in the target", () => out.z());
out.x = out.y = function () { throw new Error(); };
show("chained", () => out.x());
out.k = class { m() { throw new Error(); } static s() { throw new Error(); } };
show("class stored", () => new out.k().m());
show("its static", () => out.k.s());
out.p = (0, function () { throw new Error(); });
show("sequence", () => out.p());
out.w = true && function () { throw new Error(); };
show("logical", () => out.w());
out.j ||= function () { throw new Error(); };
show("logical assignment", () => out.j());
out.gen = function* () { throw new Error(); };
show("generator", () => out.gen().next());
out.fn = function () { return function () { throw new Error(); }; };
out.made = out.fn();
show("made elsewhere", () => out.made());

// Where a call is placed.
const t = () => { throw new Error(); };
const o = { delete: t, catch: t, let: t, of: t, get: t, async: t, enum: t, null: t, super: t, implements: t, x: t };
show("o.delete()", () => o.delete(), 2);
show("o.catch()", () => o.catch(), 2);
show("o.let()", () => o.let(), 2);
show("o.of()", () => o.of(), 2);
show("o.get()", () => o.get(), 2);
show("o.async()", () => o.async(), 2);
show("o.enum()", () => o.enum(), 2);
show("o.null()", () => o.null(), 2);
show("o.super()", () => o.super(), 2);
show("o.implements()", () => o.implements(), 2);
show("comments", () => o /* c */ . x /* d */ ( 1 ), 2);
show("computed, comment", () => o["x"] /* c */ (), 2);
show("optional computed", () => o?.["x"](), 2);
show("optional call", () => o["x"]?.(), 2);
show("sequence callee", () => (0, o.x)(), 2);
show("parenthesised", () => (o.x)(), 2);
show("call result", () => t()(), 2);
show("tagged member", () => o.x`a`, 2);
show("tagged", () => t`a`, 2);
show("optional member call", () => o.x?.(), 2);
