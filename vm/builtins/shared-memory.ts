// SharedArrayBuffer and Atomics (ECMA-262 25.2, 25.4). A Jaunt VM is a single agent:
// nothing else can see its shared memory, so a SharedArrayBuffer is an ArrayBufferObject
// marked shared (never detached, only grown) and every Atomics operation is an
// ordinary read-modify-write, done by the host's own Atomics on the view's host array
// (which wraps values exactly as the element type says). Atomics.wait can only time
// out: a wait with no timeout would never end, and is refused with an error instead of
// hanging the VM. Conversions that may run guest code go through the prelude's
// trampoline (coerceCall), as DataView's do.

import { JSObject, PF, Prop, type NativeFunction } from "../model/object";
import type { Value } from "../model/value";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { ArrayBufferObject, TypedArrayObject, type HostTA } from "../model/buffers";
import { arg, getter, makeNative, method } from "./util";
import { receiverText } from "./collections";
import { allocateBuffer, defineBufferBasics, detachedError, preludeFn } from "./arraybuffer";
import {
  coerceCall,
  convertArgs,
  resumedLength,
  toIndex,
  toInteger,
  toNumberPrim,
} from "./conversions";

/** ELEMENT_TYPES indexes Atomics accepts: integer types (not Uint8Clamped, not floats). */
const INTEGER_KINDS = new Set([0, 1, 3, 4, 5, 6, 10, 11]);
/** The kinds Atomics.wait and notify accept: Int32Array and BigInt64Array. */
const WAITABLE_KINDS = new Set([5, 10]);

/** How V8 names a non-typed-array in Atomics errors: `[object Float64Array]`, `#<Object>`, `1`. */
function atomicsSubject(v: Value): string {
  if (v instanceof TypedArrayObject || Array.isArray(v)) return `[object ${(v as JSObject).cls}]`;
  if (v instanceof JSObject && v.cls === "Array") return "[object Array]";
  return receiverText(v);
}

/** Blocks the host thread for `ms` (no later than the deadline, which then stops the guest). */
function blockFor(vm: Agent, ms: number): void {
  const wait = Math.min(ms, vm.deadlineAt() - vm.host.now());
  if (wait > 0)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(wait, 2 ** 31 - 1));
}

