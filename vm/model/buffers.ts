// Binary data objects (ECMA-262 25.1–25.3, 10.4.5): ArrayBuffer, typed arrays and
// DataView, with their snapshot codecs (kinds 120–122).
//
// An ArrayBuffer keeps its bytes in a host Uint8Array that owns its whole host
// ArrayBuffer (byteOffset 0). Resizing allocates a new one and copies; detaching
// replaces it with an empty one. Each such change bumps `gen`, which tells views
// that their cached host typed array is stale. Views (typed arrays, DataViews)
// reference their buffer object and hold only offsets and lengths, so they are
// plain data for snapshots; the cached host view is rebuilt on demand.
//
// Typed arrays are integer-indexed exotic objects: canonical numeric string keys
// never reach the ordinary property table. Float16 elements are stored as Uint16
// bits and converted here (Node 20's host has no Float16Array).

import { JSObject, PF, Prop, type Descriptor } from "./object";
import { registerObjectKind } from "./object-kinds";
import { allocate } from "./heap";
import type { PropertyKey, Value } from "./value";

// ---- Float16 -------------------------------------------------------------------

const F32 = new Float32Array(1);

/** The binary16 value of bits `h`. */
export function f16Decode(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** Rounds half to even (x ≥ 0). */
function roundEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** The binary16 bits nearest to `x` (roundTiesToEven), straight from the double. */
export function f16Encode(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundEven(a * 2 ** 24); // subnormal (1024 becomes the smallest normal)
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  let frac = roundEven((a / 2 ** e - 1) * 1024);
  if (frac === 1024) {
    frac = 0;
    e++;
  }
  if (e + 15 >= 31) return sign | 0x7c00;
  return sign | ((e + 15) << 10) | frac;
}

export function f16Round(x: number): number {
  return f16Decode(f16Encode(x));
}

/** Math.fround without allocation. */
export function f32Round(x: number): number {
  F32[0] = x;
  return F32[0];
}

// ---- element types -------------------------------------------------------------

export type HostTA =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

type HostCtor = new (buffer: ArrayBuffer | number, byteOffset?: number, length?: number) => HostTA;

export interface ElementType {
  readonly name: string;
  readonly size: number;
  readonly bigint: boolean;
  readonly host: HostCtor;
  /** Float16: the host array holds bits. */
  readonly f16: boolean;
}

/** Kind numbers are indices here and are written into snapshots: append only. */
export const ELEMENT_TYPES: readonly ElementType[] = [
  { name: "Int8Array", size: 1, bigint: false, host: Int8Array as HostCtor, f16: false },
  { name: "Uint8Array", size: 1, bigint: false, host: Uint8Array as HostCtor, f16: false },
  {
    name: "Uint8ClampedArray",
    size: 1,
    bigint: false,
    host: Uint8ClampedArray as HostCtor,
    f16: false,
  },
  { name: "Int16Array", size: 2, bigint: false, host: Int16Array as HostCtor, f16: false },
  { name: "Uint16Array", size: 2, bigint: false, host: Uint16Array as HostCtor, f16: false },
  { name: "Int32Array", size: 4, bigint: false, host: Int32Array as HostCtor, f16: false },
  { name: "Uint32Array", size: 4, bigint: false, host: Uint32Array as HostCtor, f16: false },
  { name: "Float16Array", size: 2, bigint: false, host: Uint16Array as HostCtor, f16: true },
  { name: "Float32Array", size: 4, bigint: false, host: Float32Array as HostCtor, f16: false },
  { name: "Float64Array", size: 8, bigint: false, host: Float64Array as HostCtor, f16: false },
  { name: "BigInt64Array", size: 8, bigint: true, host: BigInt64Array as HostCtor, f16: false },
  { name: "BigUint64Array", size: 8, bigint: true, host: BigUint64Array as HostCtor, f16: false },
];

export const KIND_UINT8 = 1;

/** CanonicalNumericIndexString (7.1.21): the number a string key denotes, or undefined. */
export function canonicalNumeric(key: string): number | undefined {
  const c = key.charCodeAt(0);
  // Only digits, '-', 'I'(nfinity) and 'N'(aN) can start a canonical numeric string.
  if (!((c >= 48 && c <= 57) || c === 45 || c === 73 || c === 78)) return undefined;
  if (key === "-0") return -0;
  const n = Number(key);
  return String(n) === key ? n : undefined;
}

// ---- ArrayBuffer ---------------------------------------------------------------

/** Largest buffer the VM allocates (V8 also refuses huge ones with a RangeError). */
export const MAX_BYTE_LENGTH = 2 ** 32;

export class ArrayBufferObject extends JSObject {
  data: Uint8Array;
  detached = false;
  /** -1 for a fixed-length buffer. */
  maxByteLength = -1;
  /** Bumped whenever `data` is replaced (resize, detach): views re-derive their host arrays. */
  gen = 0;
  constructor(
    proto: JSObject | null,
    byteLength: number,
    maxByteLength = -1,
    /**
     * A SharedArrayBuffer: never detached, only grows. The VM is one agent, so its
     * bytes are an ordinary host buffer; what differs is only what the guest may do.
     */
    readonly shared = false,
  ) {
    super(proto, shared ? "SharedArrayBuffer" : "ArrayBuffer");
    // Refused before the host allocates it when it would pass the heap limit.
    allocate(byteLength);
    this.data = new Uint8Array(byteLength);
    this.maxByteLength = maxByteLength;
  }

  get byteLength(): number {
    return this.data.length;
  }

  detach(): void {
    this.data = new Uint8Array(0);
    this.detached = true;
    this.gen++;
  }

  resize(n: number): void {
    allocate(n);
    const next = new Uint8Array(n);
    next.set(this.data.subarray(0, Math.min(n, this.data.length)));
    this.data = next;
    this.gen++;
  }
}

// ---- typed arrays --------------------------------------------------------------

export class TypedArrayObject extends JSObject {
  private cacheGen = -1;
  private cache: HostTA = new Uint8Array(0);
  constructor(
    proto: JSObject | null,
    /** Index in ELEMENT_TYPES. */
    public kind: number,
    public buffer: ArrayBufferObject,
    public byteOffset: number,
    /** Element count, or -1 when the array tracks a resizable buffer's length. */
    public fixedLength: number,
  ) {
    super(proto, ELEMENT_TYPES[kind].name);
  }

  get type(): ElementType {
    return ELEMENT_TYPES[this.kind];
  }

  /** IsTypedArrayOutOfBounds (10.4.5.12), detached included. */
  outOfBounds(): boolean {
    const b = this.buffer;
    if (b.detached) return true;
    const len = b.data.length;
    if (this.byteOffset > len) return true;
    return this.fixedLength >= 0 && this.byteOffset + this.fixedLength * this.type.size > len;
  }

  /** TypedArrayLength, 0 when out of bounds. */
  get length(): number {
    return this.host().length;
  }

  get byteLength(): number {
    return this.host().length * this.type.size;
  }

  /** The host typed array over the current elements (empty when out of bounds). */
  host(): HostTA {
    if (this.cacheGen !== this.buffer.gen) {
      const t = this.type;
      if (this.outOfBounds()) this.cache = new t.host(0);
      else {
        const len =
          this.fixedLength >= 0
            ? this.fixedLength
            : Math.floor((this.buffer.data.length - this.byteOffset) / t.size);
        this.cache = new t.host(this.buffer.data.buffer as ArrayBuffer, this.byteOffset, len);
      }
      this.cacheGen = this.buffer.gen;
    }
    return this.cache;
  }

  /** TypedArrayGetElement for a numeric index (undefined when not a valid index). */
  get(index: number): Value {
    if (Object.is(index, -0)) return undefined;
    const v = (this.host() as unknown as Record<number, number | bigint | undefined>)[index];
    if (v === undefined || !this.type.f16) return v;
    return f16Decode(v as number);
  }

  /** Stores an already converted value (number, or bigint for BigInt arrays) if the index is valid. */
  set(index: number, v: number | bigint): void {
    const h = this.host() as unknown as Record<number, number | bigint>;
    if (Object.is(index, -0) || h[index] === undefined) return;
    // The host array would throw on a bigint into a number array or the reverse.
    if (typeof v !== (this.type.bigint ? "bigint" : "number")) return;
    h[index] = this.type.f16 ? f16Encode(v as number) : v;
  }

  isValidIndex(n: number): boolean {
    return Number.isInteger(n) && !Object.is(n, -0) && n >= 0 && n < this.length;
  }

  /** Value conversion for stores that bypassed the guest-side conversion (primitives only). */
  private coerce(v: Value): number | bigint | undefined {
    if (this.type.bigint) {
      if (typeof v === "bigint") return v;
      if (typeof v === "boolean") return v ? 1n : 0n;
      if (typeof v === "string") {
        try {
          return BigInt(v.trim() === "" ? "0" : v);
        } catch {
          return undefined;
        }
      }
      return undefined;
    }
    if (typeof v === "number") return v;
    if (typeof v === "string" || typeof v === "boolean" || v === undefined || v === null)
      return Number(v);
    return NaN;
  }

  override getOwnProperty(key: PropertyKey): Prop | undefined {
    if (typeof key === "string") {
      const n = canonicalNumeric(key);
      if (n !== undefined) {
        const v = this.get(n);
        return v === undefined ? undefined : new Prop(v, PF.Default);
      }
    }
    return this.props.get(key);
  }

  override ownKeys(): PropertyKey[] {
    const keys: PropertyKey[] = [];
    const n = this.length;
    for (let i = 0; i < n; i++) keys.push(String(i));
    for (const k of super.ownKeys()) keys.push(k);
    return keys;
  }

  override deleteOwn(key: PropertyKey): boolean {
    if (typeof key === "string") {
      const n = canonicalNumeric(key);
      if (n !== undefined) return !this.isValidIndex(n);
    }
    return super.deleteOwn(key);
  }

  override writeOwn(key: PropertyKey, p: Prop, value: Value): boolean {
    if (typeof key === "string") {
      const n = canonicalNumeric(key);
      if (n !== undefined) {
        const v = this.coerce(value);
        if (v !== undefined) this.set(n, v);
        return true;
      }
    }
    return super.writeOwn(key, p, value);
  }

  override addOwn(key: PropertyKey, value: Value): boolean {
    if (typeof key === "string" && canonicalNumeric(key) !== undefined) return true;
    return super.addOwn(key, value);
  }

  override defineOwn(key: PropertyKey, d: Descriptor): boolean {
    if (typeof key === "string") {
      const n = canonicalNumeric(key);
      if (n !== undefined) {
        if (!this.isValidIndex(n)) return false;
        if (d.configurable === false || d.enumerable === false) return false;
        if (d.hasGet || d.hasSet || d.writable === false) return false;
        if (d.hasValue) {
          const v = this.coerce(d.value);
          if (v !== undefined) this.set(n, v);
        }
        return true;
      }
    }
    return super.defineOwn(key, d);
  }

  override preventExtensions(): boolean {
    // Arrays whose length can still change cannot be made non-extensible (10.4.5.3).
    if (this.fixedLength < 0 || this.buffer.maxByteLength >= 0) return false;
    return super.preventExtensions();
  }
}

// ---- DataView ------------------------------------------------------------------

export class DataViewObject extends JSObject {
  constructor(
    proto: JSObject | null,
    public buffer: ArrayBufferObject,
    public byteOffset: number,
    /** -1 when tracking a resizable buffer. */
    public fixedLength: number,
  ) {
    super(proto, "DataView");
  }

  outOfBounds(): boolean {
    const b = this.buffer;
    if (b.detached) return true;
    const len = b.data.length;
    if (this.byteOffset > len) return true;
    return this.fixedLength >= 0 && this.byteOffset + this.fixedLength > len;
  }

  /** The view's byte length (0 when out of bounds). */
  get byteLength(): number {
    if (this.outOfBounds()) return 0;
    return this.fixedLength >= 0 ? this.fixedLength : this.buffer.data.length - this.byteOffset;
  }
}

// ---- snapshot codecs -----------------------------------------------------------

function isIndex(v: unknown, max = Number.MAX_SAFE_INTEGER): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= max;
}

