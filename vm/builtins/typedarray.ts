// %TypedArray% and the eleven (twelve with Float16Array) typed array constructors
// (ECMA-262 23.2). Natives here do the work that never calls guest code; methods
// taking callbacks or comparators, from/of, and constructors consuming iterables
// or array-likes are self-hosted (prelude/70-typedarray.js) over the `$.ta*`
// internals defined at the end.

import {
  ArrayObject,
  JSObject,
  PF,
  Prop,
  type NativeFunction,
  type NativeImpl,
  isCallable,
} from "../model/object";
import { EMPTY, type Value, type PropertyKey } from "../model/value";
import { arg, ctorPrototype, getter, internalDefiner, isBuiltin, makeNative } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import {
  ArrayBufferObject,
  ELEMENT_TYPES,
  TypedArrayObject,
  f16Decode,
  f16Encode,
  f16Round,
  canonicalNumeric,
} from "../model/buffers";
import {
  coerceCall,
  convertArgs,
  relative,
  resumedLength,
  toBigIntPrim,
  toIndex,
  toInteger,
  toNumberPrim,
} from "./conversions";
import {
  allocateBuffer,
  detachedError,
  installArrayBuffer,
  placeholder,
  preludeFn,
} from "./arraybuffer";
import { makeArrayIterator } from "./array";
import { installEncoding } from "./encoding";
import { runWork } from "./work";
import { SORT_SLICED_LENGTH, TypedArrayJoinWork, TypedArraySortWork } from "./typedarray-work";
import { Bulk, TypedArrayBulkWork, bulkCopyable, bulkSliced } from "./typedarray-bulk-work";

const NOT_TA = "this is not a typed array.";
const MIX = "Cannot mix BigInt and other types, use explicit conversions";

