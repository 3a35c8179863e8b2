// String.prototype methods over LongStrings (model/long-string.ts): each reads the
// long receiver through (chunk lookups, searches a chunk a slice) instead of letting
// the interpreter flatten it, and the methods that can make a long result from short
// strings (concat, repeat, padStart, padEnd) make a LongString instead of one host
// string. string.ts wraps its natives with `longAware`; the wrapped natives' ids join
// LONG_AWARE_NATIVES, so the interpreter leaves their long arguments alone.

import { JSObject, type NativeImpl } from "../model/object";
import type { Value } from "../model/value";
import type { Agent } from "../agent";
import {
  CHUNK,
  LONG_AT,
  LongString,
  LongStringBuilder,
  MAX_STRING_LENGTH,
  flattenLong,
  longStringEquals,
  longStringsMade,
} from "../model/long-string";
import { SIZE, charge } from "../model/heap";
import { registerObjectKind } from "../model/object-kinds";
import { isGuestString } from "../model/operations";
import { PENDING, WorkObject, isInt, runWork } from "./work";
import { relative, toInteger, toNumberPrim } from "./conversions";

type GuestString = string | LongString;

/** ToNumber of a primitive argument (a long string's text is converted whole). */
function num(vm: Agent, v: Value): number {
  return v instanceof LongString ? Number(flattenLong(v)) : toNumberPrim(vm, v);
}

/** ToString of a primitive argument, keeping a long string long. */
function text(v: Value): GuestString {
  return isGuestString(v) ? v : String(v);
}

function clamp(n: number, len: number): number {
  return n < 0 ? 0 : n > len ? len : n;
}

/** A LongStringBuilder's result, as a guest RangeError past V8's longest string. */
function build(vm: Agent, fill: (b: LongStringBuilder) => void): GuestString {
  try {
    const b = new LongStringBuilder();
    fill(b);
    return b.finish();
  } catch (e) {
    if (e instanceof RangeError) return vm.throwError("RangeError", e.message);
    throw e;
  }
}

/**
 * Appends `count` code units of `unit` repeated (the last copy cut short). A short
 * unit is first repeated up to a chunk, and that chunk appended again and again: the
 * result shares it, so it costs one chunk of memory, not its length.
 */
function appendRepeated(b: LongStringBuilder, unit: GuestString, count: number): void {
  let big = unit;
  if (typeof unit === "string" && unit.length < CHUNK)
    big = unit.repeat(Math.max(1, Math.floor(CHUNK / unit.length)));
  let left = count;
  for (; left >= big.length; left -= big.length) b.append(big);
  if (left > 0) b.append(typeof big === "string" ? big.slice(0, left) : big.slice(0, left));
  charge(SIZE.concat + 2 * Math.min(big.length, count));
}

/** The methods, given a long receiver and their arguments (objects already converted). */
const LONG_METHODS: Record<string, (vm: Agent, s: LongString, args: Value[]) => Value> = {
  charAt: (vm, s, args) => s.charAt(toInteger(num(vm, args[0]))),
  charCodeAt: (vm, s, args) => s.charCodeAt(toInteger(num(vm, args[0]))),
  codePointAt: (vm, s, args) => s.codePointAt(toInteger(num(vm, args[0]))),
  at: (vm, s, args) => {
    const i = toInteger(num(vm, args[0]));
    const k = i >= 0 ? i : s.length + i;
    return k < 0 || k >= s.length ? undefined : s.charAt(k);
  },
  slice: (vm, s, args) => {
    const from = relative(num(vm, args[0]), s.length);
    const to = args[1] === undefined ? s.length : relative(num(vm, args[1]), s.length);
    return s.slice(from, Math.max(from, to));
  },
  substring: (vm, s, args) => {
    const a = clamp(toInteger(num(vm, args[0])), s.length);
    const b = args[1] === undefined ? s.length : clamp(toInteger(num(vm, args[1])), s.length);
    return s.slice(Math.min(a, b), Math.max(a, b));
  },
  substr: (vm, s, args) => {
    const from = relative(num(vm, args[0]), s.length);
    const n = args[1] === undefined ? s.length : toInteger(num(vm, args[1]));
    return s.slice(from, from + clamp(n, s.length - from));
  },
  indexOf: (vm, s, args) => {
    const from = clamp(toInteger(num(vm, args[1])), s.length);
    return search(vm, s, text(args[0]), from, SearchMode.IndexOf);
  },
  includes: (vm, s, args) => {
    const from = clamp(toInteger(num(vm, args[1])), s.length);
    return search(vm, s, text(args[0]), from, SearchMode.Includes);
  },
  lastIndexOf: (vm, s, args) => {
    const n = num(vm, args[1]);
    const from = n !== n ? s.length : clamp(toInteger(n), s.length);
    return search(vm, s, text(args[0]), from, SearchMode.LastIndexOf);
  },
  startsWith: (vm, s, args) => {
    const needle = text(args[0]);
    const start = clamp(toInteger(num(vm, args[1])), s.length);
    if (start + needle.length > s.length) return false;
    return longStringEquals(s.slice(start, start + needle.length), needle);
  },
  endsWith: (vm, s, args) => {
    const needle = text(args[0]);
    const end = args[1] === undefined ? s.length : clamp(toInteger(num(vm, args[1])), s.length);
    const start = end - needle.length;
    if (start < 0) return false;
    return longStringEquals(s.slice(start, end), needle);
  },
};

