// Map, Set, WeakMap, WeakSet, WeakRef, FinalizationRegistry and Reflect: small guest
// programs compared with node (for what Node 20 has) or with outputs worked out by
// hand from the specification (the ES2025 Set methods, Map.groupBy and the
// getOrInsert proposal, which Node 20 lacks), plus snapshot transparency at every
// instruction over live iterators and set-like callbacks, and snapshot validation.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { decode as cborDecode, encode as cborEncode } from "cbor-x";
import { Jaunt } from "../vm";
import { runJaunt, runNode, programIn, vmWith } from "./harness";
import { nodeOutput, resumeToEnd, runToReady } from "./preempt-harness";
import { COMPACT_STEP, MapObject, PositionList } from "../vm/builtins/ordered-table";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-collections-"));

const program = programIn(dir);

function sameAsNode(file: string, snapshotEvery = 0, firstCut = snapshotEvery): void {
  const expected = runNode(file);
  const actual = runJaunt(file, { snapshotEvery, firstCut });
  assert.equal(actual.stdout, expected.stdout, "stdout");
  assert.equal(actual.code, expected.code, "exit code");
}
const CORE = `// Map and Set: keys, order, iteration, prototypes, errors, subclassing.
const show = (...a) => console.log(...a.map((v) => (typeof v === "string" ? v : JSON.stringify(v))));
const t = (label, f) => {
  try {
    show(label, f());
  } catch (e) {
    console.log(label, e.constructor.name + ": " + e.message);
  }
};
const NEW = ["getOrInsert", "getOrInsertComputed", "groupBy", "union", "intersection", "difference",
  "symmetricDifference", "isSubsetOf", "isSupersetOf", "isDisjointFrom"];
const keysOf = (o) => Reflect.ownKeys(o).filter((k) => !NEW.includes(k)).map(String);

// SameValueZero keys, -0 normalised, NaN, objects by identity, bigint by value
const m = new Map();
const o1 = {};
m.set(-0, "zero").set(NaN, "nan").set(o1, "obj").set(1n, "big").set("1", "str").set(1, "num");
show(m.size, m.get(0), m.get(-0), Object.is([...m.keys()][0], -0), m.get(NaN), m.get({}), m.get(o1));
show(m.get(1n), m.get(BigInt(1)), m.get("1"), m.get(1), m.has(undefined), m.get(undefined));
m.set(undefined, "u");
show(m.has(undefined), m.get(undefined), m.delete(NaN), m.delete(NaN), m.size);
m.set(0, "again");
show([...m.keys()].map(String), [...m.values()]);
show(m.clear(), m.size, [...m]);
const s = new Set([3, 1, 3, -0, 0, NaN, NaN, "3"]);
show(s.size, [...s].map(String), s.has(-0), s.has(NaN), [...s.entries()].map(String));
show(s.delete(3), s.delete(3), [...s.keys()].map(String), s.add(3) === s, [...s].map(String));

// iterators
const it = new Map([["a", 1]]).entries();
show(Object.prototype.toString.call(it), it[Symbol.iterator]() === it, it.next(), it.next(), it.next());
const sit = new Set(["x"]).values();
show(String(sit), sit.next(), sit.next());
const MapIterProto = Object.getPrototypeOf(new Map().keys());
const SetIterProto = Object.getPrototypeOf(new Set().keys());
const IterProto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
show(Object.getPrototypeOf(MapIterProto) === IterProto, Object.getPrototypeOf(SetIterProto) === IterProto);
show(keysOf(MapIterProto), MapIterProto[Symbol.toStringTag], SetIterProto[Symbol.toStringTag]);
show(Object.getOwnPropertyDescriptor(MapIterProto, Symbol.toStringTag));
t("map next on set iterator", () => MapIterProto.next.call(new Set().values()));
t("set next on object", () => SetIterProto.next.call({}));
show(MapIterProto.next.name, MapIterProto.next.length);

// shapes of the constructors and prototypes
for (const C of [Map, Set]) {
  show(C.name, C.length, keysOf(C), keysOf(C.prototype));
  show(Object.getOwnPropertyDescriptor(C, "prototype"));
  const sp = Object.getOwnPropertyDescriptor(C, Symbol.species);
  show(sp.get.name, sp.get.call(7), sp.set, sp.configurable, sp.enumerable);
  const size = Object.getOwnPropertyDescriptor(C.prototype, "size");
  show(size.get.name, size.set, size.enumerable, size.configurable);
  show(Object.getOwnPropertyDescriptor(C.prototype, Symbol.toStringTag));
  show(C.prototype.forEach.name, C.prototype.forEach.length, "prototype" in C.prototype.forEach);
  show(Object.prototype.toString.call(new C()), String(C.prototype.has));
}
show(Map.prototype[Symbol.iterator] === Map.prototype.entries, Set.prototype.keys === Set.prototype.values);
show(Set.prototype[Symbol.iterator] === Set.prototype.values, Map.prototype.set.length, Set.prototype.add.length);
show(Object.prototype.toString.call(Map.prototype), Map.prototype.constructor === Map);

// forEach: arguments, thisArg, live changes
const fm = new Map([["a", 1], ["b", 2], ["c", 3]]);
fm.forEach(function (v, k, map) {
  show("fe", k, v, map === fm, this.tag);
  if (k === "a") {
    fm.delete("b");
    fm.set("d", 4);
  }
}, { tag: "T" });
new Set([5]).forEach((v, k, set) => show("sfe", v, k, set instanceof Set));
t("forEach number", () => new Map().forEach(1));
t("forEach string", () => new Set().forEach("abc"));
t("forEach missing", () => new Map().forEach());
t("forEach null", () => new Map().forEach(null));

// brand checks and constructor errors
t("Map()", () => Map());
t("Set()", () => Set([1]));
t("get on object", () => Map.prototype.get.call({}, 1));
t("get on set", () => Map.prototype.get.call(new Set(), 1));
t("get on array", () => Map.prototype.get.call([], 1));
t("get on string", () => Map.prototype.get.call("abc", 1));
t("get on undefined", () => Map.prototype.get.call(undefined, 1));
t("get on class instance", () => Map.prototype.get.call(new (class Foo {})(), 1));
t("add on map", () => Set.prototype.add.call(new Map(), 1));
t("size on object", () => Object.getOwnPropertyDescriptor(Map.prototype, "size").get.call({}));
t("set size on map", () => Object.getOwnPropertyDescriptor(Set.prototype, "size").get.call(new Map()));
t("Map.prototype.size", () => Map.prototype.size);
t("new Map(5)", () => new Map(5));
t("new Set(true)", () => new Set(true));
t("new Map({})", () => new Map({}));
t("new Map([1])", () => new Map([1]));
t("new Map(['ab'])", () => new Map(["ab"]));
t("new Map([[1]])", () => [...new Map([[1]])]);
t("new Set('hello')", () => [...new Set("hello")]);
t("bad iterator", () => new Set({ [Symbol.iterator]: () => 1 }));
t("bad result", () => new Set({ [Symbol.iterator]: () => ({ next: () => 1 }) }));
t("new Map(null)", () => new Map(null).size + new Set(undefined).size);

// the constructor uses the (possibly replaced) set/add, and closes the iterator on errors
const saved = Map.prototype.set;
Map.prototype.set = 1;
t("set not callable", () => new Map([[1, 2]]));
t("set not needed", () => new Map().size);
Map.prototype.set = function (k, v) {
  if (k === "stop") throw new Error("stopped");
  return saved.call(this, k, v);
};
let closed = 0;
const src = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next: () => ({ done: false, value: [i < 1 ? "ok" : "stop", i++] }),
      return: () => ((closed++), {}),
    };
  },
};
t("adder throws", () => new Map(src));
show("closed", closed);
Map.prototype.set = saved;
// copying a Map and a Set, and arrays with holes or getters
show([...new Map(new Map([[1, "a"], [2, "b"]]))], [...new Set(new Set([1, 2]))]);
show([...new Set([1, , 3])].map(String), [...new Map([[1, 2], Object.defineProperty([3], 1, { get: () => 4 })])]);
const arr = [1, 2];
arr[Symbol.iterator] = function* () {
  yield "custom";
};
show([...new Set(arr)]);

// subclassing
class Counter extends Map {
  constructor(entries) {
    super(entries);
    this.made = true;
  }
  set(k, v) {
    return super.set(k, (this.get(k) ?? 0) + v);
  }
}
const c = new Counter([["x", 1], ["x", 2], ["y", 5]]);
show([...c], c.made, c instanceof Map, Object.prototype.toString.call(c), c.constructor.name);
class Tagged extends Set {}
const tg = new Tagged([1, 2]);
show(tg.size, Object.getPrototypeOf(tg) === Tagged.prototype, [...tg.values()]);
show(Reflect.construct(Map, [[[1, 2]]], Counter).get(1), Reflect.construct(Set, [], Tagged) instanceof Tagged);
`;
const WEAK = `// WeakMap, WeakSet, WeakRef, FinalizationRegistry.
const show = (...a) => console.log(...a.map((v) => (typeof v === "string" ? v : JSON.stringify(v))));
const t = (label, f) => {
  try {
    show(label, f());
  } catch (e) {
    console.log(label, e.constructor.name + ": " + e.message);
  }
};
const NEW = ["getOrInsert", "getOrInsertComputed"];
const keysOf = (o) => Reflect.ownKeys(o).filter((k) => !NEW.includes(k)).map(String);
const k1 = {};
const k2 = function () {};
const sym = Symbol("local");
const wm = new WeakMap([[k1, "one"]]);
show(wm.set(k2, "two") === wm, wm.get(k1), wm.get(k2), wm.has(k1), wm.has({}), wm.get({}));
show(wm.set(sym, "sym").get(sym), wm.set(Symbol.iterator, "wk").get(Symbol.iterator));
show(wm.delete(k1), wm.delete(k1), wm.has(k1), wm.get(1), wm.has(1), wm.delete(1));
t("primitive key", () => wm.set(1, 1));
t("registered symbol key", () => wm.set(Symbol.for("reg"), 1));
t("null key", () => wm.set(null, 1));
t("ctor primitive key", () => new WeakMap([[{}, 1], ["x", 2]]));
t("WeakMap()", () => WeakMap());
t("get on Map", () => WeakMap.prototype.get.call(new Map(), k1));
const ws = new WeakSet([k1]);
show(ws.has(k1), ws.add(k2) === ws, ws.has(k2), ws.delete(k2), ws.has(k2), ws.has(5), ws.delete(5));
t("weak set primitive", () => ws.add("s"));
t("ctor primitive", () => new WeakSet([1]));
t("add on object", () => WeakSet.prototype.add.call({}, {}));
for (const C of [WeakMap, WeakSet, WeakRef, FinalizationRegistry]) {
  show(C.name, C.length, keysOf(C), keysOf(C.prototype), C.prototype[Symbol.toStringTag]);
}
show(String(wm), String(ws), Object.prototype.toString.call(new WeakRef({})));
class MyWeak extends WeakMap {
  set(k, v) {
    show("MyWeak.set", typeof k, v);
    return super.set(k, v);
  }
}
const mw = new MyWeak([[k1, 1]]);
show(mw.get(k1), mw instanceof WeakMap);

const target = { name: "t" };
const ref = new WeakRef(target);
show(ref.deref() === target, ref.deref().name, new WeakRef(sym).deref() === sym);
t("WeakRef primitive", () => new WeakRef(1));
t("WeakRef registered symbol", () => new WeakRef(Symbol.for("q")));
t("WeakRef()", () => WeakRef({}));
t("deref on object", () => WeakRef.prototype.deref.call({}));

const calls = [];
const reg = new FinalizationRegistry((held) => calls.push(held));
const token = {};
show(reg.register(target, "held", token), reg.register({}, "other"), reg.register(k1, 3, token));
show(reg.unregister(token), reg.unregister(token), reg.unregister({}));
t("register primitive", () => reg.register(1, 2));
t("register same", () => reg.register(target, target));
t("bad token", () => reg.register(target, 1, "tok"));
t("unregister primitive", () => reg.unregister(1));
t("unregister registered symbol", () => reg.unregister(Symbol.for("x")));
t("cleanup not callable", () => new FinalizationRegistry(1));
t("FinalizationRegistry()", () => FinalizationRegistry(() => {}));
t("register on object", () => FinalizationRegistry.prototype.register.call({}, {}));
setTimeout(() => show("callbacks", calls), 0);
`;
const REFLECT = `// Reflect: every function, with getters, setters, receivers and arrays.
const show = (...a) => console.log(...a.map((v) => (typeof v === "string" ? v : JSON.stringify(v))));
const t = (label, f) => {
  try {
    show(label, f());
  } catch (e) {
    console.log(label, e.constructor.name + ": " + e.message);
  }
};
show(Reflect.ownKeys(Reflect).map(String), String(Reflect), typeof Reflect);
for (const k of Reflect.ownKeys(Reflect))
  if (typeof Reflect[k] === "function") show(k, Reflect[k].length, Reflect[k].name, "prototype" in Reflect[k]);
show(Object.getOwnPropertyDescriptor(Reflect, Symbol.toStringTag));
show(Object.getOwnPropertyDescriptor(globalThis, "Reflect"));

// get / set with accessors and receivers
const base = {
  x: 1,
  get doubled() {
    return this.x * 2;
  },
  set doubled(v) {
    this.x = v / 2;
  },
  set onlySet(v) {
    this.stored = v;
  },
};
const child = Object.create(base);
child.x = 10;
show(Reflect.get(base, "doubled"), Reflect.get(child, "doubled"), Reflect.get(base, "doubled", { x: 100 }));
show(Reflect.get(child, "missing"), Reflect.get([5, 6], 1), Reflect.get("ab".split(""), "length"), Reflect.get(base, "onlySet"));
show(Reflect.set(child, "doubled", 50), child.x, base.x, Object.keys(child));
const recv = {};
show(Reflect.set(base, "doubled", 8, recv), recv, base.x);
show(Reflect.set(base, "onlySet", 3, recv), recv.stored);
show(Reflect.set(base, "x", 7, recv), recv.x, base.x);
const frozen = Object.freeze({ a: 1 });
show(Reflect.set(frozen, "a", 2), Reflect.set(frozen, "b", 2), frozen);
const ro = Object.defineProperty({}, "r", { value: 1, writable: false, configurable: true });
show(Reflect.set(Object.create(ro), "r", 2), Reflect.set({}, "r", 2, ro));
const acc = { get g() { return 1; } };
show(Reflect.set(acc, "g", 2), Reflect.set({}, "g", 2, acc), Reflect.set({ q: 1 }, "q", 2, 5));
const arr = [1, 2, 3];
show(Reflect.set(arr, "length", 1), arr, Reflect.set(arr, 5, "x"), arr.length);
t("bad length", () => Reflect.set([], "length", -1));
show(Reflect.set(arr, "length", "2"), arr.length, Reflect.set(arr, "length", { valueOf: () => 0 }), arr.length);
const key = { toString: () => "x" };
show(Reflect.get({ x: "by object key" }, key), Reflect.has({ x: 1 }, key), Reflect.set(recv, key, "k"), recv.x);
const sym = Symbol("s");
show(Reflect.set(recv, sym, 1), Reflect.get(recv, sym), Reflect.has(recv, sym));

// has, ownKeys, descriptors, define, delete
show(Reflect.has(child, "doubled"), Reflect.has(child, "nope"), Reflect.has([], "length"), Reflect.has([1], 0));
const keyed = { b: 1, 2: 0, a: 2, 1: 0, [sym]: 3 };
show(Reflect.ownKeys(keyed).map(String), Reflect.ownKeys([1, 2]), Reflect.ownKeys((a) => {}).map(String));
show(Reflect.getOwnPropertyDescriptor(base, "doubled").set !== undefined, Reflect.getOwnPropertyDescriptor(child, "x"));
show(Reflect.getOwnPropertyDescriptor(child, "doubled"), Reflect.getOwnPropertyDescriptor("abc".split(""), "length"));
const d = {};
show(Reflect.defineProperty(d, "v", { value: 1 }), Object.getOwnPropertyDescriptor(d, "v"));
show(Reflect.defineProperty(d, "v", { value: 2 }), Reflect.defineProperty(d, "v", { value: 1 }), d.v);
show(Reflect.defineProperty(d, "g", { get() { return "got"; }, enumerable: true }), d.g, Object.keys(d));
show(Reflect.defineProperty(Object.preventExtensions({}), "n", { value: 1 }));
const la = [1, 2, 3];
show(Reflect.defineProperty(la, "length", { value: 1 }), la, Reflect.defineProperty(la, "length", { writable: false }));
show(Reflect.defineProperty(la, "length", { value: 5 }), Reflect.defineProperty(la, 3, { value: 1 }), la);
t("define bad length", () => Reflect.defineProperty([], "length", { value: 1.5 }));
t("define non-object desc", () => Reflect.defineProperty({}, "a", 1));
t("define bad getter", () => Reflect.defineProperty({}, "a", { get: 1 }));
t("define mixed", () => Reflect.defineProperty({}, "a", { get() {}, value: 1 }));
show(Reflect.deleteProperty(d, "g"), "g" in d, Reflect.deleteProperty(d, "v"), Reflect.deleteProperty(d, "none"));
show(Reflect.deleteProperty([1, 2], "length"), Reflect.deleteProperty(Object.freeze({ z: 1 }), "z"));

// prototypes and extensibility
const p = {};
const o = {};
show(Reflect.getPrototypeOf(o) === Object.prototype, Reflect.setPrototypeOf(o, p), Reflect.getPrototypeOf(o) === p);
show(Reflect.setPrototypeOf(p, o), Reflect.setPrototypeOf(o, null), Reflect.getPrototypeOf(o));
show(Reflect.isExtensible(o), Reflect.preventExtensions(o), Reflect.isExtensible(o), Reflect.setPrototypeOf(o, p));
show(Reflect.setPrototypeOf(o, null), Reflect.getPrototypeOf([]) === Array.prototype);

// apply and construct
show(Reflect.apply(Math.max, undefined, [1, 7, 3]), Reflect.apply(function () { return this; }, "s", []) === "s");
show(Reflect.apply(function () { return [].slice.call(arguments); }, null, { length: 2, 0: "a", 1: "b" }));
show(Reflect.apply(String.prototype.slice, "hello", [1, 3]), Reflect.apply((...a) => a.length, null, { length: 3 }));
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
show(Reflect.construct(Point, [1, 2]), Reflect.construct(Point, [1, 2]) instanceof Point);
function Legacy(a) {
  this.a = a;
}
class Other {}
const made = Reflect.construct(Legacy, [5], Other);
show(made.a, made instanceof Other, made instanceof Legacy);
const e = Reflect.construct(Error, ["msg"], Other);
show(e instanceof Other, e.message, Object.prototype.toString.call(e));
const arrMade = Reflect.construct(Array, [3], Other);
show(arrMade instanceof Other, Array.isArray(arrMade), arrMade.length);
const bound = Point.bind(null, 9);
show(Reflect.construct(bound, [8]), Reflect.construct(bound, [8]) instanceof Point);
t("apply non-callable", () => Reflect.apply({}));
t("apply string", () => Reflect.apply("s"));
t("apply no list", () => Reflect.apply(() => 1));
t("apply primitive list", () => Reflect.apply(() => 1, null, 1));
t("construct non-constructor", () => Reflect.construct(() => 1, []));
t("construct method", () => Reflect.construct(Math.max, []));
t("construct bad newTarget", () => Reflect.construct(Point, [], {}));
t("construct no list", () => Reflect.construct(Point));
for (const name of ["get", "set", "has", "ownKeys", "getPrototypeOf", "setPrototypeOf", "isExtensible",
  "preventExtensions", "deleteProperty", "defineProperty", "getOwnPropertyDescriptor"])
  t(name + " on primitive", () => Reflect[name](1, "a", {}));
t("setPrototypeOf bad proto", () => Reflect.setPrototypeOf({}, 1));
t("setPrototypeOf missing", () => Reflect.setPrototypeOf({}));
t("Reflect()", () => Reflect());
`;
const LIVE = `// Map and Set iteration while the collection changes: deletions (enough to compact
// the table), re-insertions, clear(), and iterators left half-way.
const m = new Map();
for (let i = 0; i < 48; i++) m.set(i, i * 2);
const it = m.keys();
const seen = [];
let r;
while (!(r = it.next()).done) {
  const k = r.value;
  seen.push(k);
  if (k === 3) for (let j = 4; j < 44; j++) m.delete(j);
  if (k === 45) m.set("late", 1);
  if (k === 46) {
    m.delete(47);
    m.set(47, "again");
  }
}
console.log(seen.join(","), m.size);
const half = m.entries();
half.next();
half.next();
const s = new Set([1, 2, 3, 4]);
const sit = s.values();
sit.next();
s.clear();
s.add("x").add("y");
console.log(JSON.stringify([...sit]), s.size);
console.log(JSON.stringify([...half]));
const order = [];
m.forEach((v, k) => {
  order.push(k);
  if (k === 0) m.delete(1);
  if (k === 2) m.set("end", 0);
});
console.log(order.join(","));
`;
const SET_METHODS = `// ES2025 Set methods with a guest set-like (size/has/keys), logging every call.
const log = [];
function setLike(size, members, order) {
  return {
    get size() {
      log.push("size");
      return size;
    },
    has(v) {
      log.push("has " + String(v));
      return members.includes(v);
    },
    keys() {
      log.push("keys");
      let i = 0;
      return {
        next() {
          log.push("next");
          return i < order.length ? { value: order[i++], done: false } : { value: undefined, done: true };
        },
        return() {
          log.push("return");
          return {};
        },
      };
    },
  };
}
function show(label, r) {
  console.log(label, r instanceof Set ? "Set[" + [...r].map(String).join(",") + "]" : r, "|", log.join(" "));
  log.length = 0;
}
const like = () => setLike(3, [2, 4, 9], [4, 2, 9]);
const small = new Set([1, 2, 3]);
for (const m of ["union", "intersection", "difference", "symmetricDifference", "isSubsetOf", "isSupersetOf", "isDisjointFrom"])
  show(m, small[m](like()));
const big = new Set([1, 2, 3, 4, 5]);
for (const m of ["union", "intersection", "difference", "symmetricDifference", "isSubsetOf", "isSupersetOf", "isDisjointFrom"])
  show("big " + m, big[m](like()));
show("subset true", new Set([2, 4]).isSubsetOf(like()));
show("superset true", new Set([9, 4, 2, 0]).isSupersetOf(like()));
show("disjoint true", new Set([7]).isDisjointFrom(like()));
show("disjoint via keys", new Set([7, 8, 10, 11]).isDisjointFrom(like()));
show("with a Map", new Set([1, 2]).union(new Map([[3, "c"], [1, "a"]])));
show("with a Set", new Set([1, 2]).symmetricDifference(new Set([2, 3])));
const z = new Set([1]).union(setLike(1, [], [-0]));
show("minus zero", Object.is([...z][1], 0));
show("duplicates", new Set([1]).symmetricDifference(setLike(2, [], [5, 5])));
show("infinite size", new Set([1]).isSubsetOf(setLike(Infinity, [1], [])));
show("fractional size", new Set([1, 2]).isSubsetOf(setLike(1.9, [1, 2], [])));
// the receiver changing while has() runs: the walk is live
const mut = new Set([1, 2, 3]);
show(
  "live",
  mut.intersection({
    size: 10,
    has(v) {
      log.push("has " + v);
      if (v === 1) {
        mut.delete(2);
        mut.add(7);
      }
      return true;
    },
    keys() {},
  }),
);
const grow = new Set([1]);
show(
  "growing",
  grow.isSubsetOf({
    size: 9,
    has(v) {
      log.push("has " + v);
      if (v < 3) grow.add(v + 1);
      return true;
    },
    keys() {},
  }),
);
const errors = [
  ["not an object", 1],
  ["array (size undefined)", [1]],
  ["NaN size", { size: "x", has() {}, keys() {} }],
  ["negative size", { size: -1, has() {}, keys() {} }],
  ["has missing", { size: 1, keys() {} }],
  ["keys missing", { size: 1, has() {} }],
  ["keys result", { size: 0, has() {}, keys: () => 1 }],
  ["next result", { size: 0, has() {}, keys: () => ({ next: () => 1 }) }],
];
for (const [label, other] of errors) {
  try {
    new Set([1]).union(other);
    console.log(label, "no error");
  } catch (e) {
    console.log(label, e.constructor.name + ": " + e.message);
  }
}
try {
  Set.prototype.union.call(new Map(), new Set());
} catch (e) {
  console.log("receiver", e.constructor.name + ": " + e.message);
}
const sub = new (class S extends Set {})([1]);
show("result is a plain Set", Object.getPrototypeOf(sub.union(new Set([2]))) === Set.prototype);
console.log(Set.prototype.union.length, Set.prototype.isDisjointFrom.name);
`;
const UPSERT = `// Map.groupBy and getOrInsert / getOrInsertComputed on Map and WeakMap.
const show = (...a) => console.log(...a.map((v) => (typeof v === "string" ? v : JSON.stringify(v))));
const t = (label, f) => {
  try {
    show(label, f());
  } catch (e) {
    console.log(label, e.constructor.name + ": " + e.message);
  }
};
const g = Map.groupBy([1, 2, 3, 4, 5, 6], (v, i) => (v % 3 === 0 ? "three" : i % 2 ? "odd index" : "even index"));
show(g instanceof Map, Object.getPrototypeOf(g) === Map.prototype, [...g]);
const zeros = Map.groupBy([0, -0, 1], (v) => (v === 1 ? "one" : -0));
show([...zeros.keys()].map((k) => Object.is(k, -0)), zeros.get(0).length);
const objKey = {};
const byObj = Map.groupBy("abca", (c) => (c === "a" ? objKey : c));
show(byObj.get(objKey), byObj.size, [...byObj.keys()].map((k) => typeof k));
t("groupBy non-callable", () => Map.groupBy([1], 1));
t("groupBy null", () => Map.groupBy(null, (x) => x));
let closed = false;
const iterable = {
  [Symbol.iterator]() {
    return { next: () => ({ value: 1, done: false }), return: () => ((closed = true), {}) };
  },
};
t("groupBy callback throws", () => Map.groupBy(iterable, () => { throw new Error("boom"); }));
show("closed", closed);
show(Map.groupBy.length, Map.groupBy.name);

const m = new Map([["a", 1]]);
show(m.getOrInsert("a", 5), m.getOrInsert("b", 6), [...m]);
show(m.getOrInsertComputed("a", () => { throw new Error("not called"); }), m.getOrInsertComputed("c", (k) => k + "!"));
show(
  m.getOrInsertComputed("d", () => {
    m.set("d", "inner");
    m.set("e", 0);
    return "outer";
  }),
  [...m],
);
show(m.getOrInsertComputed(-0, (k) => Object.is(k, -0)), Object.is([...m.keys()].pop(), -0), m.get(0));
show(m.getOrInsert(-0, "x"), m.getOrInsert(NaN, "nan"), m.getOrInsert(NaN, "again"));
t("computed non-callable", () => m.getOrInsertComputed("z", 1));
show(m.has("z"), Map.prototype.getOrInsert.length, Map.prototype.getOrInsertComputed.length);
t("on a Set", () => Map.prototype.getOrInsert.call(new Set(), 1, 1));
const wm = new WeakMap();
const k = {};
show(wm.getOrInsert(k, 1), wm.getOrInsert(k, 2), wm.getOrInsertComputed(k, () => 3));
show(wm.getOrInsertComputed({}, (key) => typeof key), wm.getOrInsertComputed(Symbol("s"), () => "sym"));
t("weak primitive key", () => wm.getOrInsert(1, 1));
t("weak computed: key checked before callback", () => wm.getOrInsertComputed(1, 2));
t("weak computed non-callable", () => wm.getOrInsertComputed({}, 2));
`;
const LIVE_SMALL = `// A Map iterated while it changes, with enough deletions to compact its table, and
// iterators that outlive a compaction and a clear().
const m = new Map();
for (let i = 0; i < 40; i++) m.set(i, i);
const it = m.keys();
const early = m.values();
early.next();
let out = "";
let r;
while (!(r = it.next()).done) {
  out += r.value + " ";
  if (r.value === 1) for (let j = 2; j < 36; j++) m.delete(j);
  if (r.value === 37) m.set("new", 0);
}
console.log(out, m.size);
console.log(early.next().value, early.next().value);
const s = new Set(["a", "b"]);
const sit = s.entries();
sit.next();
s.clear();
s.add("c");
console.log(sit.next().value, sit.next().done);
`;
const SET_LIKE_SMALL = `// Set methods calling a guest set-like: has() during the walk over the receiver,
// keys() iteration with an early close.
const log = [];
const other = {
  size: 2,
  has(v) {
    log.push("has" + v);
    return v === 2;
  },
  keys() {
    let i = 0;
    return {
      next: () => (log.push("next"), i < 2 ? { value: [2, 7][i++], done: false } : { done: true }),
      return: () => (log.push("return"), {}),
    };
  },
};
console.log([...new Set([1, 2]).intersection(other)].join(), log.join());
log.length = 0;
console.log(new Set([2, 3]).isSupersetOf(other), log.join());
`;
const SET_METHODS_EXPECTED =
  [
    "union Set[1,2,3,4,9] | size keys next next next next",
    "intersection Set[2] | size has 1 has 2 has 3",
    "difference Set[1,3] | size has 1 has 2 has 3",
    "symmetricDifference Set[1,3,4,9] | size keys next next next next",
    "isSubsetOf false | size has 1",
    "isSupersetOf false | size keys next return",
    "isDisjointFrom false | size has 1 has 2",
    "big union Set[1,2,3,4,5,9] | size keys next next next next",
    "big intersection Set[4,2] | size keys next next next next",
    "big difference Set[1,3,5] | size keys next next next next",
    "big symmetricDifference Set[1,3,5,9] | size keys next next next next",
    "big isSubsetOf false | size",
    "big isSupersetOf false | size keys next next next return",
    "big isDisjointFrom false | size keys next return",
    "subset true true | size has 2 has 4",
    "superset true true | size keys next next next next",
    "disjoint true true | size has 7",
    "disjoint via keys true | size keys next next next next",
    "with a Map Set[1,2,3] | ",
    "with a Set Set[1,3] | ",
    "minus zero true | size keys next next",
    "duplicates Set[1,5] | size keys next next next",
    "infinite size true | size has 1",
    "fractional size false | size",
    "live Set[1,3,7] | has 1 has 3 has 7",
    "growing true | has 1 has 2 has 3",
    "not an object TypeError: Set.prototype.union argument must be an object",
    "array (size undefined) TypeError: The .size property is NaN",
    "NaN size TypeError: The .size property is NaN",
    "negative size RangeError: '-1' is an invalid size",
    "has missing TypeError: has is not a function",
    "keys missing TypeError: keys is not a function",
    "keys result TypeError: Result of the keys method is not an object",
    "next result TypeError: Iterator result 1 is not an object",
    "receiver TypeError: Method Set.prototype.union called on incompatible receiver #<Map>",
    "result is a plain Set true | ",
    "1 isDisjointFrom",
  ].join("\n") + "\n";