export function installTypedArrays(realm: Realm): void {
  const wk = realm.wellKnown;
  const $ = realm.internals;
  installArrayBuffer(realm);
  const internal = internalDefiner(realm);
  // Argument signatures (see defineInternal in util.ts).
  const N_KINDS = ELEMENT_TYPES.length;
  const IS_TA = ["c", TypedArrayObject] as const;
  const KIND = ["r", N_KINDS] as const;
  const SET_TA = ["ccu", TypedArrayObject, TypedArrayObject] as const;
  const COPY_TA = ["cicn", TypedArrayObject, TypedArrayObject] as const;
  const FROM_BUFFER = ["rocnn?", N_KINDS, ArrayBufferObject] as const;

  // ---- %TypedArray% ----
  const TAP = new JSObject(realm.ObjectPrototype);
  const TA = makeNative(
    realm,
    "%TypedArray%",
    "TypedArray",
    0,
    (vm) => vm.throwTypeError("Abstract class TypedArray not directly constructable"),
    { ctor: true },
  );
  TA.props.set("prototype", new Prop(TAP, 0));
  placeholder(TA, "from");
  placeholder(TA, "of");
  const species = getter(realm, TA, "%TypedArray%", wk.species, (_vm, t) => t);
  TAP.props.set("constructor", new Prop(TA, PF.Hidden));

  /** ValidateTypedArray: the array and its length, or a TypeError. */
  const validate = (vm: Agent, t: Value, name: string): [TypedArrayObject, number] => {
    if (!(t instanceof TypedArrayObject)) return vm.throwTypeError(NOT_TA);
    if (t.outOfBounds()) detachedError(vm, name);
    return [t, t.length];
  };
  const P = "%TypedArray%.prototype";
  /** validate(), or on the call after argument conversion the length measured before it. */
  const measure = (
    vm: Agent,
    t: Value,
    args: Value[],
    spec: string,
    name: string,
  ): [TypedArrayObject, number] => {
    const n = resumedLength(vm.realm, args, spec.length);
    return n === undefined ? validate(vm, t, name) : [t as TypedArrayObject, n];
  };
  const def = (obj: JSObject, path: string, name: string, length: number, impl: NativeImpl) => {
    const f = makeNative(realm, `${path}.${name}`, name, length, impl);
    obj.props.set(name, new Prop(f, PF.Hidden));
    return f;
  };

  getter(realm, TAP, P, "buffer", (vm, t) =>
    t instanceof TypedArrayObject ? t.buffer : incompatibleGetter(vm, "buffer", t),
  );
  getter(realm, TAP, P, "byteLength", (vm, t) =>
    t instanceof TypedArrayObject ? t.byteLength : incompatibleGetter(vm, "byteLength", t),
  );
  getter(realm, TAP, P, "byteOffset", (vm, t) => {
    if (!(t instanceof TypedArrayObject)) return incompatibleGetter(vm, "byteOffset", t);
    return t.outOfBounds() ? 0 : t.byteOffset;
  });
  getter(realm, TAP, P, "length", (vm, t) =>
    t instanceof TypedArrayObject ? t.length : incompatibleGetter(vm, "length", t),
  );
  getter(realm, TAP, P, wk.toStringTag, (_vm, t) =>
    t instanceof TypedArrayObject ? t.type.name : undefined,
  );

  def(TAP, P, "at", 1, (vm, t, args, _nt, self) => {
    const [o, len] = measure(vm, t, args, "n", `${P}.at`);
    const a = convertArgs(vm, args, "n");
    if (!a) return coerceCall(vm, vm.realm, self, t, args, "n", len);
    let k = toInteger(a[0] as number);
    if (k < 0) k += len;
    return k < 0 || k >= len ? undefined : o.get(k);
  });
  def(TAP, P, "copyWithin", 2, (vm, t, args, _nt, self) => {
    const name = `${P}.copyWithin`;
    const [, len] = measure(vm, t, args, "nne", name);
    const a = convertArgs(vm, args, "nne");
    if (!a) return coerceCall(vm, vm.realm, self, t, args, "nne", len);
    const o = t as TypedArrayObject;
    const to = relative(a[0] as number, len);
    const from = relative(arg(a, 1) as number, len);
    const fin = a[2] === undefined ? len : relative(a[2] as number, len);
    let count = Math.min(fin - from, len - to);
    if (count > 0) {
      if (o.outOfBounds()) detachedError(vm, name);
      const cur = o.length;
      count = Math.min(count, cur - from, cur - to);
      if (count > 0 && bulkSliced(o, count))
        return runWork(vm, new TypedArrayBulkWork(Bulk.Move, o, to, 0, count, o, from, o));
      if (count > 0) o.host().copyWithin(to, from, from + count);
    }
    return o;
  });
  const iter = (kind: number, name: string) =>
    def(TAP, P, name, 0, (vm, t) => {
      validate(vm, t, `${P}.${name}`);
      return makeArrayIterator(vm.realm, t, kind);
    });
  iter(2, "entries");
  placeholder(TAP, "every");
  def(TAP, P, "fill", 1, (vm, t, args, _nt, self) => {
    const name = `${P}.fill`;
    const spec = t instanceof TypedArrayObject && t.type.bigint ? "Bne" : "Nne";
    const [o, len] = measure(vm, t, args, spec, name);
    const full = [arg(args, 0), ...args.slice(1)];
    const a = convertArgs(vm, full, spec);
    if (!a) return coerceCall(vm, vm.realm, self, t, full, spec, len);
    let k = relative(arg(a, 1) as number, len);
    let fin = a[2] === undefined ? len : relative(a[2] as number, len);
    if (o.outOfBounds()) detachedError(vm, name);
    const cur = o.length;
    fin = Math.min(fin, cur);
    k = Math.min(k, fin);
    const v = a[0] as number | bigint;
    const value = o.type.f16 ? f16Encode(v as number) : v;
    if (bulkSliced(o, fin - k))
      return runWork(vm, new TypedArrayBulkWork(Bulk.Fill, o, value, k, fin));
    const h = o.host();
    (h as unknown as { fill(v: number | bigint, s: number, e: number): void }).fill(value, k, fin);
    return o;
  });
  placeholder(TAP, "filter");
  placeholder(TAP, "find");
  placeholder(TAP, "findIndex");
  placeholder(TAP, "findLast");
  placeholder(TAP, "findLastIndex");
  placeholder(TAP, "forEach");
  const search = (mode: "includes" | "indexOf" | "lastIndexOf") =>
    def(TAP, P, mode, 1, (vm, t, args, _nt, self) => {
      const [o, len] = measure(vm, t, args, "-n", `${P}.${mode}`);
      if (len === 0) return mode === "includes" ? false : -1;
      const a = convertArgs(vm, args, "-n");
      if (!a) return coerceCall(vm, vm.realm, self, t, args, "-n", len);
      const target = arg(a, 0);
      const cur = o.length;
      if (!o.type.f16) return hostSearch(vm, o, mode, target, a, len);
      if (mode === "lastIndexOf") {
        let k = a.length > 1 ? toInteger(a[1] as number) : len - 1;
        k = k >= 0 ? Math.min(k, len - 1) : len + k;
        for (; k >= 0; k--) if (k < cur && o.get(k) === target) return k;
        return -1;
      }
      let k = a.length > 1 ? toInteger(a[1] as number) : 0;
      if (k >= len) return mode === "includes" ? false : -1;
      if (k < 0) k = Math.max(0, len + k);
      if (mode === "indexOf") {
        if (typeof target !== "number" && typeof target !== "bigint") return -1;
        for (; k < cur; k++) if (o.get(k) === target) return k;
        return -1;
      }
      // includes: SameValueZero, and undefined matches elements past a shrunk length.
      for (; k < len; k++) {
        const e = k < cur ? o.get(k) : undefined;
        if (e === target || (e !== e && target !== target)) return true;
      }
      return false;
    });
  search("includes");
  search("indexOf");
  def(TAP, P, "join", 1, (vm, t, args, _nt, self) => {
    const [o, len] = measure(vm, t, args, "s", `${P}.join`);
    const a = convertArgs(vm, args, "s");
    if (!a) return coerceCall(vm, vm.realm, self, t, args, "s", len);
    const sep = a[0] === undefined ? "," : (a[0] as string);
    return runWork(vm, new TypedArrayJoinWork(o, sep, len));
  });
  iter(0, "keys");
  search("lastIndexOf");
  placeholder(TAP, "map");
  placeholder(TAP, "reduce");
  placeholder(TAP, "reduceRight");
  def(TAP, P, "reverse", 0, (vm, t) => {
    const [o, len] = validate(vm, t, `${P}.reverse`);
    if (bulkSliced(o, len))
      return runWork(vm, new TypedArrayBulkWork(Bulk.Reverse, o, undefined, 0, len));
    o.host().reverse();
    return o;
  });
  def(TAP, P, "set", 1, (vm, t, args, _nt, self) => {
    if (!(t instanceof TypedArrayObject)) return vm.throwTypeError(NOT_TA);
    const a = convertArgs(vm, args, "-n");
    if (!a) return coerceCall(vm, vm.realm, self, t, args, "-n");
    const offset = toInteger(arg(a, 1) as number);
    if (offset < 0) vm.throwError("RangeError", "offset is out of bounds");
    const src = arg(a, 0);
    if (src instanceof TypedArrayObject) return setFromTypedArray(vm, t, src, offset);
    return vm.tailCall(preludeFn(vm.realm, "taSetArrayLike"), undefined, [t, src, offset]);
  });
  def(TAP, P, "slice", 2, (vm, t, args, _nt, self) => {
    const name = `${P}.slice`;
    const [o, len] = measure(vm, t, args, "ne", name);
    const a = convertArgs(vm, args, "ne");
    if (!a) return coerceCall(vm, vm.realm, self, t, args, "ne", len);
    const start = relative(arg(a, 0) as number, len);
    const fin = a[1] === undefined ? len : relative(a[1] as number, len);
    const count = Math.max(fin - start, 0);
    if (!defaultSpecies(vm, o))
      return vm.tailCall(preludeFn(vm.realm, "taSliceSpecies"), undefined, [o, start, count]);
    const out = create(vm, o.kind, undefined, count);
    if (count > 0) {
      if (o.outOfBounds()) detachedError(vm, name);
      const n = Math.min(count, o.length - start);
      if (bulkSliced(o, n) && bulkCopyable(o, out))
        return runWork(vm, new TypedArrayBulkWork(Bulk.Copy, out, 0, 0, n, o, start, out));
      copyElements(o, start, out, n);
    }
    return out;
  });
  placeholder(TAP, "some");
  def(TAP, P, "sort", 1, (vm, t, args) => {
    const cmp = arg(args, 0);
    if (cmp !== undefined && !(cmp instanceof JSObject && isCallableValue(cmp)))
      vm.throwTypeError("The comparison function must be either a function or undefined");
    const [o] = validate(vm, t, `${P}.sort`);
    if (cmp !== undefined)
      return vm.tailCall(preludeFn(vm.realm, "taSortWith"), undefined, [o, cmp, false]);
    return sortDefault(vm, o);
  });
  def(TAP, P, "subarray", 2, (vm, t, args, _nt, self) => {
    if (!(t instanceof TypedArrayObject)) return vm.throwTypeError(NOT_TA);
    const resumed = resumedLength(vm.realm, args, 2);
    const len = resumed ?? t.length;
    const a = convertArgs(vm, args, "ne");
    if (!a) return coerceCall(vm, vm.realm, self, t, args, "ne", len);
    const begin = relative(arg(a, 0) as number, len);
    const tracking = t.fixedLength < 0 && a[1] === undefined;
    const fin = a[1] === undefined ? len : relative(a[1] as number, len);
    const size = t.type.size;
    const byteOffset = t.byteOffset + begin * size;
    const newLength = tracking ? undefined : Math.max(fin - begin, 0);
    if (!defaultSpecies(vm, t))
      return vm.tailCall(preludeFn(vm.realm, "taSubarraySpecies"), undefined, [
        t,
        t.buffer,
        byteOffset,
        newLength,
      ]);
    return fromBuffer(vm, t.kind, protoOf(vm, t.kind), t.buffer, byteOffset, newLength);
  });
  placeholder(TAP, "toLocaleString");
  def(TAP, P, "toReversed", 0, (vm, t) => {
    const [o, len] = validate(vm, t, `${P}.toReversed`);
    const out = create(vm, o.kind, undefined, len);
    const src = o.host();
    const dst = out.host();
    for (let i = 0; i < len; i++) dst[i] = src[len - 1 - i];
    return out;
  });
  def(TAP, P, "toSorted", 1, (vm, t, args) => {
    const cmp = arg(args, 0);
    if (cmp !== undefined && !(cmp instanceof JSObject && isCallableValue(cmp)))
      vm.throwTypeError("The comparison function must be either a function or undefined");
    const [o, len] = validate(vm, t, `${P}.toSorted`);
    const out = create(vm, o.kind, undefined, len);
    out.host().set(o.host() as never);
    if (cmp !== undefined)
      return vm.tailCall(preludeFn(vm.realm, "taSortWith"), undefined, [out, cmp, true]);
    return sortDefault(vm, out);
  });
  // toString is Array.prototype.toString itself (23.2.3.32); the prelude defines both.
  placeholder(TAP, "toString");
  const values = iter(1, "values");
  def(TAP, P, "with", 2, (vm, t, args, _nt, self) => {
    const spec = t instanceof TypedArrayObject && t.type.bigint ? "nB" : "nN";
    const [o, len] = measure(vm, t, args, spec, `${P}.with`);
    const full = [arg(args, 0), arg(args, 1), ...args.slice(2)];
    const a = convertArgs(vm, full, spec);
    if (!a) return coerceCall(vm, vm.realm, self, t, full, spec, len);
    const rel = toInteger(a[0] as number);
    const actual = rel >= 0 ? rel : len + rel;
    if (!o.isValidIndex(actual)) vm.throwError("RangeError", "Invalid typed array index");
    const out = create(vm, o.kind, undefined, len);
    const cur = o.length;
    for (let k = 0; k < len; k++) {
      const v = k === actual ? (a[1] as number | bigint) : k < cur ? o.get(k) : undefined;
      if (v !== undefined) out.set(k, v as number | bigint);
    }
    return out;
  });
  TAP.props.set(wk.iterator, new Prop(values, PF.Hidden));

  // ---- the constructors ----
  const ctors = realm.typedArrayConstructors;
  const protos = realm.typedArrayPrototypes;
  ELEMENT_TYPES.forEach((type, kind) => {
    const proto = new JSObject(TAP);
    const ctor = makeNative(
      realm,
      type.name,
      type.name,
      3,
      (vm, _t, args, newTarget, self) => {
        if (newTarget === undefined) vm.throwTypeError(`Constructor ${type.name} requires 'new'`);
        const p = vm.prototypeFrom(newTarget as JSObject, ctorPrototype(self));
        return construct(vm, kind, p, args);
      },
      { ctor: true, proto: TA },
    );
    ctor.props.set("prototype", new Prop(proto, 0));
    ctor.props.set("BYTES_PER_ELEMENT", new Prop(type.size, 0));
    proto.props.set("constructor", new Prop(ctor, PF.Hidden));
    proto.props.set("BYTES_PER_ELEMENT", new Prop(type.size, 0));
    realm.global.props.set(type.name, new Prop(ctor, PF.Hidden));
    ctors.push(ctor);
    protos.push(proto);
  });
  const protoOf = (vm: Agent, kind: number) => vm.realm.typedArrayPrototypes[kind];

  // Math.f16round (ES2025).
  const MathObj = realm.global.props.get("Math")!.value as JSObject;
  const f16r = makeNative(
    realm,
    "Math.f16round",
    "f16round",
    1,
    (_vm, _t, args) => f16Round(args.length ? (args[0] as number) : NaN),
    { coerce: "n" },
  );
  MathObj.props.set("f16round", new Prop(f16r, PF.Hidden));

  /** Whether `o.constructor[Symbol.species]` is, without running guest code, o's own constructor. */
  function defaultSpecies(vm: Agent, o: TypedArrayObject): boolean {
    const ctor = vm.realm.typedArrayConstructors[o.kind];
    const c = findProp(o, "constructor");
    if (!c || c.flags & PF.Accessor || c.value !== ctor) return false;
    const s = findProp(ctor, wk.species);
    return !!s && s.getter === species;
  }

  /** A new typed array of `kind` with a fresh buffer (AllocateTypedArray with a length). */
  function create(
    vm: Agent,
    kind: number,
    proto: JSObject | undefined,
    length: number,
  ): TypedArrayObject {
    const size = ELEMENT_TYPES[kind].size;
    if (length * size > 2 ** 32)
      vm.throwError("RangeError", `Invalid typed array length: ${length}`);
    const buf = allocateBuffer(vm, vm.realm.ArrayBufferPrototype, length * size);
    return new TypedArrayObject(proto ?? vm.realm.typedArrayPrototypes[kind], kind, buf, 0, length);
  }

  /** InitializeTypedArrayFromArrayBuffer (23.2.5.1.3) with numeric offset/length. */
  function fromBuffer(
    vm: Agent,
    kind: number,
    proto: JSObject,
    buffer: ArrayBufferObject,
    byteOffset: number,
    length: number | undefined,
  ): TypedArrayObject {
    const type = ELEMENT_TYPES[kind];
    const offset = toIndex(
      vm,
      byteOffset,
      `Start offset ${byteOffset} is outside the bounds of the buffer`,
    );
    if (offset % type.size !== 0)
      vm.throwError(
        "RangeError",
        `start offset of ${type.name} should be a multiple of ${type.size}`,
      );
    let newLength = 0;
    if (length !== undefined)
      newLength = toIndex(vm, length, `Invalid typed array length: ${length}`);
    if (buffer.detached) detachedError(vm, "Construct");
    const bufLen = buffer.byteLength;
    if (length === undefined && buffer.maxByteLength >= 0) {
      if (offset > bufLen)
        vm.throwError("RangeError", `Start offset ${offset} is outside the bounds of the buffer`);
      return new TypedArrayObject(proto, kind, buffer, offset, -1);
    }
    if (length === undefined) {
      if (bufLen % type.size !== 0)
        vm.throwError(
          "RangeError",
          `byte length of ${type.name} should be a multiple of ${type.size}`,
        );
      if (bufLen - offset < 0)
        vm.throwError("RangeError", `Start offset ${offset} is outside the bounds of the buffer`);
      newLength = (bufLen - offset) / type.size;
    } else if (offset + newLength * type.size > bufLen)
      vm.throwError("RangeError", `Invalid typed array length: ${newLength}`);
    return new TypedArrayObject(proto, kind, buffer, offset, newLength);
  }

  function construct(vm: Agent, kind: number, proto: JSObject, args: Value[]): Value {
    const first = arg(args, 0);
    const type = ELEMENT_TYPES[kind];
    if (!(first instanceof JSObject)) {
      const n = toIndex(
        vm,
        toNumberPrim(vm, first),
        `Invalid typed array length: ${String(first)}`,
      );
      return create(vm, kind, proto, n);
    }
    if (first instanceof ArrayBufferObject) {
      const a = convertArgs(vm, args, "-ne");
      if (!a)
        return vm.tailCall(preludeFn(vm.realm, "taConstructBuffer"), undefined, [
          kind,
          proto,
          first,
          arg(args, 1),
          arg(args, 2),
        ]);
      return fromBuffer(vm, kind, proto, first, arg(a, 1) as number, a[2] as number | undefined);
    }
    if (first instanceof TypedArrayObject) {
      if (first.outOfBounds()) detachedError(vm, "Construct");
      if (first.type.bigint !== type.bigint) vm.throwTypeError(MIX);
      const len = first.length;
      const out = create(vm, kind, proto, len);
      copyElements(first, 0, out, len);
      return out;
    }
    // A plain array of numbers (bigints) with the built-in iterator: no guest code.
    if (first instanceof ArrayObject && first.elems && plainIteration(vm, first)) {
      const elems = first.elems;
      if (elems.every((e) => (type.bigint ? typeof e === "bigint" : typeof e === "number"))) {
        const out = create(vm, kind, proto, elems.length);
        for (let i = 0; i < elems.length; i++) out.set(i, elems[i] as number | bigint);
        return out;
      }
    }
    return vm.tailCall(preludeFn(vm.realm, "taConstructObject"), undefined, [kind, proto, first]);
  }

  function plainIteration(vm: Agent, a: ArrayObject): boolean {
    return (
      vm.getData(a, wk.iterator) === vm.realm.ArrayProtoValues &&
      isBuiltin(
        vm.getData(vm.realm.ArrayIteratorPrototype, "next"),
        "%ArrayIteratorPrototype%.next",
      ) &&
      !a.elems!.includes(EMPTY)
    );
  }

  function setFromTypedArray(
    vm: Agent,
    target: TypedArrayObject,
    src: TypedArrayObject,
    offset: number,
  ): Value {
    const name = `${P}.set`;
    if (target.outOfBounds()) detachedError(vm, name);
    const targetLen = target.length;
    if (src.outOfBounds()) detachedError(vm, name);
    const srcLen = src.length;
    if (target.type.bigint !== src.type.bigint) vm.throwTypeError(MIX);
    if (offset === Infinity || srcLen + offset > targetLen)
      vm.throwError("RangeError", "offset is out of bounds");
    if (bulkSliced(src, srcLen) && bulkCopyable(src, target))
      return runWork(vm, new TypedArrayBulkWork(Bulk.Copy, target, offset, 0, srcLen, src, 0));
    if (bulkSliced(src, srcLen) && src.buffer === target.buffer && src.kind === target.kind)
      return runWork(vm, new TypedArrayBulkWork(Bulk.Move, target, offset, 0, srcLen, src, 0));
    if (bulkSliced(src, srcLen) && src.buffer === target.buffer) {
      // Between element types over one buffer the source is read as it was before the
      // set: copy it aside (a scratch array the guest never sees), then convert from there.
      const scratch = create(vm, src.kind, undefined, srcLen);
      if (bulkCopyable(scratch, target)) {
        const convert = new TypedArrayBulkWork(Bulk.Copy, target, offset, 0, srcLen, scratch, 0);
        const aside = new TypedArrayBulkWork(Bulk.Copy, scratch, 0, 0, srcLen, src, 0);
        aside.then = convert;
        return runWork(vm, aside);
      }
    }
    copyElements(src, 0, target, srcLen, offset);
    return undefined;
  }

  // ---- internals for the prelude ----
  internal("isTypedArray", 1, "-", (_vm, _t, args) => arg(args, 0) instanceof TypedArrayObject);
  internal("taValidate", 2, "-", (vm, _t, args) => validate(vm, args[0], String(args[1]))[1]);
  internal("taLength", 1, "-", (_vm, _t, args) => {
    const o = arg(args, 0);
    return o instanceof TypedArrayObject ? o.length : 0;
  });
  internal("taKind", 1, IS_TA, (_vm, _t, args) => (args[0] as TypedArrayObject).kind);
  internal("taIsBigInt", 1, IS_TA, (_vm, _t, args) => (args[0] as TypedArrayObject).type.bigint);
  internal("taKindIsBigInt", 1, KIND, (_vm, _t, args) => ELEMENT_TYPES[args[0] as number].bigint);
  internal(
    "taCtorOf",
    1,
    IS_TA,
    (vm, _t, args) => vm.realm.typedArrayConstructors[(args[0] as TypedArrayObject).kind],
  );
  internal("taCreate", 3, ["ro?i", N_KINDS], (vm, _t, args) =>
    create(
      vm,
      args[0] as number,
      (args[1] as JSObject | undefined) ?? undefined,
      args[2] as number,
    ),
  );
  internal("taFromBuffer", 5, FROM_BUFFER, (vm, _t, args) =>
    fromBuffer(
      vm,
      args[0] as number,
      args[1] as JSObject,
      args[2] as ArrayBufferObject,
      args[3] as number,
      args[4] as number | undefined,
    ),
  );
  internal("taFromTypedArray", 3, ["ro", N_KINDS], (vm, _t, args) =>
    construct(vm, args[0] as number, args[1] as JSObject, [args[2]]),
  );
  // Stores an already converted value at a numeric index (ignored when invalid).
  internal("taStore", 3, ["cnx", TypedArrayObject], (_vm, _t, args) => {
    (args[0] as TypedArrayObject).set(args[1] as number, args[2] as number | bigint);
    return undefined;
  });
  internal("taSetFromTypedArray", 3, SET_TA, (vm, _t, args) => {
    setFromTypedArray(
      vm,
      args[0] as TypedArrayObject,
      args[1] as TypedArrayObject,
      args[2] as number,
    );
    return undefined;
  });
  // The species-created result check (TypedArrayCreateFromConstructor steps 2–4).
  internal("taCheckCreated", 3, "-", (vm, _t, args) => {
    const [o, n, exemplar] = args;
    if (!(o instanceof TypedArrayObject)) return vm.throwTypeError(NOT_TA);
    if (o.outOfBounds()) detachedError(vm, "Construct");
    if (typeof n === "number" && o.length < n)
      vm.throwTypeError("Derived TypedArray constructor created an array which was too small");
    if (exemplar instanceof TypedArrayObject && exemplar.type.bigint !== o.type.bigint)
      vm.throwTypeError("Content type of the result does not match the content type of the source");
    return o;
  });
  internal("taCopy", 5, COPY_TA, (vm, _t, args) => {
    const [src, start, dst, count] = args as [TypedArrayObject, number, TypedArrayObject, number];
    if (src.outOfBounds()) detachedError(vm, `${P}.slice`);
    if (src.type.bigint !== dst.type.bigint) vm.throwTypeError(MIX);
    copyElements(src, start, dst, Math.min(count, src.length - start, dst.length));
    return undefined;
  });
  internal("primToBigInt", 1, "v", (vm, _t, args) => toBigIntPrim(vm, arg(args, 0)));
  internal("taTypeName", 1, IS_TA, (_vm, _t, args) => (args[0] as TypedArrayObject).type.name);
  // Whether a property key denotes a valid element (defineProperty converts values first).
  internal("taValidKey", 2, IS_TA, (_vm, _t, args) => {
    const o = args[0] as TypedArrayObject;
    const k = args[1];
    if (typeof k !== "string") return false;
    const n = canonicalNumeric(k);
    return n !== undefined && o.isValidIndex(n);
  });
  $.props.set("TypedArrayPrototype", new Prop(TAP, 0));
  $.props.set("TypedArray", new Prop(TA, 0));
  installEncoding(realm);
}