registerObjectKind<ArrayBufferObject>({
  kind: 120,
  cls: ArrayBufferObject,
  encode: (o) => [o.data, o.detached, o.maxByteLength, ...(o.shared ? [true] : [])],
  allocate: () => new ArrayBufferObject(null, 0),
  decode(o, f, dec, where) {
    const [data, detached, max, shared] = f;
    if (shared !== undefined && shared !== true)
      return dec.fail(`${where}: bad ArrayBuffer shared flag`);
    if (shared && detached) return dec.fail(`${where}: a detached SharedArrayBuffer`);
    if (!(data instanceof Uint8Array))
      return dec.fail(`${where}: ArrayBuffer bytes are not a byte string`);
    if (typeof detached !== "boolean") return dec.fail(`${where}: bad ArrayBuffer detached flag`);
    if (!(max === -1 || (isIndex(max, MAX_BYTE_LENGTH) && max >= data.length)))
      dec.fail(`${where}: bad ArrayBuffer maxByteLength`);
    if (data.length > MAX_BYTE_LENGTH) return dec.fail(`${where}: ArrayBuffer too large`);
    if (detached && data.length) return dec.fail(`${where}: detached ArrayBuffer with bytes`);
    o.data = new Uint8Array(data);
    if (shared) {
      (o as { shared: boolean }).shared = true;
      o.cls = "SharedArrayBuffer";
    }
    o.detached = detached;
    o.maxByteLength = max as number;
    o.gen++;
  },
});

