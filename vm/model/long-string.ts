// Long strings (docs/long-strings.md): a guest string of at least LONG_AT code units
// is kept as a list of host strings ("chunks") instead of one host string, so that no
// single host call has to copy all of it. V8 flattens a rope in one call the first
// time its characters are read; a LongString is read chunk by chunk (charCodeAt finds
// the chunk by binary search, searches go a chunk a slice), and only flattened where a
// host string cannot be avoided (a property key, a native not written for it: see
// `flattenLong`).
//
// A LongString is immutable to the guest. Its chunk arrays are shared the way a Go
// slice is: `count` says how many entries of `chunks` are its own, and a string made
// by appending to it pushes onto the same arrays when nobody has pushed past `count`
// yet (so `s += "x"` in a loop is amortised O(1)). The last, partly filled piece is
// `tail`, which appends extend while it is shorter than CHUNK.

import { charge, ensureRoom, SIZE } from "./heap";

/** Strings at least this long are made LongStrings by the operations that make them. */
export const LONG_AT = 2 ** 22;
/** The most code units of one chunk. */
export const CHUNK = 2 ** 20;
/** V8's longest string: longer results are a RangeError, as in node. */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

/** Whether any LongString was made in this process (lets hot paths skip their checks). */
export let longStringsMade = false;

export class LongString {
  constructor(
    /** Full chunks; entries past `count` belong to longer strings sharing the array. */
    readonly chunks: string[],
    /** Where each chunk starts. */
    readonly starts: number[],
    readonly count: number,
    /** The last piece (at most CHUNK long; may be ""), after the chunks. */
    readonly tail: string,
    readonly length: number,
  ) {
    longStringsMade = true;
  }

  /** The host's String(v) and template literals: the whole text (see flattenLong). */
  toString(): string {
    return flattenLong(this);
  }

  /** Number of pieces: the chunks, then the tail. */
  get pieces(): number {
    return this.count + 1;
  }

  piece(i: number): string {
    return i < this.count ? this.chunks[i] : this.tail;
  }

  pieceStart(i: number): number {
    return i < this.count ? this.starts[i] : this.length - this.tail.length;
  }

  /** The piece the last lookup found: reads in order (a RegExp scan) skip the search. */
  private hint = 0;

  /** The index of the piece holding code unit `i` (0 ≤ i < length). */
  pieceAt(i: number): number {
    if (i >= this.length - this.tail.length) return this.count;
    const starts = this.starts;
    const h = this.hint;
    if (h < this.count && i >= starts[h] && i < starts[h] + this.chunks[h].length) return h;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo;
  }

  charCodeAt(i: number): number {
    if (!(i >= 0 && i < this.length)) return NaN;
    const p = this.pieceAt(i);
    return this.piece(p).charCodeAt(i - this.pieceStart(p));
  }

  charAt(i: number): string {
    if (!(i >= 0 && i < this.length)) return "";
    const p = this.pieceAt(i);
    return this.piece(p).charAt(i - this.pieceStart(p));
  }

  codePointAt(i: number): number | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    const hi = this.charCodeAt(i);
    if (hi < 0xd800 || hi > 0xdbff || i + 1 >= this.length) return hi;
    const lo = this.charCodeAt(i + 1);
    return lo < 0xdc00 || lo > 0xdfff ? hi : (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }

  /** Code units [from, to) (0 ≤ from ≤ to ≤ length): a host string when shorter than LONG_AT. */
  slice(from: number, to: number): string | LongString {
    if (from >= to) return "";
    if (from === 0 && to === this.length) return this;
    const long = to - from >= LONG_AT;
    const b = long ? new LongStringBuilder() : null;
    const parts: string[] = [];
    for (let p = this.pieceAt(from); p < this.pieces; p++) {
      const start = this.pieceStart(p);
      if (start >= to) break;
      const text = this.piece(p);
      const a = Math.max(0, from - start);
      const e = Math.min(text.length, to - start);
      const part = a === 0 && e === text.length ? text : text.slice(a, e);
      if (b) b.append(part);
      else parts.push(part);
    }
    return b ? b.finish() : parts.join("");
  }
}

/**
 * Builds a string from pieces: a host string while short, a LongString once long.
 * Pieces are host strings or LongStrings (whose chunks are shared, not copied).
 */
export class LongStringBuilder {
  private chunks: string[] = [];
  private starts: number[] = [];
  private tail = "";
  private length = 0;

  /** Starts from `s`, sharing its arrays when it is their longest user. */
  static from(s: LongString): LongStringBuilder {
    const b = new LongStringBuilder();
    if (s.count === s.chunks.length) {
      b.chunks = s.chunks;
      b.starts = s.starts;
    } else {
      b.chunks = s.chunks.slice(0, s.count);
      b.starts = s.starts.slice(0, s.count);
    }
    b.tail = s.tail;
    b.length = s.length;
    return b;
  }