function incompatibleGetter(vm: Agent, name: string, t: Value): never {
  return vm.throwTypeError(
    `Method get TypedArray.prototype.${name} called on incompatible receiver ${receiverTextLite(t)}`,
  );
}

function receiverTextLite(v: Value): string {
  if (v instanceof JSObject) {
    for (let p: JSObject | null = v; p; p = p.proto) {
      const c = p.props.get("constructor");
      if (c && !(c.flags & PF.Accessor) && c.value instanceof JSObject) {
        const n = c.value.props.get("name");
        if (n && typeof n.value === "string" && n.value) return `#<${n.value}>`;
      }
    }
    return "[object Object]";
  }
  return typeof v === "string" ? v : String(v);
}

function isCallableValue(v: JSObject): boolean {
  return isCallable(v);
}

function findProp(o: JSObject, key: PropertyKey): Prop | undefined {
  for (let p: JSObject | null = o; p; p = p.proto) {
    const d = p.getOwnProperty(key);
    if (d) return d;
  }
  return undefined;
}

/** Copies `count` elements src[start…] to dst[at…], converting between element types. */
function copyElements(
  src: TypedArrayObject,
  start: number,
  dst: TypedArrayObject,
  count: number,
  at = 0,
): void {
  if (count <= 0) return;
  const s = src.host();
  const d = dst.host();
  if (
    src.kind === dst.kind ||
    (!src.type.f16 && !dst.type.f16 && src.type.bigint === dst.type.bigint)
  ) {
    // The host converts between its own types and handles overlapping buffers.
    d.set(s.subarray(start, start + count) as never, at);
    return;
  }
  const tmp: (number | bigint)[] = [];
  for (let i = 0; i < count; i++) tmp.push(src.get(start + i) as number);
  for (let i = 0; i < count; i++) dst.set(at + i, tmp[i]);
}

