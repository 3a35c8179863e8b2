// ArrayBuffer and DataView (ECMA-262 25.1, 25.3). The objects live in vm/model/buffers.ts;
// this installs their constructors and prototypes. Whatever needs guest code
// (options objects, species constructors, valueOf of arguments) goes through the
// prelude (prelude/70-typedarray.js, `$.taCoerceCall`).

import { JSObject, PF, Prop, type NativeFunction } from "../model/object";
import { type Value } from "../model/value";
import { arg, getter, internalDefiner, makeNative, method } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { receiverText } from "./collections";
import {
  ArrayBufferObject,
  DataViewObject,
  MAX_BYTE_LENGTH,
  TypedArrayObject,
  f16Decode,
  f16Encode,
} from "../model/buffers";
import { coerceCall, convertArgs, toIndex, toNumberPrim } from "./conversions";
import { toBoolean } from "../model/operations";

function incompatible(vm: Agent, name: string, v: Value): never {
  return vm.throwTypeError(`Method ${name} called on incompatible receiver ${receiverText(v)}`);
}

export function detachedError(vm: Agent, name: string): never {
  return vm.throwTypeError(`Cannot perform ${name} on a detached ArrayBuffer`);
}

/** A new buffer, or V8's RangeError when it is too large. */
export function allocateBuffer(
  vm: Agent,
  proto: JSObject,
  byteLength: number,
  max = -1,
  shared = false,
): ArrayBufferObject {
  if (byteLength > MAX_BYTE_LENGTH || max > MAX_BYTE_LENGTH)
    vm.throwError("RangeError", "Array buffer allocation failed");
  return new ArrayBufferObject(proto, byteLength, max, shared);
}

/** The slow paths the prelude defines on `$` (they are looked up when needed). */
export function preludeFn(realm: Realm, name: string): Value {
  const f = realm.internals.props.get(name)?.value;
  if (!(f instanceof JSObject)) throw new Error(`jaunt: the prelude does not define $.${name}`);
  return f;
}

