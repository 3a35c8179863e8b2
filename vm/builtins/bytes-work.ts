// Strings to bytes and base64 text in slices (see work.ts): Buffer.from(s, enc) for
// the one-byte-per-character encodings ("latin1", "binary", "ascii"), "ucs2", "hex"
// and "base64"/"base64url", and atob/btoa. The host does each in one call — 60 to
// 230 ms over 30 MB — and each is local when the input is cut in the right place:
// - latin1, ascii anywhere; ucs2 anywhere (two bytes a character);
// - hex after an even count of characters (the host stops at the first pair that is
//   not hex: so does the task, and the result is cut there);
// - base64 and atob after whole groups of four significant characters. A piece is
//   taken as it is only if it holds nothing but the alphabet (and, for atob, ASCII
//   white space, which is dropped: the task carries the last incomplete group to
//   the next piece). Anything else (padding in the middle, junk the host decoder
//   skips) is left to the host's one call over the rest, which also does the end;
// - btoa after whole groups of three characters (a character past U+00FF is an error
//   found piece by piece, before any output is returned).
// Bytes go into a guest array allocated at the start at the result's largest size
// (a shorter result, only after a hex or base64 decoding that stopped early, is
// copied once at the end); text is appended to a string.

import type { Value } from "../model/value";
import type { Agent } from "../agent";
import { JSObject } from "../model/object";
import { KIND_UINT8, TypedArrayObject } from "../model/buffers";
import { registerObjectKind } from "../model/object-kinds";
import { allocateBuffer } from "./arraybuffer";
import { PENDING, WorkObject, isCount } from "./work";
import { bytesOf } from "./text-work";

const KIND_BYTES_WORK = 197;

export const enum BytesOp {
  Latin1 = 0,
  Ascii = 1,
  Ucs2 = 2,
  Hex = 3,
  Base64 = 4,
  /** atob: base64 text (white space allowed) to a string of bytes. */
  Atob = 5,
  /** btoa: a string of bytes to base64 text. */
  Btoa = 6,
}
const LAST_OP = BytesOp.Btoa;
const HOST_ENCODING: readonly string[] = ["latin1", "ascii", "ucs2", "hex", "base64"];

/** Input characters in one piece: about a millisecond of host work (whole groups). */
const PIECE: readonly number[] = [
  1 << 19, // Latin1
  1 << 19, // Ascii
  1 << 19, // Ucs2
  1 << 19, // Hex (even)
  1 << 19, // Base64 (groups of four)
  1 << 19, // Atob (before white space is dropped)
  3 << 17, // Btoa (groups of three)
];

/** Buffer.from's encoding names that a task handles, by op. */
export const BYTES_FROM: Record<string, BytesOp> = {
  __proto__: null as never,
  latin1: BytesOp.Latin1,
  binary: BytesOp.Latin1,
  ascii: BytesOp.Ascii,
  ucs2: BytesOp.Ucs2,
  "ucs-2": BytesOp.Ucs2,
  utf16le: BytesOp.Ucs2,
  "utf-16le": BytesOp.Ucs2,
  hex: BytesOp.Hex,
  base64: BytesOp.Base64,
  base64url: BytesOp.Base64,
};

/** Whether an input of `length` characters is worth doing in slices. */
export function slicedBytes(op: BytesOp, length: number): boolean {
  return length >= 4 * PIECE[op];
}

/** Characters a base64 piece may hold to be decoded on its own (either alphabet). */
const BASE64_CLEAN = /^[A-Za-z0-9+/_-]*$/;
const ATOB_CLEAN = /^[A-Za-z0-9+/ \t\n\f\r]*$/;
const ATOB_SPACE = /[ \t\n\f\r]+/g;
const NOT_LATIN1 = /[^\0-\xff]/;

export class BytesWork extends WorkObject {
  /** Where the next piece starts in the subject. */
  pos = 0;
  /** Text results so far (atob, btoa). */
  out = "";
  /** atob: significant characters of an incomplete group, carried to the next piece. */
  carry = "";
  /** The guest array being filled (Buffer.from), and how many bytes are in it. */
  target: TypedArrayObject | null = null;
  written = 0;

  constructor(
    public op: BytesOp,
    public subject: string,
    /** Buffer.from: the result's prototype (null: Uint8Array's). */
    public resultProto: JSObject | null = null,
  ) {
    super();
  }

  step(vm: Agent): Value | typeof PENDING {
    if (this.op === BytesOp.Btoa) return this.btoa(vm);
    if (this.op === BytesOp.Atob) return this.atob(vm);
    return this.fill(vm);
  }

  /** The next piece of the subject, and whether it is the last. */
  private piece(): [string, boolean] {
    const end = Math.min(this.subject.length, this.pos + PIECE[this.op]);
    return [this.subject.slice(this.pos, end), end === this.subject.length];
  }

  private btoa(vm: Agent): Value | typeof PENDING {
    const [piece, last] = this.piece();
    if (NOT_LATIN1.test(piece)) {
      this.out = "";
      return vm.realm.newArray(["InvalidCharacterError", "Invalid character"]);
    }
    this.out += Buffer.from(piece, "latin1").toString("base64");
    this.pos += piece.length;
    return last ? this.finish() : PENDING;
  }

  private atob(vm: Agent): Value | typeof PENDING {
    const [piece, last] = this.piece();
    if (last || !ATOB_CLEAN.test(piece)) {
      // The end (or something only the whole-input checks decide): one host call.
      const rest = this.carry + this.subject.slice(this.pos);
      const r = atobWhole(vm, rest);
      if (typeof r !== "string") return this.abandon(r);
      this.out += r;
      this.pos = this.subject.length;
      return this.finish();
    }
    const t = this.carry + piece.replace(ATOB_SPACE, "");
    const whole = t.length - (t.length % 4);
    this.out += Buffer.from(t.slice(0, whole), "base64").toString("latin1");
    this.carry = t.slice(whole);
    this.pos += piece.length;
    return PENDING;
  }

