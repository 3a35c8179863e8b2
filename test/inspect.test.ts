// vm/builtins/inspect.ts against the real thing: each case builds a host value, converts it to
// the equivalent guest value with the object model, and compares inspect() with
// Node's util.inspect (and formatLogArgs with util.format). A second part runs small
// programs under the VM and compares what console.log printed with Node.

import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as util from "node:util";
import {
  ArrayObject,
  ErrorObject,
  FunctionObject,
  JSObject,
  NativeFunction,
  PF,
  PrimitiveObject,
  Prop,
} from "../vm/model/object";
import { EMPTY, JSSymbol, type PropertyKey, type Value } from "../vm/model/value";
import { FnFlags, type FunctionCode, type Program } from "../compiler/bytecode";
import { compile } from "../compiler";
import { VM } from "../vm/interpreter/interpreter";
import { Realm } from "../vm/runtime/realm";
import { formatLogArgs, inspect, pendingCoercions } from "../vm/builtins/inspect";

// ---- a realm ----------------------------------------------------------------------

let output = "";
const host = {
  stdout: (t: string) => (output += t),
  stderr: (t: string) => (output += t),
  now: () => 0,
  argv: [],
  env: {},
};
const vm = new VM(host);
const realm = new Realm(vm);

// ---- host value -> guest value ----------------------------------------------------

type HostObj = object;

const guestOf = new Map<unknown, Value>();
const symbols = new Map<symbol, JSSymbol>();

function guestSymbol(s: symbol): JSSymbol {
  for (const [name, sym] of Object.entries(realm.wellKnown)) {
    if ((Symbol as unknown as Record<string, symbol>)[name] === s) return sym;
  }
  let g = symbols.get(s);
  if (!g) {
    g = new JSSymbol(s.description);
    symbols.set(s, g);
  }
  return g;
}

function guestKey(k: string | symbol): PropertyKey {
  return typeof k === "symbol" ? guestSymbol(k) : k;
}

/** The guest counterpart of a host built-in prototype, or undefined. */
function builtinProto(p: object | null): JSObject | null | undefined {
  if (p === null) return null;
  if (p === Object.prototype) return realm.ObjectPrototype;
  if (p === Array.prototype) return realm.ArrayPrototype;
  if (p === Function.prototype) return realm.FunctionPrototype;
  if (p === Number.prototype) return realm.NumberPrototype;
  if (p === String.prototype) return realm.StringPrototype;
  if (p === Boolean.prototype) return realm.BooleanPrototype;
  if (p === Symbol.prototype) return realm.SymbolPrototype;
  if (p === BigInt.prototype) return realm.BigIntPrototype;
  for (const [name, proto] of realm.errorPrototypes) {
    // Node 20 lacks some of them (SuppressedError).
    if ((globalThis as unknown as Record<string, { prototype: object }>)[name]?.prototype === p)
      return proto;
  }
  return undefined;
}

let fnCounter = 0;

/** A guest function whose source text is the host function's. */
function guestFunction(f: (...a: unknown[]) => unknown): FunctionObject {
  const source = Function.prototype.toString.call(f);
  const arrow = !Object.prototype.hasOwnProperty.call(f, "prototype") && /=>/.test(source);
  const plain = /^(async\s+)?function\b/.test(source) || source.startsWith("class");
  let flags = 0;
  if (arrow) flags |= FnFlags.Arrow;
  else if (!plain) flags |= FnFlags.Method;
  const code = {
    index: 0,
    name: f.name,
    flags,
    start: 0,
    end: source.length,
  } as unknown as FunctionCode;
  const program = {
    hash: `inspect-test-${fnCounter++}`,
    source,
    functions: [code],
  } as unknown as Program;
  return new FunctionObject(realm.FunctionPrototype, program, code, null);
}

