// Tests that ?. short-circuits the entire chain including calls, indexes and side effects.
const log = [];
function side(tag, value) {
  log.push(tag);
  return value;
}
const nul = null;
const r1 = nul?.a.b.c(side("arg1")).d[side("idx1", "k")];
console.log(r1, log.join(","));
const obj = { a: null, b: { c: () => ({ d: { k: "deep" } }) } };
const r2 = obj.a?.b[side("idx2", "x")].c();
console.log(r2, log.join(","));
const r3 = obj.b?.c(side("arg3")).d[side("idx3", "k")];
console.log(r3, log.join(","));
// short-circuit does not skip side effects before the ?.
log.length = 0;
const r4 = side("base", null)?.x[side("never", 0)];
console.log(r4, log.join(","));
// chained optional steps each checked
log.length = 0;
const chain = { a: { b: null } };
console.log(chain?.a?.b?.c?.d, chain.a.b?.[side("never2", "c")]);
console.log(log.length);
// template literal tags are not allowed after ?. (syntax), but regular templates in args
const t = { f: (s) => s + "!" };
console.log(t?.f(`tmpl ${1 + 1}`));
// in loops and with logical operators
const items = [{ v: { n: 1 } }, null, { v: null }, { v: { n: 4 } }];
console.log(items.map((it) => it?.v?.n ?? "-").join(","));
// optional chain result used with ++ is not allowed; use ?? with assignments
let counter = { n: 0 };
counter.n += counter?.missing?.step ?? 1;
console.log(counter.n);
// member access on undefined inside chain after non-optional step throws
try {
  const u = { a: undefined };
  u?.a.b;
} catch (e) {
  console.log("non-optional after optional:", e.constructor.name);
}