  private fill(vm: Agent): Value | typeof PENDING {
    const op = this.op;
    const s = this.subject;
    if (this.target === null) {
      const size =
        op === BytesOp.Ucs2
          ? s.length * 2
          : op === BytesOp.Hex
            ? s.length >>> 1
            : op === BytesOp.Base64
              ? Buffer.byteLength(s, "base64")
              : s.length;
      const realm = vm.realm;
      const proto = this.resultProto ?? realm.typedArrayPrototypes[KIND_UINT8];
      const buf = allocateBuffer(vm, realm.ArrayBufferPrototype, size);
      this.target = new TypedArrayObject(proto, KIND_UINT8, buf, 0, size);
      return PENDING;
    }
    const dst = bytesOf(this.target)!;
    // Only a snapshot edited by hand can give the task a target too small.
    if (this.target.kind !== KIND_UINT8 || this.written > dst.length)
      vm.throwTypeError("internal: a string to bytes task resumed with another target");
    let [piece, last] = this.piece();
    if (op === BytesOp.Base64 && !last && !BASE64_CLEAN.test(piece)) {
      // Junk the host's decoder skips or padding: the host decodes the rest at once.
      piece = s.slice(this.pos);
      last = true;
    }
    const bytes = Buffer.from(piece, HOST_ENCODING[op as number] as BufferEncoding);
    if (this.written + bytes.length > dst.length)
      vm.throwTypeError("internal: a string to bytes task resumed with another target");
    dst.set(bytes, this.written);
    this.written += bytes.length;
    this.pos += piece.length;
    // A hex piece that did not decode whole ends the result (as the host does).
    const stopped = op === BytesOp.Hex && bytes.length * 2 < piece.length - (piece.length & 1);
    if (!last && !stopped) return PENDING;
    return this.result(vm);
  }

  private result(vm: Agent): TypedArrayObject {
    let t = this.target!;
    this.target = null;
    if (this.written < t.length) {
      // Only after a decoding that stopped early: a copy of the bytes written.
      const buf = allocateBuffer(vm, vm.realm.ArrayBufferPrototype, this.written);
      buf.data.set(bytesOf(t)!.subarray(0, this.written));
      t = new TypedArrayObject(t.proto, KIND_UINT8, buf, 0, this.written);
    }
    return t;
  }

  private finish(): string {
    const out = this.out;
    this.out = "";
    this.carry = "";
    return out;
  }

  private abandon(r: Value): Value {
    this.out = "";
    this.carry = "";
    return r;
  }
}

/**
 * atob over a whole input: the decoded string, or an array [name, message] for the
 * DOMException (HTML's forgiving base64, with node's checks in node's order).
 */
export function atobWhole(vm: Agent, s: string): Value {
  const invalid = () => vm.realm.newArray(["InvalidCharacterError", "Invalid character"]);
  // Node's checks, in its order: characters (with '=' only at the end, at most two),
  // then the count of significant characters. Host scans only: a test per character
  // took seconds over megabytes.
  const t = s.replace(ATOB_SPACE, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t)) return invalid();
  const chars = t.length;
  const equals = t.endsWith("==") ? 2 : t.endsWith("=") ? 1 : 0;
  let rest = chars % 4;
  if (!rest) rest = (chars - equals) % 4;
  else if (equals) return invalid();
  if (rest === 1)
    return vm.realm.newArray([
      "InvalidCharacterError",
      "The string to be decoded is not correctly encoded.",
    ]);
  return Buffer.from(t, "base64").toString("latin1");
}

registerObjectKind<BytesWork>({
  kind: KIND_BYTES_WORK,
  cls: BytesWork,
  encode: (o, enc) => [
    o.op,
    enc.value(o.subject),
    enc.value(o.resultProto),
    o.pos,
    o.out,
    o.carry,
    enc.value(o.target),
    o.written,
  ],
  allocate: () => new BytesWork(BytesOp.Latin1, ""),
  decode(o, fields, dec, where) {
    const [op, rawSubject, proto, pos, out, carry, target, written] = fields;
    const subject = dec.value(rawSubject, where);
    if (!isCount(op) || op > LAST_OP)
      return dec.fail(`${where}: a string to bytes task of an unknown kind`);
    if (typeof subject !== "string" || typeof out !== "string" || typeof carry !== "string")
      return dec.fail(`${where}: a string to bytes task needs string input and results`);
    if (!/^[A-Za-z0-9+/]{0,3}$/.test(carry))
      return dec.fail(`${where}: a string to bytes task with a malformed carried group`);
    const pro = dec.value(proto, where);
    const tgt = dec.value(target, where);
    if (pro !== null && !(pro instanceof JSObject))
      return dec.fail(`${where}: a string to bytes task with a malformed prototype`);
    if (tgt !== null && !(tgt instanceof TypedArrayObject))
      return dec.fail(`${where}: a string to bytes task whose target is not a Uint8Array`);
    if (!isCount(pos) || pos > subject.length || !isCount(written))
      return dec.fail(`${where}: a string to bytes task with bad positions`);
    if (tgt === null ? written !== 0 : op >= BytesOp.Atob)
      return dec.fail(`${where}: a string to bytes task with a target it cannot have`);
    o.op = op;
    o.subject = subject;
    o.resultProto = pro;
    o.pos = pos;
    o.out = out;
    o.carry = carry;
    o.target = tgt;
    o.written = written;
  },
});
