// Values crossing the host boundary, copied under structured-clone rules in both
// directions: primitives, arrays, plain objects, Map, Set, Date, RegExp, ArrayBuffer,
// typed arrays, DataView, primitive wrappers and errors (name, message, stack, cause
// and a primitive `code`), with cycles and shared references preserved. Nothing else
// crosses: a host function, class instance, promise or symbol is refused with a
// DataCloneError-like TypeError. A guest function becomes a HostHandle the host can
// only pass back or ask the VM to call (Jaunt.call); a handle coming back becomes the
// guest function again. No host object ever enters the guest and no guest object
// reaches the host. This reads guest property tables only; it never runs guest code
// (so accessors and proxies are refused rather than invoked).

import { EMPTY, JSSymbol, isArrayIndex, type Value } from "../model/value";
import {
  ArrayObject,
  ErrorObject,
  JSObject,
  NativeFunction,
  PF,
  PrimitiveObject,
  Prop,
  ProxyObject,
  isCallable,
  genericElements,
} from "../model/object";
import { MapObject, SetObject } from "../builtins/collections";
import { DateObject } from "../builtins/date";
import { RegExpObject } from "../builtins/regexp";
import {
  ArrayBufferObject,
  DataViewObject,
  ELEMENT_TYPES,
  TypedArrayObject,
} from "../model/buffers";
import { ERROR_TYPES, frameLine } from "../builtins/error";
import type { Realm } from "../runtime/realm";
import type { VM } from "../interpreter/interpreter";
import { SIZE, charge } from "../model/heap";

/**
 * A guest function as the host sees it: an opaque token. The host can hand it back
 * to the guest (it becomes the function again) or run it with `vm.call(handle, …)`.
 */
export class HostHandle {
  /** @internal */
  constructor(readonly id: number) {
    Object.freeze(this);
  }
}

/** Raised (as a guest TypeError or a host TypeError) when a value cannot cross. */
export class CloneError extends Error {
  override name = "DataCloneError";
}

/** The intrinsic prototypes clones are made with, read before any guest code runs. */
export interface BoundaryProtos {
  Date: JSObject;
  RegExp: JSObject;
  ArrayBuffer: JSObject;
  DataView: JSObject;
  typed: JSObject[];
}

function protoOf(realm: Realm, ctor: string): JSObject {
  const c = realm.global.getOwnProperty(ctor)?.value;
  const p = c instanceof JSObject ? c.getOwnProperty("prototype")?.value : undefined;
  if (!(p instanceof JSObject)) throw new Error(`jaunt: no intrinsic ${ctor}.prototype`);
  return p;
}

export function boundaryProtos(realm: Realm): BoundaryProtos {
  return {
    Date: protoOf(realm, "Date"),
    RegExp: protoOf(realm, "RegExp"),
    ArrayBuffer: protoOf(realm, "ArrayBuffer"),
    DataView: protoOf(realm, "DataView"),
    typed: ELEMENT_TYPES.map((t) => protoOf(realm, t.name)),
  };
}

/** The guest's handle table: guest functions the host holds, by id (guest data). */
export interface HandleTable {
  handles: Map<number, JSObject>;
  nextHandleId: number;
}

/** The name an error's prototype chain gives it (data properties only). */
function errorName(o: JSObject): string {
  for (let p: JSObject | null = o; p; p = p.proto) {
    const d = p.getOwnProperty("name");
    if (d) return d.flags & PF.Accessor ? "Error" : String(d.value);
  }
  return "Error";
}

function describeGuest(o: JSObject): string {
  if (o instanceof ProxyObject) return "a Proxy";
  return `a ${o.cls} object`;
}

const HOST_ERRORS: Record<string, ErrorConstructor> = {
  Error,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
};

