// Text transforms over big strings and byte arrays in slices (see work.ts):
// toUpperCase, toLowerCase and normalize of a long string, UTF-8 decoding
// (TextDecoder, Buffer#toString) and encoding (TextEncoder#encode, Buffer.from), and
// Buffer#toString("hex" | "base64" | "base64url" | "latin1" | "ascii" | "ucs2"). The
// host does each in one call — 0.2 to 1 s over 30 MB (normalize is the slowest, about
// 35 ms a megabyte) — and each is local: the input cut at a safe place transforms
// to the concatenation of its pieces' transforms. So a task transforms a piece of
// about a millisecond per slice, cutting only where the result cannot change:
// - case mapping: not inside a surrogate pair; lower case also not next to Σ or a
//   case-ignorable character (final sigma, Σ → ς, looks at the letters around it
//   across those);
// - normalization: before a character that never composes with what precedes it
//   and decomposes to a starter (ASCII, Latin-1/Extended-A letters, CJK, Hangul
//   syllables); text without any stays one step;
// - UTF-8 decoding: before a byte that is not a continuation byte, or after three
//   continuation bytes (a byte order mark is looked for in the first piece only);
//   hex, latin1 and ascii anywhere, base64 every three bytes, UTF-16 every two;
// - TextDecoder in a single-byte encoding (windows-1252 for "latin1", iso-8859-*,
//   koi8-*, …): anywhere; in UTF-16: every two bytes, not after a high surrogate;
// - UTF-8 encoding: not inside a surrogate pair; a first pass counts the bytes, the
//   guest array is allocated, a second pass encodes into it.
// The state is the input, where the next piece starts and the result so far.

import type { Value } from "../model/value";
import type { Agent } from "../agent";
import { JSObject, PF, Prop } from "../model/object";
import { ArrayBufferObject, DataViewObject, KIND_UINT8, TypedArrayObject } from "../model/buffers";
import { registerObjectKind } from "../model/object-kinds";
import { allocateBuffer } from "./arraybuffer";
import { PENDING, WorkObject, isCount } from "./work";

const KIND_TEXT_WORK = 180;

/** Host bytes shared with a guest typed array, DataView or ArrayBuffer. */
export function bytesOf(v: Value): Uint8Array | undefined {
  if (v instanceof TypedArrayObject) {
    const h = v.host();
    return new Uint8Array(h.buffer, h.byteOffset, h.byteLength);
  }
  if (v instanceof ArrayBufferObject) return v.data;
  if (v instanceof DataViewObject) {
    const d = v.buffer.data;
    return new Uint8Array(d.buffer, d.byteOffset + v.byteOffset, v.byteLength);
  }
  return undefined;
}

/** Re-throws a host error from a Node API as the guest error Node would have thrown. */
export function rethrow(vm: Agent, e: unknown): never {
  if (e instanceof Error) {
    const kind =
      e instanceof RangeError ? "RangeError" : e instanceof TypeError ? "TypeError" : "Error";
    const err = vm.makeError(kind, e.message);
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") err.props.set("code", new Prop(code, PF.Hidden));
    return vm.throwValue(err);
  }
  throw e;
}

export const enum TextOp {
  Upper = 0,
  Lower = 1,
  NFC = 2,
  NFD = 3,
  NFKC = 4,
  NFKD = 5,
  Utf8Decode = 6,
  Utf8Encode = 7,
  /** Buffer#toString("hex" | "base64" | "base64url") of bytes. */
  Hex = 8,
  Base64 = 9,
  Base64Url = 10,
  /** Buffer#toString("latin1" | "binary" | "ascii" | "ucs2" | "utf16le") of bytes. */
  Latin1 = 11,
  Ascii = 12,
  Ucs2 = 13,
  /** TextDecoder#decode in a single-byte encoding or UTF-16 (see DECODED_IN_SLICES). */
  Decode = 14,
}
const LAST_OP = TextOp.Decode;
/** The ops whose input is bytes. */
const BYTES_IN = (op: TextOp) => op === TextOp.Utf8Decode || op >= TextOp.Hex;