const UPSERT_EXPECTED =
  [
    'true true [["even index",[1,5]],["odd index",[2,4]],["three",[3,6]]]',
    "[false,false] 2",
    '["a","a"] 3 ["object","string","string"]',
    "groupBy non-callable TypeError: 1 is not a function",
    "groupBy null TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
    "groupBy callback throws Error: boom",
    "closed true",
    "2 groupBy",
    '1 6 [["a",1],["b",6]]',
    "1 c!",
    'outer [["a",1],["b",6],["c","c!"],["d","outer"],["e",0]]',
    "false false false",
    "false nan nan",
    "computed non-callable TypeError: number 1 is not a function",
    "false 2 2",
    "on a Set TypeError: Method Map.prototype.getOrInsert called on incompatible receiver #<Set>",
    "1 1 1",
    "object sym",
    "weak primitive key TypeError: Invalid value used as weak map key",
    "weak computed: key checked before callback TypeError: Invalid value used as weak map key",
    "weak computed non-callable TypeError: number 2 is not a function",
  ].join("\n") + "\n";

for (const [name, source] of [
  ["map-set-core.js", CORE],
  ["weak.js", WEAK],
  ["reflect.js", REFLECT],
  ["map-live-iteration.js", LIVE],
]) {
  test(`node vs jaunt: ${name}`, () => sameAsNode(program(name, source)));
}