/** Guest value → host value (a fresh copy). Throws CloneError for what cannot cross. */
export function toHost(realm: Realm, table: HandleTable, value: Value): unknown {
  const seen = new Map<JSObject, unknown>();
  const handleOf = (fn: JSObject): HostHandle => {
    for (const [id, f] of table.handles) if (f === fn) return new HostHandle(id);
    const id = table.nextHandleId++;
    table.handles.set(id, fn);
    return new HostHandle(id);
  };
  const ownData = (
    o: JSObject,
    visit: (key: string, v: unknown) => void,
    skipIndices = false,
  ): void => {
    for (const key of o.ownKeys()) {
      if (typeof key !== "string") continue; // symbol keys are skipped, as structuredClone does
      if (skipIndices && isArrayIndex(key)) continue;
      const p = o.getOwnProperty(key);
      if (!p || !(p.flags & PF.Enumerable)) continue;
      if (p.flags & PF.Accessor)
        throw new CloneError(`property '${key}' is an accessor and cannot be copied to the host`);
      visit(key, conv(p.value));
    }
  };
  const conv = (v: Value): unknown => {
    if (v === null || typeof v !== "object") {
      if (typeof v === "symbol") throw new CloneError(`${String(v)} could not be cloned`);
      return v;
    }
    if (v instanceof JSSymbol) throw new CloneError(`${v.toString()} could not be cloned`);
    const o = v as JSObject;
    if (seen.has(o)) return seen.get(o);
    if (isCallable(o)) {
      const h = handleOf(o);
      seen.set(o, h);
      return h;
    }
    if (o instanceof ProxyObject) throw new CloneError(`${describeGuest(o)} could not be cloned`);
    if (o instanceof ArrayObject) {
      const out: unknown[] = new Array(o.length);
      seen.set(o, out);
      if (o.elems) {
        for (let i = 0; i < o.elems.length; i++)
          if (o.elems[i] !== EMPTY) out[i] = conv(o.elems[i]);
        ownData(o, (k, x) => ((out as unknown as Record<string, unknown>)[k] = x), true);
      } else ownData(o, (k, x) => ((out as unknown as Record<string, unknown>)[k] = x));
      return out;
    }
    if (o instanceof MapObject) {
      const out = new Map();
      seen.set(o, out);
      const t = o.table;
      for (let i = 0; i < t.length; i++)
        if (t.keyAt(i) !== EMPTY) out.set(conv(t.keyAt(i)), conv(t.valAt(i)));
      return out;
    }
    if (o instanceof SetObject) {
      const out = new Set();
      seen.set(o, out);
      for (const k of o.liveKeys()) out.add(conv(k));
      return out;
    }
    if (o instanceof DateObject) {
      const out = new Date(o.tv);
      seen.set(o, out);
      return out;
    }
    if (o instanceof RegExpObject) {
      const out = new RegExp(o.source, o.flags);
      seen.set(o, out);
      return out;
    }
    if (o instanceof ArrayBufferObject) {
      const out = o.data.slice().buffer;
      seen.set(o, out);
      return out;
    }
    if (o instanceof TypedArrayObject) {
      const buf = conv(o.buffer) as ArrayBuffer;
      const type = ELEMENT_TYPES[o.kind];
      const Ctor = (type.f16
        ? (globalThis as Record<string, unknown>).Float16Array
        : type.host) as unknown as new (b: ArrayBuffer, off: number, len?: number) => unknown;
      if (!Ctor) throw new CloneError(`${type.name} is not supported by this host`);
      const out =
        o.fixedLength < 0 ? new Ctor(buf, o.byteOffset) : new Ctor(buf, o.byteOffset, o.length);
      seen.set(o, out);
      return out;
    }
    if (o instanceof DataViewObject) {
      const buf = conv(o.buffer) as ArrayBuffer;
      const out =
        o.fixedLength < 0
          ? new DataView(buf, o.byteOffset)
          : new DataView(buf, o.byteOffset, o.fixedLength);
      seen.set(o, out);
      return out;
    }
    if (o instanceof PrimitiveObject) {
      const p = o.primitive;
      if (p instanceof JSSymbol) throw new CloneError(`${p.toString()} could not be cloned`);
      const out = Object(p) as unknown;
      seen.set(o, out);
      return out;
    }
    if (o instanceof ErrorObject) {
      const name = errorName(o);
      const Ctor = HOST_ERRORS[name] ?? Error;
      const msg = o.getOwnProperty("message");
      const out = new Ctor(msg && !(msg.flags & PF.Accessor) ? String(msg.value) : "");
      seen.set(o, out);
      if (!HOST_ERRORS[name]) out.name = name;
      const stack = o.getOwnProperty("stack");
      if (stack && !(stack.flags & PF.Accessor) && typeof stack.value === "string")
        out.stack = stack.value;
      else delete (out as { stack?: string }).stack;
      const cause = o.getOwnProperty("cause");
      if (cause && !(cause.flags & PF.Accessor))
        Object.defineProperty(out, "cause", {
          value: conv(cause.value),
          writable: true,
          configurable: true,
        });
      const code = o.getOwnProperty("code");
      if (code && !(code.flags & PF.Accessor) && isPrimitiveCode(code.value))
        (out as { code?: unknown }).code = code.value;
      return out;
    }
    if (o.proto === realm.ObjectPrototype || o.proto === null) {
      if (o.cls !== "Object")
        throw new CloneError(`${describeGuest(o)} could not be cloned to the host`);
      const out: Record<string, unknown> = {};
      seen.set(o, out);
      ownData(o, (k, x) => (out[k] = x));
      return out;
    }
    throw new CloneError(
      `${describeGuest(o)} with a prototype of its own (a class instance) could not be cloned to the host`,
    );
  };
  return conv(value);
}

