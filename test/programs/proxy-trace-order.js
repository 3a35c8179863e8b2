// The exact order of trap calls for common operations on a logging proxy.
function traced(target, log) {
  const handler = {};
  for (const name of ["get", "set", "has", "deleteProperty", "ownKeys", "getOwnPropertyDescriptor", "defineProperty", "getPrototypeOf", "isExtensible", "preventExtensions"]) {
    handler[name] = function (t, k) {
      log.push(name + (k !== undefined && (typeof k === "string" || typeof k === "symbol") ? " " + String(k) : ""));
      return Reflect[name](...arguments);
    };
  }
  return new Proxy(target, handler);
}
const run = (label, f) => {
  const log = [];
  let r;
  try {
    r = f(log);
  } catch (e) {
    r = "threw " + e.message;
  }
  console.log(label + ":", log.join(", "), "=>", typeof r === "object" ? JSON.stringify(r) : r);
};
const src = () => ({ b: 1, a: 2, 1: "one", [Symbol("s")]: "sym" });
run("spread", (log) => ({ ...traced(src(), log) }));
run("assign from", (log) => Object.assign({}, traced(src(), log)));
run("assign to", (log) => Object.assign(traced({}, log), { x: 1, y: 2 }));
run("rest", (log) => { const { a, ...rest } = traced(src(), log); return rest; });
run("destructure", (log) => { const { a, b, c = 3 } = traced(src(), log); return [a, b, c]; });
run("array destructure", (log) => { const [x, , z] = traced([1, 2, 3], log); return [x, z]; });
run("JSON.stringify", (log) => JSON.stringify(traced({ a: [1], b: { c: 2 } }, log)));
run("JSON.stringify array", (log) => JSON.stringify(traced([1, "x"], log)));
run("for-in", (log) => { const out = []; for (const k in traced({ x: 1, y: 2 }, log)) out.push(k); return out; });
run("Object.keys", (log) => Object.keys(traced(src(), log)));
run("Object.values", (log) => Object.values(traced({ p: 1, q: 2 }, log)));
run("Object.entries", (log) => Object.entries(traced({ p: 1 }, log)));
run("getOwnPropertyNames", (log) => Object.getOwnPropertyNames(traced(src(), log)));
run("getOwnPropertyDescriptors", (log) => Object.keys(Object.getOwnPropertyDescriptors(traced({ p: 1 }, log))));
run("hasOwn", (log) => [Object.hasOwn(traced({ p: 1 }, log), "p"), traced({ p: 1 }, log).hasOwnProperty("q")]);
run("propertyIsEnumerable", (log) => Object.prototype.propertyIsEnumerable.call(traced({ p: 1 }, log), "p"));
run("freeze", (log) => Object.isFrozen(Object.freeze(traced({ p: 1 }, log))));
run("seal", (log) => Object.isSealed(Object.seal(traced({ p: 1 }, log))));
run("fromEntries", (log) => Object.fromEntries(traced([["k", "v"]], log)));
run("increment", (log) => { const p = traced({ n: 1 }, log); p.n++; return p.n; });
run("compound", (log) => { const p = traced({ n: "a" }, log); p.n += "b"; return p.n; });
run("in", (log) => "x" in traced({}, log));
run("delete", (log) => delete traced({ d: 1 }, log).d);
run("method call", (log) => traced([3, 1, 2], log).indexOf(2));
run("array map", (log) => Array.prototype.map.call(traced([1, 2], log), (x) => x * 2));
run("array push", (log) => { const a = traced([1], log); a.push(2); return a.length; });
run("toString", (log) => Object.prototype.toString.call(traced({}, log)));
run("template", (log) => `${traced({ toString() { return "ts"; } }, log)}`);
run("instanceof", (log) => traced({}, log) instanceof Object);
run("Object.create", (log) => Object.create(traced({ z: 1 }, log)).z);
run("__proto__", (log) => traced({}, log).__proto__ === Object.prototype);
run("defineProperty", (log) => Object.keys(Object.defineProperty(traced({}, log), "k", { value: 1, enumerable: true })));
run("getter receiver", (log) => traced({ get me() { return this === undefined ? "none" : typeof this; } }, log).me);
run("bind", (log) => { const f = traced(function named(a, b) {}, log); return f.bind(null, 1).name + "/" + f.bind(null, 1).length; });