export function installArrayBuffer(realm: Realm): {
  ABP: JSObject;
  abCtor: NativeFunction;
} {
  const wk = realm.wellKnown;
  const $ = realm.internals;
  const internal = internalDefiner(realm);

  // ---- ArrayBuffer ----
  const ABP = new JSObject(realm.ObjectPrototype);
  realm.ArrayBufferPrototype = ABP;
  const abCtor = makeNative(
    realm,
    "ArrayBuffer",
    "ArrayBuffer",
    1,
    (vm, _t, args, newTarget) => {
      if (newTarget === undefined) vm.throwTypeError("Constructor ArrayBuffer requires 'new'");
      const proto = vm.prototypeFrom(newTarget as JSObject, vm.realm.ArrayBufferPrototype);
      const len = arg(args, 0);
      const opts = arg(args, 1);
      if (len instanceof JSObject || opts instanceof JSObject)
        return vm.tailCall(preludeFn(vm.realm, "abConstruct"), undefined, [proto, len, opts]);
      const n = toIndex(vm, toNumberPrim(vm, len), "Invalid array buffer length");
      return allocateBuffer(vm, proto, n);
    },
    { ctor: true },
  );
  abCtor.props.set("prototype", new Prop(ABP, 0));
  ABP.props.set("constructor", new Prop(abCtor, PF.Hidden));
  realm.global.props.set("ArrayBuffer", new Prop(abCtor, PF.Hidden));
  method(realm, abCtor, "ArrayBuffer", "isView", 1, (_vm, _t, args) => {
    const v = arg(args, 0);
    return v instanceof TypedArrayObject || v instanceof DataViewObject;
  });
  getter(realm, abCtor, "ArrayBuffer", wk.species, (_vm, t) => t);
  const thisAB = (vm: Agent, t: Value, name: string): ArrayBufferObject =>
    t instanceof ArrayBufferObject && !t.shared ? t : incompatible(vm, name, t);
  defineBufferBasics(realm, ABP, "ArrayBuffer", thisAB);
  placeholder(ABP, "transfer");
  placeholder(ABP, "transferToFixedLength");
  getter(
    realm,
    ABP,
    "ArrayBuffer.prototype",
    "detached",
    (vm, t) => thisAB(vm, t, "get ArrayBuffer.prototype.detached").detached,
  );
  ABP.props.set(wk.toStringTag, new Prop("ArrayBuffer", PF.Configurable));

  // ---- DataView ----
  const DVP = new JSObject(realm.ObjectPrototype);
  realm.DataViewPrototype = DVP;
  const dvCtor = makeNative(
    realm,
    "DataView",
    "DataView",
    1,
    (vm, _t, args, newTarget) => {
      if (newTarget === undefined) vm.throwTypeError("Constructor DataView requires 'new'");
      const buffer = arg(args, 0);
      if (!(buffer instanceof ArrayBufferObject))
        return vm.throwTypeError("First argument to DataView constructor must be an ArrayBuffer");
      const proto = vm.prototypeFrom(newTarget as JSObject, vm.realm.DataViewPrototype);
      const a = convertArgs(vm, args, "-ne");
      if (!a)
        return vm.tailCall(preludeFn(vm.realm, "dvConstruct"), undefined, [
          proto,
          buffer,
          arg(args, 1),
          arg(args, 2),
        ]);
      return createDataView(vm, proto, buffer, a[1] as number, a[2] as number | undefined);
    },
    { ctor: true },
  );
  dvCtor.props.set("prototype", new Prop(DVP, 0));
  DVP.props.set("constructor", new Prop(dvCtor, PF.Hidden));
  realm.global.props.set("DataView", new Prop(dvCtor, PF.Hidden));
  // V8 names no receiver for DataView methods ("…incompatible receiver undefined").
  const thisDV = (vm: Agent, t: Value, name: string): DataViewObject =>
    t instanceof DataViewObject ? t : incompatible(vm, name, undefined);
  getter(realm, DVP, "DataView.prototype", "buffer", (vm, t) => {
    return thisDV(vm, t, "get DataView.prototype.buffer").buffer;
  });
  getter(realm, DVP, "DataView.prototype", "byteLength", (vm, t) => {
    const name = "get DataView.prototype.byte_length";
    const v = thisDV(vm, t, name);
    if (v.outOfBounds()) detachedError(vm, name);
    return v.byteLength;
  });
  getter(realm, DVP, "DataView.prototype", "byteOffset", (vm, t) => {
    const name = "get DataView.prototype.byte_offset";
    const v = thisDV(vm, t, name);
    if (v.outOfBounds()) detachedError(vm, name);
    return v.byteOffset;
  });
  const accessors: [string, number][] = [
    ["Int8", 1],
    ["Uint8", 1],
    ["Int16", 2],
    ["Uint16", 2],
    ["Int32", 4],
    ["Uint32", 4],
    ["Float16", 2],
    ["Float32", 4],
    ["Float64", 8],
    ["BigInt64", 8],
    ["BigUint64", 8],
  ];
  /** The host DataView over the view's bytes and the checked position of an access. */
  const access = (vm: Agent, v: DataViewObject, index: number, size: number, name: string) => {
    const i = toIndex(vm, index, "Offset is outside the bounds of the DataView");
    if (v.outOfBounds()) detachedError(vm, name);
    if (i + size > v.byteLength)
      vm.throwError("RangeError", "Offset is outside the bounds of the DataView");
    const d = v.buffer.data;
    return { dv: new DataView(d.buffer, d.byteOffset + v.byteOffset), at: i };
  };
  for (const [type, size] of accessors) {
    const big = type.startsWith("Big");
    const getName = `DataView.prototype.get${type}`;
    method(realm, DVP, "DataView.prototype", `get${type}`, 1, (vm, t, args, _nt, self) => {
      const v = thisDV(vm, t, getName);
      const a = convertArgs(vm, args, "n");
      if (!a) return coerceCall(vm, vm.realm, self, t, args, "n");
      const le = toBoolean(arg(a, 1));
      const { dv, at } = access(vm, v, arg(a, 0) as number, size, getName);
      if (type === "Float16") return f16Decode(dv.getUint16(at, le));
      return (dv as unknown as Record<string, (i: number, le: boolean) => number | bigint>)[
        `get${type}`
      ](at, le);
    });
    const setName = `DataView.prototype.set${type}`;
    const spec = big ? "nB" : "nN";
    method(realm, DVP, "DataView.prototype", `set${type}`, 2, (vm, t, args, _nt, self) => {
      const v = thisDV(vm, t, setName);
      const full = [arg(args, 0), arg(args, 1), ...args.slice(2)];
      const a = convertArgs(vm, full, spec);
      if (!a) return coerceCall(vm, vm.realm, self, t, full, spec);
      const le = toBoolean(arg(a, 2));
      const { dv, at } = access(vm, v, a[0] as number, size, setName);
      if (type === "Float16") dv.setUint16(at, f16Encode(a[1] as number), le);
      else
        (dv as unknown as Record<string, (i: number, x: Value, le: boolean) => void>)[`set${type}`](
          at,
          a[1],
          le,
        );
      return undefined;
    });
  }
  DVP.props.set(wk.toStringTag, new Prop("DataView", PF.Configurable));

  // ---- internals for the prelude ----
  internal("isArrayBuffer", 1, "-", (_vm, _t, args) => arg(args, 0) instanceof ArrayBufferObject);
  // $.abCreate(proto, length, maxLength, shared): an ArrayBuffer, or a SharedArrayBuffer.
  internal("abCreate", 4, "onn?-", (vm, _t, args) => {
    // Lengths already converted to numbers by the prelude.
    const n = toIndex(vm, args[1] as number, "Invalid array buffer length");
    let max = -1;
    if (args[2] !== undefined) {
      max = toIndex(vm, args[2] as number, "Invalid array buffer max length");
      if (n > max) vm.throwError("RangeError", "Invalid array buffer max length");
    }
    return allocateBuffer(vm, args[0] as JSObject, n, max, args[3] === true);
  });
  // $.abRequire(buffer, name, mustBeAttached, shared?): the buffer's length, or a TypeError
  // when it is not a buffer (of that kind, when `shared` is given).
  internal("abRequire", 4, "-", (vm, _t, args) => {
    const b = arg(args, 0);
    if (!(b instanceof ArrayBufferObject) || (args[3] !== undefined && b.shared !== args[3]))
      incompatible(vm, String(args[1]), b);
    if (args[2] && b.detached) detachedError(vm, String(args[1]));
    return b.byteLength;
  });
  // slice's result check and copy (25.1.6.7 steps 15–24).
  internal("abSliceInto", 4, ["c-ii", ArrayBufferObject], (vm, _t, args) => {
    const [src, dst, first, count] = args as [ArrayBufferObject, Value, number, number];
    const name = src.shared ? "SharedArrayBuffer.prototype.slice" : "ArrayBuffer.prototype.slice";
    if (!(dst instanceof ArrayBufferObject) || dst.shared !== src.shared)
      return incompatible(vm, name, dst);
    if (dst.detached) detachedError(vm, name);
    if (dst === src)
      vm.throwTypeError("ArrayBuffer subclass returned this from species constructor");
    if (dst.byteLength < count)
      vm.throwTypeError("Derived ArrayBuffer constructor created a buffer which was too small");
    if (src.detached) detachedError(vm, name);
    const end = Math.min(first + count, src.byteLength);
    if (end > first) dst.data.set(src.data.subarray(first, end));
    return dst;
  });
  internal("abTransfer", 3, ["ci", ArrayBufferObject], (vm, _t, args) => {
    const [b, n, keep] = args as [ArrayBufferObject, number, boolean];
    const name = keep
      ? "ArrayBuffer.prototype.transfer"
      : "ArrayBuffer.prototype.transferToFixedLength";
    if (b.detached) detachedError(vm, name);
    const max = keep && b.maxByteLength >= 0 ? b.maxByteLength : -1;
    if (max >= 0 && n > max) vm.throwError("RangeError", `${name}: Invalid length parameter`);
    const out = allocateBuffer(vm, vm.realm.ArrayBufferPrototype, n, max);
    out.data.set(b.data.subarray(0, Math.min(n, b.byteLength)));
    b.detach();
    return out;
  });
  internal("abDetach", 1, "-", (vm, _t, args) => {
    const b = arg(args, 0);
    if (!(b instanceof ArrayBufferObject)) return vm.throwTypeError("not an ArrayBuffer");
    if (b.shared) return vm.throwTypeError("A SharedArrayBuffer cannot be detached");
    b.detach();
    return null;
  });
  internal("dvCreate", 4, ["ocnn?", ArrayBufferObject], (vm, _t, args) =>
    createDataView(
      vm,
      args[0] as JSObject,
      args[1] as ArrayBufferObject,
      args[2] as number,
      args[3] as number | undefined,
    ),
  );
  $.props.set("ArrayBufferPrototype", new Prop(ABP, 0));

  return { ABP, abCtor };
}

