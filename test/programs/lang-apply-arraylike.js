// apply / Reflect.apply read length and elements through getters and proxy traps.
function f() {
  return arguments.length + ":" + Array.prototype.join.call(arguments, ",");
}
const log = [];
const getters = {
  get length() { log.push("length"); return 3; },
  get 0() { log.push("0"); return "a"; },
  1: "b",
};
console.log(f.apply(null, getters), log.join(" "));
console.log(f.apply(null, new Proxy([1, 2], {})));
const traced = new Proxy({ length: 2, 0: "x", 1: "y" }, {
  get(t, k, r) { log.push("get " + String(k)); return Reflect.get(t, k, r); },
});
log.length = 0;
console.log(f.apply(null, traced), log.join(" "));
console.log(Reflect.apply(f, null, getters));
console.log(f.apply(null, Object.create({ length: 2, 0: "p", 1: "q" })));
console.log(f.apply(null, { length: { valueOf() { return 2; } }, 0: 1, 1: 2 }));
console.log(f.apply(null, new Uint8Array([5, 6, 7])));
console.log(f.apply(null, "ignored".length ? { length: "2", 0: "s" } : null));
function g() {
  return f.apply(null, arguments);
}
console.log(g(1, 2, 3));
try {
  f.apply(null, 1);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  f.apply(null, { get length() { throw new Error("boom"); } });
} catch (e) {
  console.log(e.message);
}
console.log(Math.max.apply(Math, { length: 2, get 1() { return 9; }, 0: 3 }));