function toGuest(h: unknown): Value {
  if (h === null || h === undefined) return h as null | undefined;
  switch (typeof h) {
    case "number":
    case "string":
    case "boolean":
    case "bigint":
      return h;
    case "symbol":
      return guestSymbol(h);
  }
  const known = guestOf.get(h);
  if (known !== undefined) return known;
  const o = h as HostObj;
  let g: JSObject;
  let skip = (_k: string | symbol) => false;
  if (Array.isArray(o)) {
    const elems: Value[] = [];
    const arr = new ArrayObject(realm.ArrayPrototype, elems);
    guestOf.set(h, arr);
    const plain = (i: number) => {
      const d = Object.getOwnPropertyDescriptor(o, i);
      return !!(d && "value" in d && d.writable && d.enumerable && d.configurable);
    };
    for (let i = 0; i < o.length; i++) elems.push(plain(i) ? toGuest(o[i]) : EMPTY);
    g = arr;
    skip = (k) => k === "length" || (typeof k === "string" && /^\d+$/.test(k) && plain(+k));
    // Elements with other attributes (accessors...) live in props.
    if (elems.some((_, i) => i in o && !plain(i))) arr.makeSparse();
  } else if (typeof o === "function") {
    g = guestFunction(o as (...a: unknown[]) => unknown);
  } else if (util.types.isNativeError(o) || o instanceof Error) {
    g = new ErrorObject(realm.ObjectPrototype);
  } else if (util.types.isBoxedPrimitive(o)) {
    const prim = (o as { valueOf(): unknown }).valueOf();
    const cls = util.types.isNumberObject(o)
      ? "Number"
      : util.types.isStringObject(o)
        ? "String"
        : util.types.isBooleanObject(o)
          ? "Boolean"
          : util.types.isBigIntObject(o)
            ? "BigInt"
            : "Symbol";
    g = new PrimitiveObject(realm.ObjectPrototype, cls, toGuest(prim));
    if (cls === "String")
      skip = (k) => k === "length" || (typeof k === "string" && /^\d+$/.test(k));
  } else if (util.types.isArgumentsObject(o)) {
    g = new JSObject(realm.ObjectPrototype, "Arguments");
  } else {
    g = new JSObject(realm.ObjectPrototype);
  }
  guestOf.set(h, g);
  const proto = Object.getPrototypeOf(o);
  const bp = builtinProto(proto);
  g.proto = bp !== undefined ? bp : (toGuest(proto) as JSObject);
  for (const k of Reflect.ownKeys(o)) {
    if (skip(k)) continue;
    const d = Object.getOwnPropertyDescriptor(o, k)!;
    let flags = (d.enumerable ? PF.Enumerable : 0) | (d.configurable ? PF.Configurable : 0);
    if (d.get || d.set) {
      flags |= PF.Accessor;
      const getter = d.get ? dummyFunction("get") : undefined;
      const setter = d.set ? dummyFunction("set") : undefined;
      g.props.set(guestKey(k), new Prop(undefined, flags, getter, setter));
    } else {
      if (d.writable) flags |= PF.Writable;
      g.props.set(guestKey(k), new Prop(toGuest(d.value), flags));
    }
  }
  return g;
}

function dummyFunction(name: string): NativeFunction {
  const f = new NativeFunction(realm.FunctionPrototype, `test.${name}`, () => undefined, false);
  f.props.set("name", new Prop(name, PF.Configurable));
  return f;
}

/** Asserts that the guest twin of `h` inspects like `h`. */
function same(h: unknown, opts?: util.InspectOptions): void {
  guestOf.clear();
  const expected = util.inspect(h, opts);
  const actual = inspect(toGuest(h), realm, opts as Parameters<typeof inspect>[2]);
  assert.equal(actual, expected);
}

function sameFormat(...args: unknown[]): void {
  guestOf.clear();
  const expected = util.format(...args);
  const actual = formatLogArgs(args.map(toGuest), realm);
  assert.equal(actual, expected);
}

// ---- cases --------------------------------------------------------------------------