/** The DataView constructor after its arguments became numbers (25.3.2.1). */
function createDataView(
  vm: Agent,
  proto: JSObject,
  buffer: ArrayBufferObject,
  byteOffset: number,
  byteLength: number | undefined,
): DataViewObject {
  const offset = toIndex(
    vm,
    byteOffset,
    `Start offset ${byteOffset} is outside the bounds of the buffer`,
  );
  if (buffer.detached) detachedError(vm, "DataView constructor");
  const bufLen = buffer.byteLength;
  if (offset > bufLen)
    vm.throwError("RangeError", `Start offset ${offset} is outside the bounds of the buffer`);
  let len: number;
  if (byteLength === undefined) len = buffer.maxByteLength >= 0 ? -1 : bufLen - offset;
  else {
    len = toIndex(vm, byteLength, `Invalid DataView length ${byteLength}`);
    if (offset + len > bufLen) vm.throwError("RangeError", `Invalid DataView length ${byteLength}`);
  }
  return new DataViewObject(proto, buffer, offset, len);
}

/**
 * What ArrayBuffer.prototype and SharedArrayBuffer.prototype have alike, in V8's order:
 * byteLength, slice (the prelude's), maxByteLength, resizable/growable and
 * resize/grow (a SharedArrayBuffer only grows; neither works on a fixed-length buffer).
 */