  append(v: string | LongString): void {
    if (typeof v === "string") return this.appendText(v);
    for (let i = 0; i < v.count; i++) this.appendText(v.chunks[i]);
    this.appendText(v.tail);
  }

  private appendText(s: string): void {
    const n = s.length;
    if (n === 0) return;
    if (this.length + n > MAX_STRING_LENGTH) throw new RangeError("Invalid string length");
    if (this.tail.length + n <= CHUNK) {
      this.tail += s;
      this.length += n;
      return;
    }
    this.flushTail();
    if (n <= CHUNK) {
      this.tail = s;
      this.length += n;
      return;
    }
    // A host string longer than a chunk: cut (a copy bounded by LONG_AT, or by a
    // host string some native made).
    let i = 0;
    for (; n - i > CHUNK; i += CHUNK) this.pushChunk(s.slice(i, i + CHUNK));
    this.tail = s.slice(i);
    this.length += n - i;
  }

  private flushTail(): void {
    if (this.tail.length === 0) return;
    this.length -= this.tail.length;
    this.pushChunk(this.tail);
    this.tail = "";
  }

  private pushChunk(c: string): void {
    this.chunks.push(c);
    this.starts.push(this.length);
    this.length += c.length;
  }

  get size(): number {
    return this.length;
  }

  /** The string: a LongString when at least LONG_AT long, else a host string. */
  finish(): string | LongString {
    if (this.length < LONG_AT) return [...this.chunks, this.tail].join("");
    return new LongString(this.chunks, this.starts, this.chunks.length, this.tail, this.length);
  }
}

/** `a + b` once both are strings and one is long or the result will be. */
export function concatStrings(a: string | LongString, b: string | LongString): string | LongString {
  if (a.length + b.length > MAX_STRING_LENGTH) throw new RangeError("Invalid string length");
  const builder = a instanceof LongString ? LongStringBuilder.from(a) : new LongStringBuilder();
  if (!(a instanceof LongString)) builder.append(a);
  builder.append(b);
  // The new pieces' characters (shared chunks are counted again: as for V8 ropes,
  // the charge is the length the guest sees; the measure counts a chunk once).
  charge(SIZE.concat + 2 * (b.length + (a instanceof LongString ? 0 : a.length)));
  return builder.finish();
}

/**
 * The one place a LongString becomes a host string: for natives that need one (a
 * property key, a Map key, the host boundary, eval source, Intl…). One copy of every
 * character, in one host call: bounded by the heap limit, which it is checked against.
 */
export function flattenLong(s: LongString): string {
  ensureRoom(2 * s.length);
  const parts: string[] = new Array(s.pieces);
  for (let i = 0; i < s.pieces; i++) parts[i] = s.piece(i);
  const flat = parts.join("");
  // Flattening now, or V8 would keep the join as a rope and copy on first read.
  flat.charCodeAt(0);
  return flat;
}

/** A guest string as a host string: flattens a LongString (see flattenLong). */
export function toHostString(s: string | LongString): string {
  return typeof s === "string" ? s : flattenLong(s);
}

/** Whether a guest string is long (for `typeof v === "string" || isLong(v)` tests). */
export function isLongString(v: unknown): v is LongString {
  return v instanceof LongString;
}

/** Strict equality of two guest strings, one of them long. */
export function longStringEquals(a: string | LongString, b: string | LongString): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return compareLong(a, b) === 0;
}

/** `a === b` for natives comparing guest values, one of which may be a LongString. */
export function sameString(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!(a instanceof LongString) && !(b instanceof LongString)) return false;
  const isStr = (v: unknown) => typeof v === "string" || v instanceof LongString;
  return isStr(a) && isStr(b) && longStringEquals(a as string, b as string);
}

/** Code-unit order of two guest strings (negative, 0, positive), chunk by chunk. */
export function compareLong(a: string | LongString, b: string | LongString): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n) {
    const x = pieceFrom(a, i);
    const y = pieceFrom(b, i);
    const m = Math.min(x.length, y.length, n - i);
    const xs = x.length === m ? x : x.slice(0, m);
    const ys = y.length === m ? y : y.slice(0, m);
    if (xs !== ys) return xs < ys ? -1 : 1;
    i += m;
  }
  return a.length - b.length;
}

/** The text of `s` from code unit `i` to the end of the piece holding it. */
function pieceFrom(s: string | LongString, i: number): string {
  if (typeof s === "string") return i === 0 ? s : s.slice(i, i + CHUNK);
  const p = s.pieceAt(i);
  const text = s.piece(p);
  const start = s.pieceStart(p);
  return i === start ? text : text.slice(i - start);
}

/**
 * Ids of the natives that read LongStrings through (the String.prototype methods
 * written for them): every other native gets its long arguments and receiver
 * flattened by the interpreter before it runs (flattenForNative).
 */
export const LONG_AWARE_NATIVES = new Set<string>();