/** Input units (characters or bytes) in one piece: about a millisecond of host work. */
const PIECE: readonly number[] = [
  1 << 18, // Upper
  1 << 18, // Lower
  1 << 15, // NFC (combining-heavy text: ~35 ms a million characters)
  1 << 16, // NFD
  1 << 15, // NFKC
  1 << 16, // NFKD
  1 << 18, // Utf8Decode
  1 << 18, // Utf8Encode (each pass)
  1 << 18, // Hex
  3 << 18, // Base64 (whole groups of three bytes: no padding but at the end)
  3 << 18, // Base64Url
  1 << 19, // Latin1 (~20 ms over 30 MB in one call)
  1 << 19, // Ascii
  1 << 19, // Ucs2 (an even count: pieces never split a code unit)
  1 << 16, // Decode (ICU's converters: ~17 ms a megabyte of windows-1252)
];

/**
 * The TextDecoder encodings decoded in slices: those of one byte a character (a piece
 * can end anywhere) and UTF-16 (a piece ends on a code unit, never after a high
 * surrogate). The multi-byte legacy ones (gbk, big5, shift_jis, euc-*, iso-2022-jp,
 * whose trail bytes look like ASCII or which keep a shift state) stay one host call.
 */
const DECODED_IN_SLICES = new Set([
  "utf-16le",
  "utf-16be",
  "ibm866",
  "koi8-r",
  "koi8-u",
  "macintosh",
  "x-mac-cyrillic",
  "windows-874",
  ...[2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16].map((n) => `iso-8859-${n}`),
  "iso-8859-8-i",
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => `windows-125${n}`),
]);