/** Methods whose result may be long though their receiver is short. */
const RESULT_METHODS: Record<string, (vm: Agent, s: GuestString, args: Value[]) => Value> = {
  concat: (vm, s, args) => {
    let n = s.length;
    for (const a of args) n += text(a).length;
    if (n < LONG_AT) return undefined as unknown as Value;
    return build(vm, (b) => {
      b.append(s);
      for (const a of args) b.append(text(a));
    });
  },
  repeat: (vm, s, args) => {
    const count = toInteger(num(vm, args[0]));
    if (count < 0 || count === Infinity || s.length * count < LONG_AT)
      return undefined as unknown as Value;
    if (s.length * count > MAX_STRING_LENGTH)
      return vm.throwError("RangeError", "Invalid string length");
    return build(vm, (b) => appendRepeated(b, s, s.length * count));
  },
  padStart: (vm, s, args) => pad(vm, s, args, true),
  padEnd: (vm, s, args) => pad(vm, s, args, false),
};

function pad(vm: Agent, s: GuestString, args: Value[], atStart: boolean): Value {
  const n = Math.min(toInteger(num(vm, args[0])), Number.MAX_SAFE_INTEGER);
  const fill = args[1] === undefined ? " " : text(args[1]);
  if (n < LONG_AT || n <= s.length || fill.length === 0) return undefined as unknown as Value;
  if (n > MAX_STRING_LENGTH) return vm.throwError("RangeError", "Invalid string length");
  return build(vm, (b) => {
    if (!atStart) b.append(s);
    appendRepeated(b, fill, n - s.length);
    if (atStart) b.append(s);
  });
}

/**
 * Wraps the native String.prototype[name] for long strings: a long receiver goes to
 * its LONG_METHODS entry (or the native, on a flattened copy, when it has none), long
 * arguments are flattened for the native, and RESULT_METHODS make long results.
 */
export function longAware(name: string, impl: NativeImpl): NativeImpl | null {
  const long = LONG_METHODS[name];
  const result = RESULT_METHODS[name];
  if (!long && !result) return null;
  return (vm, t, args, nt, self) => {
    // Short strings before any long one was made: the native as it was.
    if (!result && !longStringsMade) return impl(vm, t, args, nt, self);
    // An object argument (a RegExp to reject, a valueOf to run) goes the native's way.
    for (let i = 0; i < args.length; i++)
      if (args[i] instanceof JSObject) return impl(vm, t, args, nt, self);
    if (result && isGuestString(t)) {
      const r = result(vm, t, args);
      if (r !== undefined) return r;
    }
    if (long && t instanceof LongString) return long(vm, t, args);
    const flat = args.map((a) => (a instanceof LongString ? flattenLong(a) : a));
    return impl(vm, t instanceof LongString ? flattenLong(t) : t, flat, nt, self);
  };
}