test("ES2025 Set methods with a guest set-like (expected from the spec)", () => {
  const r = runJaunt(program("set-methods.js", SET_METHODS));
  assert.equal(r.stdout, SET_METHODS_EXPECTED);
  assert.equal(r.code, 0);
});

test("Map.groupBy and getOrInsert/getOrInsertComputed (expected from the spec)", () => {
  const r = runJaunt(program("upsert.js", UPSERT));
  assert.equal(r.stdout, UPSERT_EXPECTED);
  assert.equal(r.code, 0);
});

// Cut at every other instruction (odd ones here, even ones below): each cut builds a
// fresh VM, and every instruction of both programs would cost a minute of npm test.
test("--snapshot-every 2: a Map iterated while mutated, across compaction and clear", () =>
  sameAsNode(program("map-live-small.js", LIVE_SMALL), 2, 1));

test("--snapshot-every 2: Set methods calling a guest set-like", () => {
  const file = program("set-like-small.js", SET_LIKE_SMALL);
  const plain = runJaunt(file);
  assert.equal(plain.stdout, "2 has1,has2\nfalse next,next,return\n");
  const cut = runJaunt(file, { snapshotEvery: 2 });
  assert.equal(cut.stdout, plain.stdout);
  assert.equal(cut.steps, plain.steps);
});