describe("inspect: primitives", () => {
  it("numbers, bigints, booleans, null, undefined", () => {
    for (const v of [0, -0, 1.5, -3, NaN, Infinity, -Infinity, 1e21, 5e-7, 12n, -4n, true, false]) {
      same(v);
    }
    same(null);
    same(undefined);
  });
  it("symbols", () => {
    same(Symbol("a"));
    same(Symbol());
    same(Symbol("a\nb"));
    same(Symbol.iterator);
  });
  it("strings and their quotes", () => {
    for (const s of [
      "",
      "abc",
      "it's",
      'say "hi"',
      `it's "quoted"`,
      'it\'s "q" and `t`',
      'it\'s "q" and ${x}',
      "tab\there\nnewline\r\\ \x00\x07\x0b\x1b\x7f\x85\u00a0é",
      "lone \ud800 high, lone \udc00 low, pair \ud83d\ude00",
      "x".repeat(120) + "'\n",
    ]) {
      same(s);
      same([s]);
    }
  });
  it("long strings split at newlines when nested", () => {
    same({ text: "line one is here\nline two is here\nline three is also here and it is long" });
    same(["a".repeat(100)]);
    same("a\n".repeat(50));
    same({ s: "x".repeat(10005) });
  });
});

describe("inspect: objects", () => {
  it("plain objects and keys", () => {
    same({});
    same({ a: 1, "b-c": 2, 1: 3, $dollar: 4, _u: 5, é: 6, "": 7, "it's": 8, __proto__x: 9 });
    same({ ["__proto__"]: 1 });
    same(JSON.parse('{"__proto__": 1}'));
    same({ [Symbol("x")]: 1, [Symbol()]: 2, [Symbol("it's")]: 3, a: 4 });
    same({ "a\nb": 1, "\u001b": 2 });
  });
  it("non-enumerable and accessor properties", () => {
    const o = { a: 1 };
    Object.defineProperty(o, "hidden", { value: 2, enumerable: false });
    Object.defineProperty(o, "g", { get: () => 1, enumerable: true });
    Object.defineProperty(o, "s", { set: () => {}, enumerable: true });
    Object.defineProperty(o, "gs", { get: () => 1, set: () => {}, enumerable: true });
    same(o);
    same(o, { showHidden: true });
  });
  it("nesting and depth", () => {
    same({ a: { b: { c: { d: 1 } } } });
    same({ a: { b: { c: {} } } });
    same({ a: { b: { c: [] } } });
    same({ a: { b: { c: [1] } } });
    same([[[[1]]]]);
    same([[[[]]]]);
    same({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
    same({ a: { b: { c: { d: { e: 1 } } } } }, { depth: Infinity });
    same({ a: { b: { c: { d: { e: 1 } } } } }, { depth: null });
  });
  it("line breaking", () => {
    same({ a: "x".repeat(30), b: "y".repeat(30), c: 1 });
    same({ a: "x".repeat(30), b: "y".repeat(40), c: 1 });
    same({ first: [1, 2, 3], second: { inner: [1, 2, 3] } });
    same({ a: { b: { c: { d: 1 } } }, e: 1 });
    same({ a: { b: 1 }, c: { d: { e: 1 } } });
    const wide: Record<string, number> = {};
    for (let i = 0; i < 30; i++) wide[`key${i}`] = i;
    same(wide);
    same({ level1: { level2: { level3: "some string value here", other: 12345 }, more: true } });
    same([
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ]);
    same({ a: 1 }, { breakLength: 3 });
    same({ a: { b: 1 } }, { compact: 1 });
    same({ a: { b: 1 } }, { compact: 0 });
  });
  it("circular references", () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    same(a);
    const b: Record<string, unknown> = {};
    const c: Record<string, unknown> = { b };
    b.c = c;
    b.arr = [b, c];
    same(b);
    const arr: unknown[] = [1];
    arr.push(arr);
    same(arr);
    same({ a, b });
  });
  it("class instances and prototypes", () => {
    class Foo {
      x = 1;
    }
    class Bar extends Foo {
      y = [1, 2];
    }
    class Empty {}
    same(new Foo());
    same(new Bar());
    same(new Empty());
    same({ deep: { deeper: { deepest: new Foo() } } });
    same({ deep: { deeper: { deepest: new Empty() } } });
    same(Object.create(null));
    same(Object.assign(Object.create(null), { a: 1 }));
    same({ deep: { deeper: { deepest: Object.assign(Object.create(null), { a: 1 }) } } });
    same(Object.create(Object.create(null)));
    same(Object.create({ constructor: function Fake() {} }));
    same(Object.create(Array.prototype));
    function Old(this: { a: number }) {
      this.a = 1;
    }
    same(new (Old as unknown as new () => object)());
    const anon = new (class {})();
    same(anon);
    same(Object.setPrototypeOf({ a: 1 }, Object.create(null)));
  });
  it("toStringTag", () => {
    const proto = {};
    Object.defineProperty(proto, Symbol.toStringTag, { value: "Custom" });
    same(Object.create(proto));
    same(Object.assign(Object.create(proto), { a: 1 }));
    same({ [Symbol.toStringTag]: "Own" });
    const np = Object.create(null);
    Object.defineProperty(np, Symbol.toStringTag, { value: "X" });
    same(np);
  });
  it("boxed primitives", () => {
    same(new Number(3));
    same(new Number(-0));
    same(new String("ab"));
    same(new Boolean(true));
    same(Object(Symbol("a")));
    same(Object(5n));
    same(Object.assign(new String("ab"), { extra: 1 }));
    same(Object.assign(new Number(1), { extra: 1 }));
    same(new String("ab"), { showHidden: true });
  });
  it("arguments objects", () => {
    same(
      (function (..._a: unknown[]) {
        // eslint-disable-next-line prefer-rest-params
        return arguments;
      })(1, "two"),
    );
    same(
      (function () {
        // eslint-disable-next-line prefer-rest-params
        return arguments;
      })(),
    );
  });
});

describe("inspect: more shapes", () => {
  it("odd keys and values", () => {
    same({ b: 1, 2: 1, a: 1, 1: 1, "01": 1, "-1": 1, "4294967295": 1, "4294967294": 1 });
    same([-0, 0, -1.5e-10]);
    same({ [Symbol("it's")]: Symbol("it's") });
    same(["line one is long\nline two is long\nand three"]);
    same({ list: ["short", "line one is long\nline two is long\nand three"] });
    same({
      f: Object.assign(function f() {}, { a: 1 }),
      g: { h: Object.assign(() => {}, { deep: { x: 1 } }) },
    });
  });
  it("accessors on arrays and prototypes", () => {
    const arr = [1, 2];
    Object.defineProperty(arr, 0, { get: () => 1, enumerable: true });
    same(arr);
    class Foo {
      x = 1;
      get y() {
        return 2;
      }
    }
    same(new Foo(), { showHidden: true });
    same(new Foo());
  });
  it("static class members and names from properties", () => {
    class A {
      static x = 1;
    }
    same(A);
    const o = { c: class {} };
    same(o);
    same(function f() {}.bind(null));
  });
});

describe("inspect: arrays", () => {
  it("short arrays, holes, extra keys", () => {
    same([]);
    same([1, 2, 3]);
    same(["a", "b"]);
    same([, 1, , ,]); // eslint-disable-line no-sparse-arrays
    same(new Array(5));
    same([1, , 3]); // eslint-disable-line no-sparse-arrays
    same(Object.assign([1, 2], { foo: "bar" }));
    same(Object.assign([], { foo: "bar" }));
    same(Object.assign([, 2], { foo: "bar" })); // eslint-disable-line no-sparse-arrays
    same([undefined, null, NaN]);
    same([[]]);
  });
  it("long arrays are grouped", () => {
    same(Array.from({ length: 7 }, (_, i) => i));
    same(Array.from({ length: 26 }, (_, i) => i * 37));
    same(Array.from({ length: 100 }, (_, i) => i));
    same(Array.from({ length: 101 }, (_, i) => i));
    same(Array.from({ length: 250 }, (_, i) => i));
    same(Array.from({ length: 30 }, (_, i) => "item" + i));
    same(Array.from({ length: 30 }, (_, i) => "x".repeat(i % 7)));
    same(Array.from({ length: 10 }, (_, i) => (i % 2 ? i : "s" + i)));
    same(Array.from({ length: 12 }, (_, i) => BigInt(i) * 1000n));
    same(Array.from({ length: 8 }, (_, i) => ({ a: i })));
    same(Array.from({ length: 8 }, (_, i) => [i, i]));
    same(Array.from({ length: 20 }, (_, i) => (i === 5 ? "a much longer string entry" : i)));
    same(Array.from({ length: 40 }, (_, i) => "日本語".repeat(i % 3)));
    same({ nested: { list: Array.from({ length: 30 }, (_, i) => i * 1000) } });
    const sparse = new Array(200);
    sparse[3] = 1;
    sparse[150] = 2;
    same(sparse);
    same(
      Object.assign(
        Array.from({ length: 8 }, (_, i) => i),
        { extra: true },
      ),
    );
    same(Array.from({ length: 120 }, (_, i) => (i % 3 ? i : undefined)));
  });
  it("prototype and tags of arrays", () => {
    class MyArray extends Array {}
    same(MyArray.from([1, 2]));
    same(Object.setPrototypeOf([1, 2], null));
    same(Object.setPrototypeOf([], null));
    same(Array.prototype);
  });
});

describe("inspect: functions", () => {
  it("names and kinds", () => {
    same(function f() {});
    same(function () {});
    same(() => 1);
    same(async function af() {});
    same(async () => {});
    same(function* g() {});
    same(async function* ag() {});
    same({ async() {} }.async);
    same({ async m() {} }.m);
    same({ *gen() {} }.gen);
    same({ async *agen() {} }.agen);
    same({ method() {} }.method);
    same(Object.assign(function f() {}, { x: 1, y: "z" }));
    const named = function original() {};
    Object.defineProperty(named, "name", { value: "renamed" });
    same(named);
    same(Function.prototype);
    same({ fn: function inner() {}, arrow: () => {} });
  });
  it("classes", () => {
    class A {}
    class B extends A {
      constructor() {
        super();
      }
    }
    same(A);
    same(B);
    same(class {});
    same(class extends A {});
    same(Object.assign(class C {}, { x: 1 }));
    same({ A, B });
  });
  it("functions with showHidden", () => {
    same(
      Object.assign(() => {}, { a: 1 }),
      { showHidden: true },
    );
    same([1, 2, 3], { showHidden: true });
  });
});

describe("inspect: errors", () => {
  function err(message: string, stack: string, props: object = {}, ctor = Error): Error {
    const e = new ctor(message);
    e.stack = stack;
    return Object.assign(e, props);
  }
  const frames = "\n    at foo (/app/a.js:1:2)\n    at bar (/app/b.js:3:4)";
  it("top level", () => {
    same(err("boom", "Error: boom" + frames));
    same(err("boom", "Error: boom" + frames, { code: "E_BOOM" }));
    same(err("boom", "Error: boom" + frames, { code: "E_BOOM", errno: 3 }));
    same(err("t", "TypeError: t", {}, TypeError));
    same(err("t", "TypeError: t" + frames, {}, TypeError));
    same(err("m", "Error: m" + frames, { name: "CustomError" }));
    same(err("q", ""));
    same(err("multi\nline", "Error: multi\nline" + frames));
    same(err("", "Error" + frames));
    const e6 = err("m", "Error: m");
    Object.defineProperty(e6, "message", { value: 123, enumerable: true });
    same(e6);
    same(err("m", "Error: m", { name: 5 }));
    same(err("x", "weird stack without frames"));
  });
  it("subclasses and prototypes", () => {
    class MyErr extends Error {}
    same(err("q", "Error: q" + frames, {}, MyErr as ErrorConstructor));
    class ValidationError extends Error {
      constructor(m: string) {
        super(m);
        this.name = "ValidationError";
      }
    }
    const v = new ValidationError("bad");
    v.stack = "ValidationError: bad" + frames;
    same(v);
    const np = err("np", "Error: np" + frames);
    Object.setPrototypeOf(np, null);
    same(np);
  });
  it("nested in objects and arrays", () => {
    const e = err("boom", "Error: boom" + frames);
    same({ e });
    same([e]);
    same({ a: { e: err("x", "Error: x\n    at f (a:1:1)", { code: "E1" }) } });
    same({ a: { b: { c: { e } } } });
    same({ e: err("x", "Error: x") });
    same({ list: [1, err("x", "Error: x"), 2] });
    same({ a: { b: { c: err("x", "Error: x" + frames, { code: 1 }) } } });
    same({ a: { b: { c: { d: err("x", "Error: x" + frames, { code: 1 }) } } } });
    same([[err("x", "Error: x" + frames, { info: { deep: { deeper: {} } } })]]);
    const weird = err("w", "");
    Object.defineProperty(weird, "stack", { value: { not: "a string" } });
    same(weird);
  });
  it("causes", () => {
    const shared =
      "\n    at one (/a.js:1:1)\n    at two (/a.js:2:2)\n    at three (/a.js:3:3)\n    at four (/a.js:4:4)\n    at five (/a.js:5:5)";
    const cause = err("inner", "Error: inner\n    at inner (/a.js:0:0)" + shared);
    const outer = new Error("outer", { cause });
    outer.stack = "Error: outer\n    at outer (/a.js:9:9)" + shared;
    same(outer);
    const withString = new Error("m", { cause: "c" });
    withString.stack = "Error: m" + frames;
    same(withString);
    const e10 = new AggregateError([1, 2], "agg");
    e10.stack = "AggregateError: agg" + frames;
    same(e10);
  });
});

describe("formatLogArgs", () => {
  it("plain arguments", () => {
    sameFormat("hello");
    sameFormat("hello", "world", 1, { a: 1 }, [1, 2]);
    sameFormat(1, "a", { b: "c" });
    sameFormat({ a: 1 }, "x\ny");
    sameFormat();
    sameFormat(undefined);
    sameFormat(Symbol("s"), null, -0);
  });
  it("placeholders", () => {
    sameFormat("%s|%s|%s|%s", "str", 42, -0, 10n);
    sameFormat("%s %s", null, undefined);
    sameFormat("%s", Symbol("q"));
    sameFormat("%s", [1, [2, [3]]]);
    sameFormat("%s", { a: { b: 1 } });
    sameFormat("%s", function f() {});
    sameFormat("%s", new Number(3));
    sameFormat("%s", Object.create(null));
    class Inst {
      a = { b: { c: 1 } };
    }
    sameFormat("%s", new Inst());
    const e = new Error("formatted");
    e.stack = "Error: formatted\n    at x (/a.js:1:1)";
    sameFormat("%s", e);
    sameFormat("%s", Object.assign(e, { code: 1 }));
    sameFormat("%s %s", [1, "a", [2, [3, [4]]]], [null, undefined]);
    sameFormat("%d %i %f", "42.5x", "42.5x", "42.5x");
    sameFormat("%d %d %d %d", [5], {}, null, 7n);
    sameFormat("%i %f", 3.9, "1e3");
    sameFormat("%d", new Number(8));
    sameFormat("%j %j", { a: [1, "x", undefined, () => 1] }, undefined);
    sameFormat("%j", "str");
    sameFormat("%j", [new Number(1), new String("s"), null, NaN]);
    const circ: Record<string, unknown> = {};
    circ.self = circ;
    sameFormat("%j", circ);
    sameFormat("%o", { a: [1, 2, { b: 1 }] });
    sameFormat("%O", { a: { b: { c: { d: 1 } } } });
    sameFormat("%c%s", "css", "a", "extra", 5);
    sameFormat("a%%b %x", 1);
    sameFormat("%s");
    sameFormat("%s %s", "a");
    sameFormat("%", 1);
    sameFormat("100%", 1);
    sameFormat("%s:%s", "a", "b", "c");
    sameFormat("%%s %s", "x");
  });
  it("reports conversions that need guest code", () => {
    const withToString = toGuest({ toString: () => "X" });
    assert.deepEqual(pendingCoercions(["%s %d", withToString, withToString], realm), [
      { index: 1, hint: "string" },
      { index: 2, hint: "number" },
    ]);
    assert.deepEqual(pendingCoercions(["%s %d", toGuest({}), toGuest([1])], realm), []);
  });
});

// ---- programs run under the VM -------------------------------------------------------------

/** Runs `source` under the VM and returns what it printed. */
function runGuest(source: string): string {
  const program = vm.registerProgram(compile(source, { kind: "script", filename: "inspect.js" }));
  const main = vm.makeClosure(program, program.functions[0], null);
  output = "";
  vm.pushBottomCall(main, undefined, []);
  vm.run();
  if (vm.uncaught) throw new Error(`guest threw: ${realm.describeForHost(vm.uncaught.value)}`);
  return output;
}

/** Runs `source` under node with a console.log that records what it prints. */
function runHost(source: string): string {
  let out = "";
  const fakeConsole = { log: (...args: unknown[]) => (out += util.format(...args) + "\n") };
  new Function("console", source)(fakeConsole);
  return out;
}

describe("console.log under the VM", () => {
  const programs = [
    `console.log({ a: 1, b: [1, 2, { c: 3 }], s: "x" }, [1, , 3], null, undefined, -0);`,
    `console.log("%s is %d years", "Bob", 42, "extra", { x: 1 });`,
    `var o = { name: "o" }; o.self = o; console.log(o);`,
    `function Point(x, y) { this.x = x; this.y = y; } console.log(new Point(1, 2), [new Point(3, 4)]);`,
    `console.log(function named() {}, function () {}, () => 1, Math.max);`,
    `var f = function g() {}; f.extra = 1; console.log(f);`,
    `var a = []; for (var i = 0; i < 30; i++) a.push(i * i); console.log(a);`,
    `var a = []; for (var i = 0; i < 120; i++) a.push("s" + i); console.log(a);`,
    `console.log(Object.create(null), Object.assign(Object.create(null), { a: 1 }));`,
    `console.log(new Number(1), new String("ab"), new Boolean(false), Object(Symbol("s")));`,
    `console.log({ get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} });`,
    `console.log([{ a: { b: { c: { d: 1 } } } }], { k: [[[["deep"]]]] });`,
    `console.log(JSON, Math.PI, "it's", ["it's", 'a "q"']);`,
    `var arr = [1, 2, 3]; arr.prop = "p"; delete arr[1]; console.log(arr, arr.length);`,
    `console.log((function () { return arguments; })(1, "a"));`,
    `console.log(Symbol("x"), { [Symbol("k")]: 1 }, Symbol.iterator);`,
    `console.log("%o", [1, { a: 2 }]);`,
    `console.log("%j", { a: [1, "two", null], b: undefined });`,
    `var o = {}; Object.defineProperty(o, "hidden", { value: 1 }); o.shown = 2; console.log(o);`,
    `console.log([1.5, -2.25, 1e21, 1e-7, NaN, Infinity, 2 ** 53]);`,
  ];
  for (const source of programs) {
    it(source, () => {
      assert.equal(runGuest(source), runHost(source));
    });
  }
});