/**
 * indexOf, lastIndexOf and includes with the host's searches (at memory speed: a
 * guest loop of gets took seconds over 10^8 elements). `len` is the length measured
 * before the arguments' coercion; the array may have shrunk since.
 */
function hostSearch(
  vm: Agent,
  o: TypedArrayObject,
  mode: string,
  target: Value,
  a: Value[],
  len: number,
): Value {
  const h = o.host();
  const cur = h.length;
  const search = h as unknown as {
    indexOf(v: unknown, k: number): number;
    lastIndexOf(v: unknown, k: number): number;
    includes(v: unknown, k: number): boolean;
  };
  if (mode === "lastIndexOf") {
    let k = a.length > 1 ? toInteger(a[1] as number) : len - 1;
    k = k >= 0 ? Math.min(k, len - 1) : len + k;
    if (k < 0 || cur === 0) return -1;
    const from = Math.min(k, cur - 1);
    if (bulkSliced(o, from))
      return runWork(vm, new TypedArrayBulkWork(Bulk.LastIndexOf, o, target, from + 1, 0));
    return search.lastIndexOf(target, from);
  }
  let k = a.length > 1 ? toInteger(a[1] as number) : 0;
  if (k >= len) return mode === "includes" ? false : -1;
  if (k < 0) k = Math.max(0, len + k);
  if (bulkSliced(o, cur - k) && target !== undefined) {
    const op = mode === "indexOf" ? Bulk.IndexOf : Bulk.Includes;
    return runWork(vm, new TypedArrayBulkWork(op, o, target, k, cur));
  }
  if (mode === "indexOf") return search.indexOf(target, k);
  // includes: undefined matches the elements past a shrunk length.
  if (target === undefined) return k < len && cur < len;
  return search.includes(target, k);
}

/**
 * The default sort: numeric ascending, -0 before +0, NaN last (what the host's sort
 * does); long arrays in slices (typedarray-work.ts). Returns the array.
 */
function sortDefault(vm: Agent, o: TypedArrayObject): Value {
  const h = o.host();
  if (!o.type.f16) {
    if (h.length >= SORT_SLICED_LENGTH) return runWork(vm, new TypedArraySortWork(o));
    h.sort();
    return o;
  }
  const vals = Float64Array.from(h as Uint16Array, f16Decode).sort();
  for (let i = 0; i < vals.length; i++) (h as Uint16Array)[i] = f16Encode(vals[i]);
  return o;
}
