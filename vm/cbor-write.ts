// CBOR encoding. Snapshots are written by CborWriter (below), straight into one
// growing buffer of their own. encodeCbor (cbor-x, for re-encoding decoded trees in
// the snapshot fuzzer and tests) leaves no big buffer behind: cbor-x writes every
// value into one module-level buffer (shared by all its encoders) that only ever
// grows, and returns views of it: after one big value (hundreds of MB) every later
// one, a few KB, was a view pinning a buffer that size, and each new buffer cbor-x
// started was allocated at that size. Here a buffer grown past 1 MB is handed over to
// the caller (or to the garbage collector) and cbor-x starts a small one again.

//
// cbor-x itself is loaded on first use (cborX): a run that takes no snapshot and
// resumes none never needs it, and loading it (with its native string extractor) was
// ~3% of `vmrun hello.js`.

import type * as CborX from "cbor-x";

let cborModule: typeof CborX | null = null;

/** The cbor-x module, loaded on first use. */
export function cborX(): typeof CborX {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (cborModule ??= require("cbor-x") as typeof CborX);
}

/** cbor-x's `useBuffer` (missing from its types): where the next value is written. */
type ReusingEncoder = CborX.Encoder & { useBuffer(buffer: Buffer): void };
let shared: ReusingEncoder | null = null;

/** Beyond this, the buffer the encoder wrote into is not kept for the next value. */
const KEEP_BYTES = 1 << 20;

/** `value` as CBOR (as cbor-x's `encode` writes it). */
export function encodeCbor(value: unknown): Uint8Array {
  const encoder = (shared ??= new (cborX().Encoder)({ useRecords: false }) as ReusingEncoder);
  const bytes = encoder.encode(value) as Uint8Array;
  const backing = bytes.buffer.byteLength;
  if (backing <= KEEP_BYTES) return bytes;
  encoder.useBuffer(Buffer.alloc(8192));
  // A small value in a big buffer gets a copy (Buffer's own slice would be a view).
  return bytes.byteLength * 2 >= backing ? bytes : new Uint8Array(bytes);
}

/**
 * A CBOR writer into one growing byte buffer, for the snapshot encoder: records are
 * written as they are made, so that a large heap never exists as a tree of host
 * arrays (a million of them, each kept until cbor-x had written the whole snapshot,
 * were most of encoding's garbage-collection time). It writes what cbor-x writes for
 * the same plain data (integers of 32 bits or less as integers, every other number
 * as a float64, plain objects as maps with a 16-bit count), so either can read it.
 */
export class CborWriter {
  bytes: Uint8Array;
  pos = 0;
  private view: DataView;

  constructor(capacity = 8192) {
    this.bytes = new Uint8Array(capacity);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Room for `n` more bytes. */
  private room(n: number): void {
    if (this.pos + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.pos + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.bytes.subarray(0, this.pos));
    this.bytes = bigger;
    this.view = new DataView(bigger.buffer);
  }

  /** An item's head: major type and argument (a length, count or unsigned integer). */
  head(major: number, n: number): void {
    this.room(9);
    const b = this.bytes;
    const m = major << 5;
    if (n < 24) b[this.pos++] = m | n;
    else if (n < 0x100) {
      b[this.pos++] = m | 24;
      b[this.pos++] = n;
    } else if (n < 0x10000) {
      b[this.pos++] = m | 25;
      b[this.pos++] = n >> 8;
      b[this.pos++] = n & 0xff;
    } else if (n < 0x100000000) {
      b[this.pos++] = m | 26;
      this.view.setUint32(this.pos, n);
      this.pos += 4;
    } else {
      b[this.pos++] = m | 27;
      this.view.setUint32(this.pos, Math.floor(n / 0x100000000));
      this.view.setUint32(this.pos + 4, n >>> 0);
      this.pos += 8;
    }
  }

  number(v: number): void {
    if (v >>> 0 === v) this.head(0, v);
    else if (v < 0 && v >= -0x100000000 && Math.floor(v) === v) this.head(1, -1 - v);
    else {
      this.room(9);
      this.bytes[this.pos++] = 0xfb;
      this.view.setFloat64(this.pos, v);
      this.pos += 8;
    }
  }

  /**
   * A text string, as UTF-8 (the snapshot encoder writes a string with lone surrogates
   * as its code units, never as text).
   */
  text(s: string): void {
    const n = s.length;
    this.room(n * 3 + 9);
    const b = this.bytes;
    // Most strings are short ASCII: written straight behind a one-byte head.
    if (n < 24) {
      let p = this.pos + 1;
      let k = 0;
      for (; k < n; k++) {
        const c = s.charCodeAt(k);
        if (c >= 0x80) break;
        b[p++] = c;
      }
      if (k === n) {
        b[this.pos] = 0x60 | n;
        this.pos = p;
        return;
      }
    }
    const encoded = Buffer.from(s, "utf8");
    this.head(3, encoded.length);
    this.bytes.set(encoded, this.pos);
    this.pos += encoded.length;
  }

  /** Bytes already encoded as CBOR items. */
  raw(items: Uint8Array): void {
    this.room(items.length);
    this.bytes.set(items, this.pos);
    this.pos += items.length;
  }

  byte(b: number): void {
    this.room(1);
    this.bytes[this.pos++] = b;
  }

  /** Plain data: numbers, strings, booleans, null, undefined, arrays, plain objects. */
  any(v: unknown): void {
    switch (typeof v) {
      case "number":
        return this.number(v);
      case "string":
        return this.text(v);
      case "boolean":
        return this.byte(v ? 0xf5 : 0xf4);
      case "undefined":
        return this.byte(0xf7);
    }
    if (v === null) return this.byte(0xf6);
    if (Array.isArray(v)) {
      this.head(4, v.length);
      for (let k = 0; k < v.length; k++) this.any(v[k]);
      return;
    }
    if (v instanceof Uint8Array) {
      // A Uint8Array (not a Buffer) carries tag 64 (RFC 8746), as cbor-x writes it.
      if (v.constructor === Uint8Array) this.head(6, 64);
      this.head(2, v.length);
      return this.raw(v);
    }
    if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      const keys = Object.keys(v);
      if (keys.length >= 0x10000) throw new Error("internal: CBOR map too large");
      this.room(3);
      this.bytes[this.pos++] = 0xb9;
      this.bytes[this.pos++] = keys.length >> 8;
      this.bytes[this.pos++] = keys.length & 0xff;
      for (const k of keys) {
        this.text(k);
        this.any((v as Record<string, unknown>)[k]);
      }
      return;
    }
    throw new Error(`internal: cannot write ${String(v)} as CBOR`);
  }

  /** What was written, in a buffer of its own size unless little would be wasted. */
  result(): Uint8Array {
    const used = this.bytes.subarray(0, this.pos);
    return this.pos * 4 >= this.bytes.length * 3 ? used : used.slice();
  }
}