test("snapshots of collections are canonical: resume then snapshot gives the same bytes", () => {
  const file = program("map-live-iteration.js", LIVE);
  const opts = { stdout: () => {}, argv: [], seed: 1 };
  let j = Jaunt.create(opts);
  j.load(fs.readFileSync(file, "utf8"), file);
  let checked = 0;
  while (j.run(61).status === "paused") {
    const bytes = j.snapshot();
    const again = Jaunt.resume(bytes, opts);
    assert.ok(Buffer.from(again.snapshot()).equals(Buffer.from(bytes)), `at step ${j.steps}`);
    j = again;
    checked++;
  }
  assert.ok(checked > 10);
});

test("a snapshot whose Set repeats a value is rejected", () => {
  const file = program("set-snap.js", "const s = new Set([1, 2]);\nconsole.log(s.size);\n");
  const j = Jaunt.create({ stdout: () => {}, argv: [] });
  j.load(fs.readFileSync(file, "utf8"), file);
  let status = j.run(1);
  while (status.status === "paused" && j.steps < 10_000) {
    const data = cborDecode(j.snapshot()) as unknown[];
    const heap = data[1] as unknown[][];
    const rec = heap.find((r) => Array.isArray(r) && r[0] === 0 && r[1] === 31);
    if (rec) {
      const values = rec[7] as unknown[];
      assert.equal(values.length, 2);
      values.push(values[0]);
      assert.throws(() => Jaunt.resume(cborEncode(data), { argv: [] }), /repeated set value/);
      return;
    }
    status = j.run(1);
  }
  assert.fail("the Set never appeared in a snapshot");
});