export function installSharedMemory(realm: Realm): void {
  const wk = realm.wellKnown;
  const $ = realm.internals;

  // ---- SharedArrayBuffer ----
  const SABP = new JSObject(realm.ObjectPrototype);
  realm.SharedArrayBufferPrototype = SABP;
  const sabCtor = makeNative(
    realm,
    "SharedArrayBuffer",
    "SharedArrayBuffer",
    1,
    (vm, _t, args, newTarget) => {
      if (newTarget === undefined)
        vm.throwTypeError("Constructor SharedArrayBuffer requires 'new'");
      const proto = vm.prototypeFrom(newTarget as JSObject, vm.realm.SharedArrayBufferPrototype);
      const len = arg(args, 0);
      const opts = arg(args, 1);
      if (len instanceof JSObject || opts instanceof JSObject)
        return vm.tailCall(preludeFn(vm.realm, "abConstruct"), undefined, [proto, len, opts, true]);
      const n = toIndex(vm, toNumberPrim(vm, len), "Invalid array buffer length");
      return allocateBuffer(vm, proto, n, -1, true);
    },
    { ctor: true },
  );
  sabCtor.props.set("prototype", new Prop(SABP, 0));
  getter(realm, sabCtor, "SharedArrayBuffer", wk.species, (_vm, t) => t);
  SABP.props.set("constructor", new Prop(sabCtor, PF.Hidden));
  realm.global.props.set("SharedArrayBuffer", new Prop(sabCtor, PF.Hidden));
  const thisSAB = (vm: Agent, t: Value, name: string): ArrayBufferObject =>
    t instanceof ArrayBufferObject && t.shared
      ? t
      : vm.throwTypeError(`Method ${name} called on incompatible receiver ${receiverText(t)}`);
  // slice is the prelude's (prelude/70-typedarray.js): its species constructor is guest code.
  defineBufferBasics(realm, SABP, "SharedArrayBuffer", thisSAB);
  SABP.props.set(wk.toStringTag, new Prop("SharedArrayBuffer", PF.Configurable));
  $.props.set("SharedArrayBufferPrototype", new Prop(SABP, 0));

  // ---- Atomics ----
  const atomics = new JSObject(realm.ObjectPrototype);
  realm.global.props.set("Atomics", new Prop(atomics, PF.Hidden));

  /** ValidateIntegerTypedArray (25.4.3.1): the typed array, in bounds. */
  const integerArray = (vm: Agent, v: Value, waitable: boolean, name: string): TypedArrayObject => {
    const ok =
      v instanceof TypedArrayObject && (waitable ? WAITABLE_KINDS : INTEGER_KINDS).has(v.kind);
    if (!ok)
      vm.throwTypeError(
        `${atomicsSubject(v)} is not ${waitable ? "an int32 or BigInt64" : "an integer"} typed array.`,
      );
    const ta = v as TypedArrayObject;
    if (ta.outOfBounds()) detachedError(vm, name);
    return ta;
  };
  /** RevalidateAtomicAccess (25.4.3.4) after conversions that ran guest code. */
  const revalidate = (vm: Agent, ta: TypedArrayObject, i: number, name: string): HostTA => {
    if (ta.outOfBounds()) detachedError(vm, name);
    if (i >= ta.length) vm.throwError("RangeError", "Invalid atomic access index");
    return ta.host();
  };
  /** How an operand of `ta`'s elements is converted: ToBigInt, or ToIntegerOrInfinity. */
  const valueSpec = (ta: TypedArrayObject) => (ta.type.bigint ? "B" : "n");
  const operand = (ta: TypedArrayObject, v: Value): number | bigint =>
    ta.type.bigint ? (v as bigint) : toInteger(v as number);

  type Prepared = { ta: TypedArrayObject; i: number; ops: Value[] } | { tail: Value };
  /**
   * The first steps every operation shares, on args = [typedArray, index, ...operands]:
   * ValidateIntegerTypedArray; ValidateAtomicAccess against the length measured BEFORE
   * the index is converted (its valueOf may shrink or detach the buffer), so a bad
   * index is refused before any operand is converted; then the operands' conversions
   * (`spec`, one character each). A conversion that needs guest code comes back as the
   * tail call that makes it and calls the native again (with the measured length).
   */
  const prepare = (
    vm: Agent,
    self: NativeFunction,
    args: Value[],
    name: string,
    waitable: boolean,
    spec: (ta: TypedArrayObject) => string,
  ): Prepared => {
    const first = arg(args, 0);
    // Called again after a conversion: the array was validated then (and may have been
    // detached since, which only the operation's own revalidation may see).
    const again =
      first instanceof TypedArrayObject
        ? resumedLength(vm.realm, args, args.length - 2)
        : undefined;
    const ta =
      again === undefined ? integerArray(vm, first, waitable, name) : (first as TypedArrayObject);
    if (waitable && name !== "Atomics.notify" && !ta.buffer.shared)
      vm.throwTypeError(`${atomicsSubject(ta)} is not a shared typed array.`);
    const ops = spec(ta);
    const length = again ?? ta.length;
    const all = [ta, arg(args, 1)];
    for (let k = 0; k < ops.length; k++) all.push(arg(args, 2 + k));
    if (all[1] instanceof JSObject)
      return {
        tail: coerceCall(vm, vm.realm, self, undefined, all, "-n" + "-".repeat(ops.length), length),
      };
    const i = toIndex(vm, toNumberPrim(vm, all[1]), "Invalid atomic access index");
    if (i >= length) vm.throwError("RangeError", "Invalid atomic access index");
    all[1] = i;
    const a = convertArgs(vm, all, `--${ops}`);
    if (!a) return { tail: coerceCall(vm, vm.realm, self, undefined, all, `--${ops}`, length) };
    return { ta, i, ops: a.slice(2) };
  };

  type HostAtomic = (a: HostTA, i: number, v: number | bigint) => number | bigint;
  // Read at each call: a V8 startup snapshot is built without the host's Atomics (V8
  // installs it once the snapshot is deserialized).
  const host = () => Atomics as unknown as Record<string, HostAtomic>;
  method(realm, atomics, "Atomics", "load", 2, (vm, _t, args, _nt, self) => {
    const p = prepare(vm, self, args, "Atomics.load", false, () => "");
    if ("tail" in p) return p.tail;
    return revalidate(vm, p.ta, p.i, "Atomics.load")[p.i];
  });
  // store returns the value it was given (converted), not what the element became.
  method(realm, atomics, "Atomics", "store", 3, (vm, _t, args, _nt, self) => {
    const p = prepare(vm, self, args, "Atomics.store", false, valueSpec);
    if ("tail" in p) return p.tail;
    const v = operand(p.ta, p.ops[0]);
    host().store(revalidate(vm, p.ta, p.i, "Atomics.store"), p.i, v);
    return typeof v === "number" && v === 0 ? 0 : v;
  });
  // Read-modify-write operations return the element's old value.
  for (const op of ["add", "sub", "and", "or", "xor", "exchange"]) {
    const name = `Atomics.${op}`;
    method(realm, atomics, "Atomics", op, 3, (vm, _t, args, _nt, self) => {
      const p = prepare(vm, self, args, name, false, valueSpec);
      if ("tail" in p) return p.tail;
      const v = operand(p.ta, p.ops[0]);
      return host()[op](revalidate(vm, p.ta, p.i, name), p.i, v);
    });
  }
  method(realm, atomics, "Atomics", "compareExchange", 4, (vm, _t, args, _nt, self) => {
    const name = "Atomics.compareExchange";
    const p = prepare(vm, self, args, name, false, (ta) => valueSpec(ta).repeat(2));
    if ("tail" in p) return p.tail;
    const h = revalidate(vm, p.ta, p.i, name);
    type Cx = (a: HostTA, i: number, e: number | bigint, r: number | bigint) => number | bigint;
    const [expected, replacement] = [operand(p.ta, p.ops[0]), operand(p.ta, p.ops[1])];
    return (Atomics.compareExchange as unknown as Cx)(h, p.i, expected, replacement);
  });
  method(realm, atomics, "Atomics", "isLockFree", 1, (vm, _t, args, _nt, self) => {
    const a = convertArgs(vm, args, "n");
    if (!a) return coerceCall(vm, vm.realm, self, undefined, args, "n");
    const n = toInteger(a[0] as number);
    return n === 1 || n === 2 || n === 4 || n === 8;
  });

  /** DoWait's checks (25.4.3.14 steps 1–13): the element, and whether it holds `value`. */
  const waitSpec = (ta: TypedArrayObject) => `${valueSpec(ta)}e`;
  const waitState = (p: { ta: TypedArrayObject; i: number; ops: Value[] }) => {
    const { ta, i, ops } = p;
    const v = ta.type.bigint ? BigInt.asIntN(64, ops[0] as bigint) : (ops[0] as number) | 0;
    const t = ops[1] === undefined ? NaN : (ops[1] as number);
    const timeout = t !== t ? Infinity : Math.max(t, 0);
    return { timeout, equal: ta.host()[i] === v };
  };
  method(realm, atomics, "Atomics", "wait", 4, (vm, _t, args, _nt, self) => {
    const p = prepare(vm, self, args, "Atomics.wait", true, waitSpec);
    if ("tail" in p) return p.tail;
    const w = waitState(p);
    if (!w.equal) return "not-equal";
    // One agent: nothing can notify a synchronous waiter, so only its timeout ends it.
    if (w.timeout === Infinity) {
      const err = vm.makeError(
        "Error",
        "Atomics.wait would wait forever: no other agent shares this VM's memory to notify it",
      );
      err.props.set("code", new Prop("ERR_JAUNT_DEADLOCK", PF.Default));
      return vm.throwValue(err);
    }
    blockFor(vm, w.timeout);
    return "timed-out";
  });
  method(realm, atomics, "Atomics", "waitAsync", 4, (vm, _t, args, _nt, self) => {
    const p = prepare(vm, self, args, "Atomics.waitAsync", true, waitSpec);
    if ("tail" in p) return p.tail;
    const w = waitState(p);
    if (!w.equal || w.timeout === 0) {
      const result = vm.realm.newObject();
      result.setOwn("async", false);
      result.setOwn("value", w.equal ? "timed-out" : "not-equal");
      return result;
    }
    // A waiter in the realm's list (guest data, prelude/70-typedarray.js) until notify
    // wakes it or its timeout passes.
    const byteIndex = p.ta.byteOffset + p.i * p.ta.type.size;
    return vm.tailCall(preludeFn(vm.realm, "atomicsWaitAsync"), undefined, [
      p.ta.buffer,
      byteIndex,
      w.timeout,
    ]);
  });
  method(realm, atomics, "Atomics", "notify", 3, (vm, _t, args, _nt, self) => {
    const p = prepare(vm, self, args, "Atomics.notify", true, () => "e");
    if ("tail" in p) return p.tail;
    const c = p.ops[0] === undefined ? Infinity : Math.max(toInteger(p.ops[0] as number), 0);
    if (!p.ta.buffer.shared) return 0;
    const byteIndex = p.ta.byteOffset + p.i * p.ta.type.size;
    return vm.tailCall(preludeFn(vm.realm, "atomicsNotify"), undefined, [
      p.ta.buffer,
      byteIndex,
      c,
    ]);
  });
  atomics.props.set(wk.toStringTag, new Prop("Atomics", PF.Configurable));
}