/** Whether UTF-16 bytes (of an even count) end in a high surrogate (false for other encodings). */
export function endsInHighSurrogate(encoding: string, b: Uint8Array): boolean {
  const n = b.length;
  if (n < 2 || (encoding !== "utf-16le" && encoding !== "utf-16be")) return false;
  const unit = encoding === "utf-16le" ? b[n - 2] | (b[n - 1] << 8) : (b[n - 2] << 8) | b[n - 1];
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** Whether TextDecoder#decode of `length` bytes in `encoding` is done in slices. */
export function slicedDecode(encoding: string, length: number): boolean {
  return DECODED_IN_SLICES.has(encoding) && slicedText(TextOp.Decode, length);
}
const BYTE_ENCODINGS = ["hex", "base64", "base64url", "latin1", "ascii", "ucs2"] as const;

/** Whether an input of `length` units is worth doing in slices. */
export function slicedText(op: TextOp, length: number): boolean {
  return length >= 4 * PIECE[op];
}

const FORMS = ["NFC", "NFD", "NFKC", "NFKD"];
/**
 * Two neighbours that are neither case-ignorable, Σ, surrogates nor astral. Made on
 * first use, from a string: V8 builds the case-ignorable set when it parses such a
 * literal, even in a function never called (~8M instructions, 1.9% of `vmrun hello.js`).
 */
let lowerCut: RegExp | null = null;
function lowerCutRegExp(): RegExp {
  const pair = String.raw`(?=[\0-\ud7ff\ue000-\uffff])(?!\u03a3)\P{CI}`;
  return (lowerCut ??= new RegExp(pair + pair, "gu"));
}
/** A character before which normalization can cut (see the file comment). */
const NORMALIZE_CUT = /[\0-\x7f\u00c0-\u017f\u4e00-\u9fff\uac00-\ud7a3]/g;

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Where a piece of `s` that should end near `at` may end (at ≤ result ≤ s.length). */
function cutString(op: TextOp, s: string, at: number): number {
  if (at >= s.length) return s.length;
  if (op === TextOp.Lower) {
    const cut = lowerCutRegExp();
    cut.lastIndex = at - 1;
    const m = cut.exec(s);
    return m ? m.index + 1 : s.length;
  }
  if (op === TextOp.Upper || op === TextOp.Utf8Encode)
    return isHigh(s.charCodeAt(at - 1)) ? at + 1 : at;
  NORMALIZE_CUT.lastIndex = at;
  const m = NORMALIZE_CUT.exec(s);
  return m ? m.index : s.length;
}

export class TextWork extends WorkObject {
  /** Where the next piece starts (in the input; the second pass of encoding restarts at 0). */
  pos = 0;
  /** A string result so far. */
  out = "";
  /** Encoding: the byte count (first pass), then the guest array being filled. */
  bytes = 0;
  target: TypedArrayObject | null = null;
  written = 0;

  constructor(
    public op: TextOp,
    /** The string input ("" for decoding). */
    public subject: string,
    /** Decoding: the byte source and its range. */
    public source: JSObject | null = null,
    public start = 0,
    public end = 0,
    /** Decoding: TextDecoder's fatal and ignoreBOM; encoding: the result's prototype. */
    public fatal = false,
    public ignoreBOM = false,
    public resultProto: JSObject | null = null,
    /** TextOp.Decode: the encoding's canonical name. */
    public encoding = "",
  ) {
    super();
  }

  /** The input's length in units. */
  get length(): number {
    return BYTES_IN(this.op) ? this.end - this.start : this.subject.length;
  }

  step(vm: Agent): Value | typeof PENDING {
    if (BYTES_IN(this.op)) return this.decode(vm);
    if (this.op === TextOp.Utf8Encode) return this.encode(vm);
    const s = this.subject;
    const end = cutString(this.op, s, this.pos + PIECE[this.op]);
    const piece = s.slice(this.pos, end);
    this.out +=
      this.op === TextOp.Upper
        ? piece.toUpperCase()
        : this.op === TextOp.Lower
          ? piece.toLowerCase()
          : piece.normalize(FORMS[this.op - TextOp.NFC]);
    this.pos = end;
    return end < s.length ? PENDING : this.finish();
  }

  private finish(): string {
    const out = this.out;
    this.out = "";
    return out;
  }

  private decode(vm: Agent): Value | typeof PENDING {
    const all = bytesOf(this.source) ?? new Uint8Array(0);
    // Only a snapshot edited by hand can pair a task with shorter bytes.
    if (this.end > all.length) vm.throwTypeError("internal: a decoding resumed on other bytes");
    const b = all.subarray(this.start, this.end);
    let end = Math.min(b.length, this.pos + PIECE[this.op]);
    if (this.op !== TextOp.Utf8Decode && this.op !== TextOp.Decode) {
      const piece = Buffer.from(b.buffer, b.byteOffset + this.pos, end - this.pos);
      this.out += piece.toString(BYTE_ENCODINGS[this.op - TextOp.Hex]);
      this.pos = end;
      return end < b.length ? PENDING : this.finish();
    }
    if (this.op === TextOp.Utf8Decode) {
      // Not before a continuation byte, unless three precede it (it then starts no character).
      for (let k = 0; k < 3 && end < b.length && (b[end] & 0xc0) === 0x80; k++) end++;
    } else if (end < b.length && endsInHighSurrogate(this.encoding, b.subarray(0, end)))
      end = Math.min(b.length, end + 2);
    let text: string;
    try {
      text = new TextDecoder(this.op === TextOp.Utf8Decode ? "utf-8" : this.encoding, {
        fatal: this.fatal,
        // A byte order mark is looked for in the first piece only.
        ignoreBOM: this.ignoreBOM || this.pos > 0,
      }).decode(b.subarray(this.pos, end));
    } catch (e) {
      return rethrow(vm, e);
    }
    this.out += text;
    this.pos = end;
    return end < b.length ? PENDING : this.finish();
  }

  private encode(vm: Agent): Value | typeof PENDING {
    const s = this.subject;
    const end = cutString(this.op, s, this.pos + PIECE[this.op]);
    const piece = s.slice(this.pos, end);
    if (this.target === null) {
      this.bytes += Buffer.byteLength(piece, "utf8");
      this.pos = end;
      if (end < s.length) return PENDING;
      const realm = vm.realm;
      const abp = realm.internals.props.get("ArrayBufferPrototype")!.value as JSObject;
      const u8 = realm.global.props.get("Uint8Array")!.value as JSObject;
      const proto = this.resultProto ?? (u8.props.get("prototype")!.value as JSObject);
      const buf = allocateBuffer(vm, abp, this.bytes);
      this.target = new TypedArrayObject(proto, KIND_UINT8, buf, 0, this.bytes);
      this.pos = 0;
      return PENDING;
    }
    // Only a snapshot edited by hand can give the task another target.
    if (this.target.kind !== KIND_UINT8 || this.target.length !== this.bytes)
      vm.throwTypeError("internal: an encoding resumed with another target");
    const dst = bytesOf(this.target)!;
    const r = new TextEncoder().encodeInto(piece, dst.subarray(this.written));
    this.written += r.written;
    this.pos = end;
    if (end < s.length) return PENDING;
    const t = this.target;
    this.target = null;
    return t;
  }
}

registerObjectKind<TextWork>({
  kind: KIND_TEXT_WORK,
  cls: TextWork,
  encode: (o, enc) => [
    o.op,
    enc.value(o.subject),
    enc.value(o.source),
    o.start,
    o.end,
    o.fatal,
    o.ignoreBOM,
    enc.value(o.resultProto),
    o.pos,
    o.out,
    o.bytes,
    enc.value(o.target),
    o.written,
    o.encoding,
  ],
  allocate: () => new TextWork(TextOp.Upper, ""),
  decode(o, fields, dec, where) {
    const [op, rawSubject, source, start, end, fatal, ignoreBOM, proto, pos, out, bytes, target] =
      fields;
    const subject = dec.value(rawSubject, where);
    const written = fields[12];
    // Absent from snapshots made before TextOp.Decode.
    const encoding = fields[13] ?? "";
    if (!isCount(op) || op > LAST_OP) return dec.fail(`${where}: a text task of an unknown kind`);
    if (op === TextOp.Decode ? !DECODED_IN_SLICES.has(encoding as string) : encoding !== "")
      return dec.fail(`${where}: a text task with a bad encoding`);
    if (typeof subject !== "string" || typeof out !== "string")
      return dec.fail(`${where}: a text task needs string input and result`);
    if (typeof fatal !== "boolean" || typeof ignoreBOM !== "boolean")
      return dec.fail(`${where}: a text task with malformed flags`);
    const src = dec.value(source, where);
    const pro = dec.value(proto, where);
    const tgt = dec.value(target, where);
    if (
      (src !== null && !(src instanceof JSObject)) ||
      (pro !== null && !(pro instanceof JSObject))
    )
      return dec.fail(`${where}: a text task with a malformed source or prototype`);
    if (tgt !== null && !(tgt instanceof TypedArrayObject))
      return dec.fail(`${where}: a text task whose target is not a Uint8Array`);
    if (
      !isCount(start) ||
      !isCount(end) ||
      start > end ||
      !isCount(pos) ||
      !isCount(bytes) ||
      !isCount(written)
    )
      return dec.fail(`${where}: a text task with bad positions`);
    o.op = op;
    o.subject = subject;
    o.start = start;
    o.end = end;
    if (pos > o.length) return dec.fail(`${where}: a text task position past its input`);
    if (tgt !== null && (op !== TextOp.Utf8Encode || written > tgt.length))
      return dec.fail(`${where}: a text task written past its target`);
    o.source = src;
    o.fatal = fatal;
    o.ignoreBOM = ignoreBOM;
    o.resultProto = pro;
    o.pos = pos;
    o.out = out;
    o.bytes = bytes;
    o.target = tgt;
    o.written = written;
    o.encoding = encoding as string;
  },
});