test("a big Map compacts over many deletes, a bounded number of positions each, order kept", () => {
  const m = new MapObject(null);
  const N = 100000;
  for (let i = 0; i < N; i++) m.put(i, i * 2);
  let steps = 0;
  let last = -1;
  let tables = 0;
  let table = m.table;
  for (let i = 0; i < N - 10; i++) {
    m.remove(i);
    const c = m.compactionCursor();
    if (c >= 0) {
      steps++;
      assert.ok(c - Math.max(last, 0) <= COMPACT_STEP, `one delete moved ${c - last} positions`);
    }
    last = c;
    if (m.table !== table) {
      tables++;
      table = m.table;
    }
    if (i === N / 2) {
      // Lookups and the entries of a compaction half done are the table's.
      assert.ok(c > 0 && c < m.table.length, "a compaction under way");
      assert.equal(m.get(N / 2 + 7), N + 14);
      assert.equal(m.has(N / 2), false);
    }
  }
  assert.ok(steps >= N / 2 / COMPACT_STEP, `only ${steps} deletes saw a compaction under way`);
  assert.ok(tables >= 2, `${tables} compactions`);
  assert.deepEqual(
    m.liveKeys(),
    [...Array(10).keys()].map((k) => N - 10 + k),
  );
  assert.deepEqual(
    m.liveValues(),
    [...Array(10).keys()].map((k) => (N - 10 + k) * 2),
  );
});