const enum SearchMode {
  IndexOf = 0,
  Includes = 1,
  LastIndexOf = 2,
}

/** indexOf, includes and lastIndexOf over a long subject, a piece per slice. */
function search(vm: Agent, s: LongString, needle: GuestString, from: number, mode: SearchMode) {
  const found = (i: number) => (mode === SearchMode.Includes ? i >= 0 : i);
  if (needle.length === 0) return found(from);
  // A needle longer than a chunk is rare: searched in one step, flattened.
  if (needle.length > CHUNK) {
    const flat = flattenLong(s);
    const n = typeof needle === "string" ? needle : flattenLong(needle);
    return found(
      mode === SearchMode.LastIndexOf ? flat.lastIndexOf(n, from) : flat.indexOf(n, from),
    );
  }
  // (A LongString is longer than a chunk: the needle is a host string here.)
  return runWork(vm, LongSearchWork.start(s, needle as string, from, mode));
}

const KIND_LONG_SEARCH_WORK = 230;

/**
 * One search over a LongString. Each slice searches one piece, together with the
 * needle.length - 1 code units before it (forwards) or after it (backwards), so a
 * match across two pieces is found; `at` is the next piece to look at.
 */
export class LongSearchWork extends WorkObject {
  at = 0;
  constructor(
    public subject: LongString,
    public needle: string,
    /** indexOf: the first start allowed; lastIndexOf: the last. */
    public from: number,
    public mode: SearchMode,
  ) {
    super();
  }

  /** Starts at the piece holding the first (last) start allowed. */
  static start(s: LongString, needle: string, from: number, mode: SearchMode): LongSearchWork {
    const w = new LongSearchWork(s, needle, from, mode);
    const last = Math.min(from, s.length - needle.length);
    if (mode !== SearchMode.LastIndexOf) w.at = from >= s.length ? -1 : s.pieceAt(from);
    else w.at = last < 0 ? -1 : s.pieceAt(last);
    return w;
  }

  step(_vm: Agent): Value | typeof PENDING {
    const { subject: s, needle, from, mode } = this;
    const back = mode === SearchMode.LastIndexOf;
    const p = this.at;
    if (p < 0 || p >= s.pieces) return this.result(-1);
    const start = s.pieceStart(p);
    const end = start + s.piece(p).length;
    let i: number;
    if (back) {
      const last = Math.min(from, s.length - needle.length);
      const window = s.slice(start, Math.min(s.length, end + needle.length - 1)) as string;
      i = window.lastIndexOf(needle, last - start);
      if (i >= 0) i += start;
      this.at = p - 1;
    } else {
      const ws = Math.max(from, start - (needle.length - 1));
      const window = s.slice(ws, end) as string;
      i = window.indexOf(needle);
      if (i >= 0) i += ws;
      this.at = p + 1;
    }
    if (i >= 0 || this.at < 0 || this.at >= s.pieces) return this.result(i);
    return PENDING;
  }

  private result(i: number): Value {
    return this.mode === SearchMode.Includes ? i >= 0 : i;
  }
}

registerObjectKind<LongSearchWork>({
  kind: KIND_LONG_SEARCH_WORK,
  cls: LongSearchWork,
  encode: (o, enc) => [enc.value(o.subject), o.needle, o.from, o.mode, o.at],
  allocate: () => new LongSearchWork(null as unknown as LongString, "", 0, SearchMode.IndexOf),
  decode(o, fields, dec, where) {
    const [rawSubject, needle, from, mode, at] = fields;
    const subject = dec.value(rawSubject, where);
    if (!(subject instanceof LongString) || typeof needle !== "string")
      return dec.fail(`${where}: a long-string search needs a long subject and a needle`);
    if (!isInt(from) || !isInt(at) || !isInt(mode) || mode < 0 || mode > 2)
      return dec.fail(`${where}: a long-string search with bad positions`);
    if (at < -1 || at > subject.pieces || from < 0 || from > subject.length)
      return dec.fail(`${where}: a long-string search position outside its subject`);
    Object.assign(o, { subject, needle, from, mode, at });
  },
});