export function defineBufferBasics(
  realm: Realm,
  P: JSObject,
  ctorName: "ArrayBuffer" | "SharedArrayBuffer",
  thisBuffer: (vm: Agent, t: Value, name: string) => ArrayBufferObject,
): void {
  const path = `${ctorName}.prototype`;
  const shared = ctorName === "SharedArrayBuffer";
  getter(
    realm,
    P,
    path,
    "byteLength",
    (vm, t) => thisBuffer(vm, t, `get ${path}.byteLength`).byteLength,
  );
  placeholder(P, "slice");
  getter(realm, P, path, "maxByteLength", (vm, t) => {
    const b = thisBuffer(vm, t, `get ${path}.maxByteLength`);
    return b.maxByteLength >= 0 ? b.maxByteLength : b.byteLength;
  });
  const flexible = shared ? "growable" : "resizable";
  getter(
    realm,
    P,
    path,
    flexible,
    (vm, t) => thisBuffer(vm, t, `get ${path}.${flexible}`).maxByteLength >= 0,
  );
  const method = shared ? "grow" : "resize";
  const name = `${path}.${method}`;
  const f = makeNative(realm, name, method, 1, (vm, t, args, _nt, self) => {
    const b = thisBuffer(vm, t, name);
    if (b.maxByteLength < 0) incompatible(vm, name, t);
    const a = convertArgs(vm, args, "n");
    if (!a) return coerceCall(vm, vm.realm, self, t, args, "n");
    const n = toIndex(vm, a[0] as number, `${name}: Invalid length parameter`);
    if (b.detached) detachedError(vm, name);
    if (n > b.maxByteLength || (shared && n < b.byteLength))
      vm.throwError("RangeError", `${name}: Invalid length parameter`);
    if (!shared || n > b.byteLength) b.resize(n);
    return undefined;
  });
  P.props.set(method, new Prop(f, PF.Hidden));
}

/** A slot for a method the prelude defines, so that property order matches V8's. */
export function placeholder(obj: JSObject, name: string): void {
  obj.props.set(name, new Prop(undefined, PF.Hidden));
}