test("a snapshot in the middle of a Map's compaction resumes to node's output and step count", () => {
  const source = `const m = new Map(), s = new Set();
for (let i = 0; i < 30000; i++) { m.set(i, i); s.add("k" + i); }
const it = m.keys(), si = s.values();
it.next(); si.next();
for (let i = 0; i < 15001; i++) { m.delete(i); s.delete("k" + (29999 - i)); }
globalThis.big = m; globalThis.bigSet = s;
console.log("ready");
let x = 0; for (let i = 0; i < 3000; i++) x += i;
m.set(15002, "u"); m.set("new", 1); m.delete(29000); s.add("tail"); s.delete("k3");
console.log(x, m.size, s.size, it.next().value, si.next().value, m.get(15002), [...m.keys()].slice(0, 3).join(), [...s].slice(-2).join());
for (let i = 15001; i < 29990; i++) m.delete(i);
console.log(m.size, it.next().value, [...m].join(";"));`;
  const expected = nodeOutput(source);
  const straight = vmWith();
  straight.j.load(source, "/test/compaction.js");
  straight.j.run();
  assert.equal(straight.out.text, expected);
  const { j, out } = runToReady(source, "/test/compaction.js");
  const global = (name: string) => j.vm.realm.global.getOwnProperty(name)!.value as MapObject;
  assert.ok(global("big").compactionCursor() > 0, "the Map's compaction is under way");
  assert.ok(global("bigSet").compactionCursor() > 0, "the Set's compaction is under way");
  const again = resumeToEnd(j, out);
  assert.equal(again.text, expected);
  assert.equal(again.steps, straight.j.steps);
});

test("the positions a compaction dropped, kept in chunks, count as a sorted array does", () => {
  const list = new PositionList();
  const plain: number[] = [];
  let p = 0;
  for (let i = 0; i < 20000; i++) {
    p += 1 + ((i * 7919) % 5);
    list.push(p);
    plain.push(p);
  }
  assert.equal(new PositionList().countBelow(5), 0);
  for (let q = -1; q < p + 5; q += 7)
    assert.equal(list.countBelow(q), plain.filter((x) => x < q).length, `below ${q}`);
});
