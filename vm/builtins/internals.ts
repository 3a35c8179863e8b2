// Internal natives handed to the self-hosted prelude as `$`. Guest programs cannot
// reach this object: it is only a parameter of the prelude's top-level function.

import { FnFlags } from "../../compiler/bytecode";
import {
  ArrayObject,
  FunctionObject,
  JSObject,
  PF,
  Prop,
  ProxyObject,
  isCallable,
  isConstructor,
  type Descriptor,
} from "../model/object";
import { JSSymbol, isArrayIndex, type PropertyKey, type Value } from "../model/value";
import { SIZE, charge } from "../model/heap";
import { primToString } from "../model/operations";
import { arg, internalDefiner, makeNative } from "./util";
import { callTail } from "./call-tail";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import type { NativeImpl } from "../model/object";
import { ArrayIteratorObject } from "./array";
import * as path from "node:path";
import { compile, GuestSyntaxError } from "../../compiler";
import { ModuleNotFound, moduleAccess } from "../runtime/modules";
import { proxyHelper, unwrapProxy } from "./proxy";
import { setProto } from "./object";
import { KeysOf, listOwnKeys } from "./object-work";
import { forInIndexKeys, forInLevel, makeForIn, tableKeys } from "./for-in-work";

export function installInternals(realm: Realm): void {
  const $ = realm.internals;
  const def = internalDefiner(realm);
  // Calls: the callee's result becomes this native's result (a tail call).
  def("call", 2, "-", callTail);
  def("apply", 3, "-", (vm, _t, args) => {
    const f = arg(args, 0);
    if (!isCallable(f)) vm.throwTypeError("not a function");
    const list = arg(args, 2);
    const values =
      list instanceof ArrayObject && list.elems
        ? list.elems.map((v) => (v === undefined ? undefined : v))
        : [];
    return vm.tailCall(f, arg(args, 1), values);
  });
  def("isCallable", 1, "-", (_vm, _t, args) => isCallable(arg(args, 0)));
  def("isObject", 1, "-", (_vm, _t, args) => arg(args, 0) instanceof JSObject);
  // $.makeConstructor(name, length, impl): a built-in constructor that may also be
  // called without `new` (Intl's legacy three, Buffer), running the guest impl(newTarget, ...args).
  // Prelude functions are never constructors themselves. The impl rides in the
  // native's slot, so every such constructor shares one native id: one made after
  // start-up (Intl's, loaded on first use) is as snapshot-able as one made during it.
  const constructWithImpl: NativeImpl = (vm, _this, callArgs, newTarget, self) => {
    const impl = self.slots[0];
    if (!isCallable(impl)) return vm.throwTypeError("internal: a constructor without its impl");
    return vm.tailCall(impl, undefined, [newTarget, ...callArgs]);
  };
  def("makeConstructor", 3, "snf", (vm, _t, args) => {
    const name = arg(args, 0) as string;
    const f = makeNative(
      vm.realm,
      "$.constructorWithImpl",
      name,
      arg(args, 1) as number,
      constructWithImpl,
      {
        ctor: true,
      },
    );
    f.slots = [arg(args, 2)];
    return f;
  });
  def("isConstructor", 1, "-", (_vm, _t, args) => isConstructor(arg(args, 0)));
  // Whether a dense internal array (the prelude's own, never the guest's) holds `v` by
  // identity: one step instead of a guest loop (JSON.stringify's cycle check would
  // otherwise cost steps quadratic in the depth of the data).
  def("holds", 2, "-", (_vm, _t, args) => {
    const a = arg(args, 0);
    return a instanceof ArrayObject && a.elems !== null && a.elems.includes(arg(args, 1));
  });
  def("isArray", 1, "-", (vm, _t, args) => unwrapProxy(vm, arg(args, 0)) instanceof ArrayObject);
  // $.sparseIndices(e, len, target): for Array.prototype.concat, the indices below `len`
  // that `k in e` can find, ascending, when e is a sparse array (a huge length with few
  // elements, where a loop over every index would run for hours), or null for the
  // ordinary loop. Only when no guest code could run between the reads (e, its
  // prototypes and target are plain objects and arrays, every index property on the
  // chain is a data property), so the result is the spec's loop, without the holes.
  def("sparseIndices", 3, "-", (vm, _t, args) => {
    const e = arg(args, 0);
    const len = arg(args, 1) as number;
    const target = arg(args, 2);
    if (!(e instanceof ArrayObject) || e.elems !== null || !(target instanceof ArrayObject))
      return null;
    const found = new Set<number>();
    for (let o: JSObject | null = e; o; o = o.proto) {
      if (!(o instanceof ArrayObject) && Object.getPrototypeOf(o) !== JSObject.prototype)
        return null;
      for (const k of o.ownKeys()) {
        if (typeof k !== "string" || !isArrayIndex(k) || Number(k) >= len) continue;
        const p = o.getOwnProperty(k)!;
        if (p.getter || p.setter) return null;
        found.add(Number(k));
      }
    }
    return vm.realm.newArray([...found].sort((x, y) => x - y));
  });
  def("toObject", 1, "-", (vm, _t, args) => vm.realm.toObject(arg(args, 0)));
  def("throwTypeError", 1, "-", (vm, _t, args) => vm.throwTypeError(String(arg(args, 0))));
  def("throwRangeError", 1, "-", (vm, _t, args) =>
    vm.throwError("RangeError", String(arg(args, 0))),
  );
  def("throwError", 2, "-", (vm, _t, args) =>
    vm.throwError(String(arg(args, 0)), String(arg(args, 1))),
  );
  // The primitive a wrapper object holds, or undefined.
  def("primitiveOf", 1, "-", (_vm, _t, args) => {
    const o = arg(args, 0);
    return o instanceof JSObject && "primitive" in o
      ? (o as unknown as { primitive: Value }).primitive
      : undefined;
  });
  def("classOf", 1, "-", (_vm, _t, args) => {
    const o = arg(args, 0);
    return o instanceof JSObject ? o.cls : undefined;
  });
  // Own property descriptor without running getters: [flags, value, get, set] or undefined.
  // A proxy's internal methods are guest code: the natives below tail-call them.
  def("getOwnProperty", 2, "ok", (vm, _t, args) => {
    const o = arg(args, 0) as JSObject;
    if (o instanceof ProxyObject)
      return vm.tailCall(proxyHelper(vm.realm, "getOwnPropertyRaw"), undefined, args);
    const p = o.getOwnProperty(arg(args, 1) as string);
    if (!p) return undefined;
    return vm.realm.newArray([p.flags, p.value, p.getter, p.setter]);
  });
  // Defines a property from a complete or partial descriptor given as fields.
  // mask bits: 1 value, 2 writable, 4 get, 8 set, 16 enumerable, 32 configurable.
  def("defineOwnProperty", 8, "oki--f?f?", (vm, _t, args) => {
    const o = arg(args, 0) as JSObject;
    if (o instanceof ProxyObject)
      return vm.tailCall(proxyHelper(vm.realm, "defineOwnPropertyMask"), undefined, args);
    const key = arg(args, 1) as string;
    const mask = arg(args, 2) as number;
    const d: Descriptor = {};
    if (mask & 1) {
      d.value = arg(args, 3);
      d.hasValue = true;
    }
    if (mask & 2) d.writable = !!arg(args, 4);
    if (mask & 4) {
      d.get = arg(args, 5) as JSObject | undefined;
      d.hasGet = true;
    }
    if (mask & 8) {
      d.set = arg(args, 6) as JSObject | undefined;
      d.hasSet = true;
    }
    if (mask & 16) d.enumerable = !!arg(args, 7);
    if (mask & 32) d.configurable = !!arg(args, 8);
    return o.defineOwn(key, d);
  });
  // prelude/00-core.js's defineMethod(obj, key, fn) and defineMethods(obj, [fn…]) (a
  // built-in method: writable, configurable, not enumerable) as one step each. Every
  // realm defines ~500 methods at start-up; as guest functions they were a third of
  // its instructions, enough to make V8 compile the interpreter loop (on-stack
  // replacement) during `vmrun hello.js`, a compile node then waits for at exit.
  const defineMethodOn = (vm: Agent, o: JSObject, key: PropertyKey, fn: Value): Value => {
    if (o instanceof ProxyObject)
      return vm.tailCall(proxyHelper(vm.realm, "defineOwnPropertyMask"), undefined, [
        o,
        key,
        1 | 2 | 16 | 32,
        fn,
        true,
        undefined,
        undefined,
        false,
        true,
      ]);
    const d: Descriptor = {
      value: fn,
      hasValue: true,
      writable: true,
      enumerable: false,
      configurable: true,
    };
    return o.defineOwn(key, d);
  };
  def("defineMethod", 3, "ok-", (vm, _t, args) =>
    defineMethodOn(vm, arg(args, 0) as JSObject, arg(args, 1) as PropertyKey, arg(args, 2)),
  );
  def("defineMethods", 2, "oa", (vm, _t, args) => {
    const o = arg(args, 0) as JSObject;
    const fns = arg(args, 1) as ArrayObject;
    if (o instanceof ProxyObject) vm.throwTypeError("internal: $.defineMethods on a proxy");
    for (const fn of fns.elems!) {
      const name = fn instanceof JSObject ? fn.getOwnProperty("name") : undefined;
      const key = name && !(name.flags & PF.Accessor) ? name.value : undefined;
      if (typeof key !== "string")
        return vm.throwTypeError("internal: $.defineMethods takes named functions");
      defineMethodOn(vm, o, key, fn);
    }
    return undefined;
  });
  def("ownKeys", 1, "o", (vm, _t, args) => {
    const o = arg(args, 0) as JSObject;
    if (o instanceof ProxyObject)
      return vm.tailCall(proxyHelper(vm.realm, "ownKeys"), undefined, [o]);
    return listOwnKeys(vm, vm.realm, o, KeysOf.All);
  });
  def("forInLevel", 3, "aaa", (vm, _t, args) =>
    forInLevel(vm, args[0] as ArrayObject, args[1] as ArrayObject, args[2] as ArrayObject),
  );
  def("makeForIn", 3, "oai", (vm, _t, args) =>
    makeForIn(vm, args[0] as JSObject, args[1] as ArrayObject, args[2] as number),
  );
  def("forInIndexKeys", 1, "o", (vm, _t, args) => forInIndexKeys(vm, args[0] as JSObject));
  def("tableKeys", 1, "o", (vm, _t, args) => tableKeys(vm, args[0] as JSObject));
  def("deleteOwn", 2, "ok", (vm, _t, args) => {
    const o = arg(args, 0) as JSObject;
    if (o instanceof ProxyObject)
      return vm.tailCall(proxyHelper(vm.realm, "deleteProperty"), undefined, [o, args[1], false]);
    return o.deleteOwn(arg(args, 1) as string);
  });
  // OrdinaryObjectCreate(proto): a fresh object cannot close a cycle, so unlike
  // setPrototypeOf no walk of the chain is needed (Object.create stays O(1)).
  def("objectCreate", 1, "-", (_vm, _t, args) => {
    const p = arg(args, 0);
    return new JSObject(p instanceof JSObject ? p : null);
  });
  // Puts the named own properties first, in the given order (built-ins whose property
  // order Node shows, e.g. Object.prototype's).
  def("orderOwn", 2, "oa", (_vm, _t, args) => {
    const o = arg(args, 0) as JSObject;
    const names = arg(args, 1) as ArrayObject;
    const rest = new Map(o.props);
    o.props.clear();
    for (const k of names.elems ?? []) {
      const p = rest.get(k as string);
      if (p === undefined) continue;
      o.props.set(k as string, p);
      rest.delete(k as string);
    }
    for (const [k, p] of rest) o.props.set(k, p);
    return undefined;
  });
  // The prelude's Promise class: `new` of it makes a PromiseObject (interpreter.ts
  // construct). The mark is on its code, which every realm of the process shares.
  def("registerPromiseConstructor", 1, "o", (_vm, _t, args) => {
    const C = arg(args, 0);
    if (C instanceof FunctionObject)
      (C.code as { flags: number }).flags |= FnFlags.PromiseConstructor;
    return undefined;
  });
  // CreateDataProperty (false when refused) and CreateDataPropertyOrThrow (a TypeError).
  const createDataProperty =
    (orThrow: boolean): NativeImpl =>
    (vm, _t, args) => {
      const o = arg(args, 0) as JSObject;
      const key = arg(args, 1) as string;
      if (o instanceof ProxyObject)
        return vm.tailCall(proxyHelper(vm.realm, "defineOwnPropertyMask"), undefined, [
          o,
          key,
          1 | 2 | 16 | 32,
          arg(args, 2),
          true,
          undefined,
          undefined,
          true,
          true,
          orThrow,
        ]);
      const had = o.getOwnProperty(key) !== undefined;
      const ok = o.defineOwn(key, {
        value: arg(args, 2),
        hasValue: true,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      if (!ok && orThrow)
        vm.throwTypeError(
          had
            ? `Cannot redefine property: ${String(key)}`
            : `Cannot add property ${String(key)}, object is not extensible`,
        );
      return ok;
    };
  def("createDataProperty", 3, "ok", createDataProperty(false));
  const orThrow = createDataProperty(true);
  def("createDataPropertyOrThrow", 3, "ok", orThrow);
  // createIndexOrThrow(a, k, v): CreateDataPropertyOrThrow(a, ToString(k), v) for an
  // index k; an extensible dense array whose length reaches k takes it as an element
  // (what map/filter/slice write into the arrays they make), anything else goes the
  // general way ($.createDataPropertyOrThrow).
  def("createIndexOrThrow", 3, "oi", (vm, t, args, nt, self) => {
    const a = args[0];
    const k = args[1] as number;
    if (a instanceof ArrayObject && a.elems !== null && a.extensible) {
      const elems = a.elems;
      if (k < elems.length) {
        elems[k] = args[2];
        a.dirty = true;
        return true;
      }
      if (k === elems.length && a.lengthWritable) {
        elems.push(args[2]);
        charge(SIZE.slot);
        a.dirty = true;
        return true;
      }
    }
    return orThrow(vm, t, [a, String(k), args[2]], nt, self);
  });

  const viaProxy =
    (name: "getPrototypeOf" | "preventExtensions" | "isExtensible", own: (o: JSObject) => Value) =>
    (vm: import("../agent").Agent, _t: Value, args: Value[]) => {
      const o = arg(args, 0) as JSObject;
      if (o instanceof ProxyObject) return vm.tailCall(proxyHelper(vm.realm, name), undefined, [o]);
      return own(o);
    };
  def(
    "getPrototypeOf",
    1,
    "o",
    viaProxy("getPrototypeOf", (o) => o.proto),
  );
  def(
    "preventExtensions",
    1,
    "o",
    viaProxy("preventExtensions", (o) => o.preventExtensions()),
  );
  def(
    "isExtensible",
    1,
    "o",
    viaProxy("isExtensible", (o) => o.extensible),
  );
  def("setPrototypeOf", 2, "op", (vm, _t, args) => {
    const o = arg(args, 0) as JSObject;
    if (o instanceof ProxyObject)
      return vm.tailCall(proxyHelper(vm.realm, "setPrototypeOf"), undefined, args);
    return setProto(o, arg(args, 1) as JSObject | null);
  });
  def("primToString", 1, "v", (vm, _t, args) => {
    const s = primToString(arg(args, 0) as never);
    if (s === null) vm.throwTypeError("Cannot convert a Symbol value to a string");
    return s;
  });
  def("symbolDescriptiveString", 1, ["c", JSSymbol], (_vm, _t, args) =>
    (arg(args, 0) as JSSymbol).toString(),
  );
  // ArrayCreate(n): n holes, held densely up to setLength's bound and sparsely beyond it,
  // so a guest-chosen length (a map over `length = 2**32 - 1`) never allocates n slots.
  def("newArray", 1, ["r", 2 ** 32], (vm, _t, args) => {
    const a = vm.realm.newArray([]);
    a.setLength(Number(arg(args, 0) ?? 0));
    return a;
  });
  def("arrayPush", 2, ["c", ArrayObject], (_vm, _t, args) => {
    const a = arg(args, 0) as ArrayObject;
    if (a.elems) {
      a.elems.push(arg(args, 1));
      charge(SIZE.slot);
    } else a.addOwn(String(a.length), arg(args, 1));
    a.dirty = true;
    return undefined;
  });
  // Array.prototype.push: a plain dense array appends natively; anything else (array-
  // likes, proxies, frozen arrays, indexed accessors on a prototype) runs the generic
  // self-hosted version, $.arrayPushGeneric (prelude/10-array.js).
  $.props.set(
    "arrayPushMethod",
    new Prop(
      makeNative(realm, "Array.prototype.push", "push", 1, (vm, t, args) => {
        if (
          t instanceof ArrayObject &&
          t.elems !== null &&
          t.extensible &&
          t.lengthWritable &&
          t.elems.length + args.length <= 0xfffffffe &&
          !vm.protoHasIndex(t)
        ) {
          for (let i = 0; i < args.length; i++) t.elems.push(args[i]);
          charge(SIZE.slot * args.length);
          t.dirty = true;
          return t.elems.length;
        }
        return vm.tailCall(
          vm.realm.internals.getOwnProperty("arrayPushGeneric")!.value as JSObject,
          t,
          args,
        );
      }),
      PF.Hidden,
    ),
  );
  // A rejected top-level await of the main module (prelude/65-esm.js).
  def("fatalRejection", 1, "-", (vm, _t, args) => {
    vm.reportRejectionAsUncaught(arg(args, 0));
    return undefined;
  });
  def("enqueueJob", 2, "f", (vm, _t, args) => {
    vm.realm.enqueueJob({
      fn: arg(args, 0) as JSObject,
      thisArg: undefined,
      args: args.slice(1),
      ctx: vm.realm.asyncContext,
    });
    return undefined;
  });
  // node:v8's getHeapStatistics: [estimated live bytes, the heap limit or 0 for none].
  def("heapStatistics", 0, "", (vm) => {
    const limit = vm.limits.heapBytes;
    return vm.realm.newArray([Math.round(vm.heap.used), Number.isFinite(limit) ? limit : 0]);
  });
  // node:async_hooks: the current async context (see Realm.asyncContext).
  def("asyncContext", 0, "", (vm) => vm.realm.asyncContext);
  def("setAsyncContext", 1, "-", (vm, _t, args) => {
    vm.realm.asyncContext = arg(args, 0);
    return undefined;
  });
}

/** Internals that need other modules: op codes, array iterator slots, JSON quoting. */
export function installMoreInternals(realm: Realm, ops: Record<string, number>): void {
  const $ = realm.internals;
  for (const [k, v] of Object.entries(ops)) $.props.set(`OP_${k}`, new Prop(v, 0));
  const def = internalDefiner(realm);
  const ITER = ["c", ArrayIteratorObject] as const;
  const iter = (v: Value) => v as unknown as ArrayIteratorObject;
  def("iteratorTarget", 1, ITER, (_vm, _t, args) => iter(arg(args, 0)).target);
  def("iteratorIndex", 1, ITER, (_vm, _t, args) => iter(arg(args, 0)).index);
  def("iteratorKind", 1, ITER, (_vm, _t, args) => iter(arg(args, 0)).kind);
  def("iteratorAdvance", 1, ITER, (_vm, _t, args) => {
    const it = iter(arg(args, 0));
    it.index++;
    it.dirty = true;
    return undefined;
  });
  def("iteratorFinish", 1, ITER, (_vm, _t, args) => {
    const it = iter(arg(args, 0));
    it.target = undefined;
    it.dirty = true;
    return undefined;
  });
  // CommonJS loading (see vm/runtime/modules.ts and prelude/60-modules.js).
  const notFound = (vm: import("../agent").Agent, e: unknown): never => {
    if (e instanceof ModuleNotFound) {
      const err = vm.makeError("Error", e.message);
      err.setOwn("code", e.code ?? "MODULE_NOT_FOUND");
      return vm.throwValue(err);
    }
    throw e;
  };
  def("resolveModule", 2, "-", (vm, _t, args) => {
    try {
      return moduleAccess(vm.host).resolveRequire(String(args[0]), String(args[1]));
    } catch (e) {
      return notFound(vm, e);
    }
  });
  // Whether the embedder must fetch the file first ("module.fetch" request, 60-modules.js).
  def("modulePending", 1, "-", (vm, _t, args) => vm.host.modulePending?.(String(args[0])) === true);
  def("readModuleSource", 1, "-", (vm, _t, args) => {
    try {
      return moduleAccess(vm.host).read(String(args[0]));
    } catch (e) {
      return notFound(vm, e);
    }
  });
  def("compileModule", 1, "-", (vm, _t, args) => {
    const filename = String(args[0]);
    const access = moduleAccess(vm.host);
    let esm: boolean;
    try {
      esm = access.isESModule(filename);
    } catch (e) {
      return notFound(vm, e);
    }
    if (esm)
      return vm.throwError("Error", `require() of ES module ${filename} is not supported yet`);
    let source: string;
    try {
      source = access.read(filename);
    } catch (e) {
      return notFound(vm, e);
    }
    let program;
    try {
      program = vm.registerProgram(compile(source, { kind: "commonjs", filename }));
    } catch (e) {
      if (e instanceof GuestSyntaxError)
        return vm.throwError(e.errorName, `${e.message} (${filename}:${e.line}:${e.column + 1})`);
      throw e;
    }
    return vm.makeClosure(program, program.functions[0], null);
  });
  def("dirname", 1, "-", (_vm, _t, args) => path.dirname(String(args[0])));
  def("setArgv1", 1, "-", (vm, _t, args) => {
    const proc = vm.realm.global.getOwnProperty("process")?.value;
    const argv = proc instanceof JSObject ? proc.getOwnProperty("argv")?.value : undefined;
    if (argv instanceof JSObject)
      argv.defineOwn("1", {
        value: args[0],
        hasValue: true,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    return undefined;
  });
  def("ordinaryHasInstance", 2, "o", (vm, _t, args) => {
    const r = vm.ordinaryHasInstance(arg(args, 0) as JSObject, arg(args, 1));
    if (r === null)
      return vm.tailCall(proxyHelper(vm.realm, "ordinaryHasInstance"), undefined, [
        vm.unbound(arg(args, 0) as JSObject),
        arg(args, 1),
      ]);
    return r;
  });
  def("jsonQuote", 1, "s", (_vm, _t, args) => JSON.stringify(arg(args, 0) as string));
}