registerObjectKind<TypedArrayObject>({
  kind: 121,
  cls: TypedArrayObject,
  encode: (o, enc) => [o.kind, enc.value(o.buffer), o.byteOffset, o.fixedLength],
  allocate: () => new TypedArrayObject(null, 0, new ArrayBufferObject(null, 0), 0, 0),
  decode(o, f, dec, where) {
    const [kind, buffer, offset, length] = f;
    if (!isIndex(kind, ELEMENT_TYPES.length - 1)) return dec.fail(`${where}: bad typed array kind`);
    const b = dec.value(buffer, where);
    if (!(b instanceof ArrayBufferObject))
      return dec.fail(`${where}: typed array buffer is not an ArrayBuffer`);
    const size = ELEMENT_TYPES[kind].size;
    if (!isIndex(offset, MAX_BYTE_LENGTH) || offset % size !== 0)
      dec.fail(`${where}: bad typed array byteOffset`);
    if (!(length === -1 || isIndex(length, MAX_BYTE_LENGTH)))
      dec.fail(`${where}: bad typed array length`);
    o.kind = kind;
    o.cls = ELEMENT_TYPES[kind].name;
    o.buffer = b;
    o.byteOffset = offset as number;
    o.fixedLength = length as number;
  },
});

registerObjectKind<DataViewObject>({
  kind: 122,
  cls: DataViewObject,
  encode: (o, enc) => [enc.value(o.buffer), o.byteOffset, o.fixedLength],
  allocate: () => new DataViewObject(null, new ArrayBufferObject(null, 0), 0, 0),
  decode(o, f, dec, where) {
    const [buffer, offset, length] = f;
    const b = dec.value(buffer, where);
    if (!(b instanceof ArrayBufferObject))
      return dec.fail(`${where}: DataView buffer is not an ArrayBuffer`);
    if (!isIndex(offset, MAX_BYTE_LENGTH)) return dec.fail(`${where}: bad DataView byteOffset`);
    if (!(length === -1 || isIndex(length, MAX_BYTE_LENGTH)))
      dec.fail(`${where}: bad DataView length`);
    o.buffer = b;
    o.byteOffset = offset as number;
    o.fixedLength = length as number;
  },
});