function isPrimitiveCode(v: unknown): boolean {
  return typeof v === "string" || typeof v === "number";
}

function hostDescribe(v: unknown): string {
  if (typeof v === "function") return `function ${v.name || "(anonymous)"}`;
  if (typeof v === "symbol") return v.toString();
  if (v && typeof v === "object") {
    if (v instanceof Promise) return "a Promise";
    const c = (v as { constructor?: { name?: string } }).constructor?.name;
    return c ? `an instance of ${c}` : "an object";
  }
  return String(v);
}

function isPlainHost(o: object): boolean {
  const p = Object.getPrototypeOf(o);
  return p === Object.prototype || p === null;
}

const UINT8 = ELEMENT_TYPES.findIndex((t) => t.name === "Uint8Array");

const HOST_TYPED: [unknown, number][] = ELEMENT_TYPES.map((t, i) => [
  t.f16 ? (globalThis as Record<string, unknown>).Float16Array : t.host,
  i,
]);

/**
 * Host value → guest value (a fresh copy). `stackFrames` is the guest stack text
 * ("    at …" lines) an error gets; omitted, the current guest stack is used.
 * Throws CloneError for what cannot cross.
 */
export function toGuest(
  realm: Realm,
  protos: BoundaryProtos,
  table: HandleTable,
  value: unknown,
  stackFrames?: string,
): Value {
  const seen = new Map<object, JSObject>();
  const plainProps = (src: object, out: JSObject, skip?: (k: string) => boolean): void => {
    for (const k of Object.keys(src)) {
      if (skip && skip(k)) continue;
      const d = Object.getOwnPropertyDescriptor(src, k)!;
      if (!("value" in d))
        throw new CloneError(`property '${k}' is an accessor and cannot be copied into the VM`);
      out.defineOwn(k, {
        value: conv(d.value),
        hasValue: true,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  };
  const conv = (v: unknown): Value => {
    switch (typeof v) {
      case "undefined":
      case "boolean":
      case "number":
      case "string":
      case "bigint":
        return v;
      case "symbol":
      case "function":
        throw new CloneError(`${hostDescribe(v)} could not be cloned into the VM`);
    }
    if (v === null) return null;
    const o = v as object;
    const done = seen.get(o);
    if (done) return done;
    if (o instanceof HostHandle) {
      const fn = table.handles.get(o.id);
      if (!fn) throw new CloneError(`handle ${o.id} does not belong to this VM`);
      return fn;
    }
    if (Array.isArray(o)) {
      if (!isPlainArray(o)) throw new CloneError(`${hostDescribe(o)} could not be cloned`);
      const out = realm.newArray([]);
      seen.set(o, out);
      charge(SIZE.slot * o.length);
      const elems: Value[] = new Array(o.length);
      for (let i = 0; i < o.length; i++) elems[i] = i in o ? conv(o[i]) : EMPTY;
      out.elems = genericElements(elems);
      plainProps(o, out, isArrayIndex);
      return out;
    }
    if (o instanceof Map && Object.getPrototypeOf(o) === Map.prototype) {
      const out = new MapObject(realm.MapPrototype);
      seen.set(o, out);
      for (const [k, x] of o) out.put(conv(k), conv(x));
      return out;
    }
    if (o instanceof Set && Object.getPrototypeOf(o) === Set.prototype) {
      const out = new SetObject(realm.SetPrototype);
      seen.set(o, out);
      for (const k of o) out.put(conv(k), undefined);
      return out;
    }
    if (o instanceof Date && Object.getPrototypeOf(o) === Date.prototype) {
      const out = new DateObject(protos.Date, o.getTime());
      seen.set(o, out);
      return out;
    }
    if (o instanceof RegExp && Object.getPrototypeOf(o) === RegExp.prototype) {
      const create = realm.internals.getOwnProperty("regexpCreate")!.value as NativeFunction;
      const out = create.impl(realm.vm, undefined, [o.source, o.flags], undefined, create);
      seen.set(o, out as JSObject);
      return out;
    }
    if (o instanceof ArrayBuffer) {
      const out = new ArrayBufferObject(protos.ArrayBuffer, 0);
      out.data = new Uint8Array(o.slice(0));
      seen.set(o, out);
      return out;
    }
    if (o instanceof Uint8Array && Buffer.isBuffer(o)) {
      // A Node Buffer arrives as a Uint8Array of its own bytes (not its shared pool).
      const bytes = new ArrayBufferObject(protos.ArrayBuffer, 0);
      bytes.data = Uint8Array.prototype.slice.call(o);
      const out = new TypedArrayObject(protos.typed[UINT8], UINT8, bytes, 0, o.length);
      seen.set(o, out);
      return out;
    }
    if (ArrayBuffer.isView(o)) {
      const buf = conv(o.buffer) as ArrayBufferObject;
      let out: JSObject;
      if (o instanceof DataView)
        out = new DataViewObject(protos.DataView, buf, o.byteOffset, o.byteLength);
      else {
        const kind = HOST_TYPED.find(
          ([C]) => C && Object.getPrototypeOf(o) === (C as { prototype: object }).prototype,
        )?.[1];
        if (kind === undefined)
          throw new CloneError(`${hostDescribe(o)} could not be cloned into the VM`);
        out = new TypedArrayObject(
          protos.typed[kind],
          kind,
          buf,
          o.byteOffset,
          (o as Uint8Array).length,
        );
      }
      seen.set(o, out);
      return out;
    }
    if (o instanceof Error) {
      const name = typeof o.name === "string" ? o.name : "Error";
      const kind = ERROR_TYPES.includes(name) ? name : "Error";
      const message = typeof o.message === "string" ? o.message : String(o.message);
      const out = realm.makeError(kind, message);
      seen.set(o, out);
      if (kind !== name) out.props.set("name", new Prop(name, PF.Hidden));
      if (stackFrames !== undefined)
        out.props.set(
          "stack",
          new Prop((message ? `${name}: ${message}` : name) + stackFrames, PF.Hidden),
        );
      else if (kind !== name) realm.refreshStack(out);
      if ("cause" in o) out.props.set("cause", new Prop(conv(o.cause), PF.Hidden));
      const code = (o as { code?: unknown }).code;
      if (isPrimitiveCode(code)) out.props.set("code", new Prop(code as Value, PF.Default));
      return out;
    }
    if ((o instanceof Boolean || o instanceof Number || o instanceof String) && isPlainWrapper(o)) {
      const p = o.valueOf() as boolean | number | string;
      const out = realm.toObject(p) as PrimitiveObject;
      seen.set(o, out);
      return out;
    }
    if (isPlainHost(o)) {
      const out = realm.newObject();
      seen.set(o, out);
      plainProps(o, out);
      return out;
    }
    throw new CloneError(`${hostDescribe(o)} could not be cloned into the VM`);
  };
  return conv(value);
}

function isPlainArray(a: unknown[]): boolean {
  return Object.getPrototypeOf(a) === Array.prototype;
}

function isPlainWrapper(o: object): boolean {
  const p = Object.getPrototypeOf(o);
  return p === Boolean.prototype || p === Number.prototype || p === String.prototype;
}

/** The "    at …" lines of the guest stack right now, for errors delivered later. */
export function stackFramesNow(vm: VM): string {
  const lines = formatFrames(vm);
  return lines ? "\n" + lines : "";
}

function formatFrames(vm: VM): string {
  const out: string[] = [];
  for (const f of vm.captureStack()) {
    if (f.native) continue;
    if (out.length >= 10) break;
    out.push(frameLine(f));
  }
  return out.join("\n");
}
