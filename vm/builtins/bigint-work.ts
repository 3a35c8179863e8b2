// BigInt exponentiation with a huge result, and BigInt(string) of a long decimal
// string, in slices (see work.ts). V8 computes 7n ** 3000000n in one call of up to a
// second or more. slicedPow says when a power goes in slices; the interpreter then
// runs it as a task of bigint-arith-work.ts (square-and-multiply whose products are
// themselves sliced). BigIntPowWork below, one host multiplication per slice (the
// last squaring of a 4-million-bit number took ~50 ms), is no longer created: it is
// kept so that a snapshot holding one still resumes.

import type { Value } from "../model/value";
import type { Agent } from "../agent";
import { registerObjectKind } from "../model/object-kinds";
import { PENDING, WorkObject, isInt } from "./work";

/** Results estimated above this many bits are computed in slices. */
const SLICED_RESULT_BITS = 1 << 20;
/** Above this V8 refuses anyway (Maximum BigInt size exceeded): leave it to V8. */
const MAX_RESULT_BITS = 2 ** 30;
/** Keep multiplying within one slice while the value is below this many bits. */
const SMALL_BITS = 1 << 17;

const KIND_BIGINT_POW_WORK = 173;

function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  return n === 0n ? 0 : n.toString(16).length * 4;
}

/** Whether base ** exponent should be computed in slices. */
export function slicedPow(base: Value, exponent: Value): boolean {
  if (typeof base !== "bigint" || typeof exponent !== "bigint") return false;
  if (exponent < 2n || base === 0n || base === 1n || base === -1n) return false;
  if (exponent > BigInt(MAX_RESULT_BITS)) return false;
  const bits = Number(exponent) * bitLength(base);
  return bits > SLICED_RESULT_BITS && bits < MAX_RESULT_BITS;
}

export class BigIntPowWork extends WorkObject {
  /** The next exponent bit to use (from the top; -1 when done). */
  bit: number;
  acc = 1n;

  constructor(
    public base: bigint,
    public exponent: bigint,
  ) {
    super();
    this.bit = exponent.toString(2).length - 1;
  }

  step(_vm: Agent): Value | typeof PENDING {
    const { base, exponent } = this;
    const baseBits = bitLength(base);
    let { bit, acc } = this;
    do {
      acc *= acc;
      if ((exponent >> BigInt(bit)) & 1n) acc *= base;
      bit--;
      // The value so far is about (the exponent's bits used) × baseBits long.
    } while (bit >= 0 && Number(exponent >> BigInt(bit)) * baseBits < SMALL_BITS);
    this.bit = bit;
    this.acc = acc;
    return bit >= 0 ? PENDING : acc;
  }
}

registerObjectKind<BigIntPowWork>({
  kind: KIND_BIGINT_POW_WORK,
  cls: BigIntPowWork,
  encode: (o, enc) => [o.base, o.exponent, o.bit, o.acc].map((v) => enc.value(v)),
  allocate: () => new BigIntPowWork(2n, 2n),
  decode(o, fields, dec, where) {
    const [base, exponent, bit, acc] = fields.map((f) => dec.value(f, where));
    if (typeof base !== "bigint" || typeof exponent !== "bigint" || typeof acc !== "bigint")
      return dec.fail(`${where}: a BigInt power needs BigInt base, exponent and value`);
    if (exponent < 0n || !Number.isInteger(bit) || (bit as number) < -1)
      return dec.fail(`${where}: a BigInt power with a bad exponent or bit`);
    if ((bit as number) >= exponent.toString(2).length)
      return dec.fail(`${where}: a BigInt power bit beyond its exponent`);
    o.base = base;
    o.exponent = exponent;
    o.bit = bit as number;
    o.acc = acc;
  },
});

// BigInt(string) of a long decimal string in slices. V8 parses a million digits in
// about 0.2 s and ten million in about 3 s, in one call; here the digits are parsed in
// leaves of LEAF_DIGITS, then combined pairwise, level by level (hi × 10^width + lo),
// so the longest step is the last combination, one multiplication of half the result.

/** Decimal strings at least this long are parsed in slices. */
const SLICED_PARSE_LENGTH = 1 << 16;
const LEAF_DIGITS = 1 << 12;
/** Digits parsed, or combined, in one slice (at least one combination per slice). */
const PARSE_SLICE_DIGITS = 1 << 17;

const KIND_BIGINT_PARSE_WORK = 178;

/** The task for BigInt(v) when v is a long decimal integer literal, else null. */
export function slicedBigIntParse(v: string): BigIntParseWork | null {
  if (v.length < SLICED_PARSE_LENGTH) return null;
  const t = v.trim(); // StringToBigInt's white space is String.prototype.trim's
  if (!/^[+-]?[0-9]+$/.test(t)) return null;
  const negative = t[0] === "-";
  return new BigIntParseWork(/^[+-]/.test(t) ? t.slice(1) : t, negative);
}

export class BigIntParseWork extends WorkObject {
  /** Digits parsed into leaves so far. */
  pos = 0;
  /** The pieces of the current level, most significant first. */
  pieces: bigint[] = [];
  /** The next level, built from the right (least significant first). */
  next: bigint[] = [];
  /** Digits in each piece but the first; the next pair to combine (its right index). */
  width = LEAF_DIGITS;
  j = -1;
  /** 10 ** width (once combining has begun). */
  pow = 0n;

  constructor(
    public digits: string,
    public negative: boolean,
  ) {
    super();
  }

  step(_vm: Agent): Value | typeof PENDING {
    const s = this.digits;
    let units = 0;
    while (this.pos < s.length && units < PARSE_SLICE_DIGITS) {
      // The first leaf takes the odd digits, so every later piece has exactly `width`.
      const end = this.pos === 0 ? s.length % LEAF_DIGITS || LEAF_DIGITS : this.pos + LEAF_DIGITS;
      this.pieces.push(BigInt(s.slice(this.pos, end)));
      units += end - this.pos;
      this.pos = end;
      if (this.pos >= s.length) {
        this.j = this.pieces.length - 1;
        this.pow = 10n ** BigInt(LEAF_DIGITS);
      }
    }
    if (this.pos < s.length) return PENDING;
    while (this.pieces.length > 1 && units < PARSE_SLICE_DIGITS) {
      const { pieces, j } = this;
      if (j >= 1) {
        this.next.push(pieces[j - 1] * this.pow + pieces[j]);
        this.j -= 2;
        units += this.width;
        continue;
      }
      if (j === 0) this.next.push(pieces[0]);
      this.pieces = this.next.reverse();
      this.next = [];
      this.j = this.pieces.length - 1;
      this.width *= 2;
      if (this.pieces.length > 1) {
        this.pow *= this.pow;
        units += this.width;
      }
    }
    if (this.pieces.length > 1) return PENDING;
    const v = this.pieces[0];
    this.pieces = [];
    return this.negative ? -v : v;
  }
}

registerObjectKind<BigIntParseWork>({
  kind: KIND_BIGINT_PARSE_WORK,
  cls: BigIntParseWork,
  encode: (o, enc) => [
    o.digits,
    o.negative,
    o.pos,
    o.width,
    o.j,
    enc.value(o.pow),
    o.pieces.map((p) => enc.value(p)),
    o.next.map((p) => enc.value(p)),
  ],
  allocate: () => new BigIntParseWork("0", false),
  decode(o, fields, dec, where) {
    const [digits, negative, pos, width, j, pow, pieces, next] = fields;
    if (typeof digits !== "string" || !/^[0-9]+$/.test(digits) || typeof negative !== "boolean")
      return dec.fail(`${where}: a BigInt parse needs its digits and sign`);
    if (!isInt(pos) || pos < 0 || pos > digits.length || !isInt(width) || width < LEAF_DIGITS)
      return dec.fail(`${where}: a BigInt parse position out of range`);
    if (!Array.isArray(pieces) || !Array.isArray(next))
      return dec.fail(`${where}: a BigInt parse without its pieces`);
    const big = (list: unknown[]) =>
      list.map((p) => {
        const v = dec.value(p, where);
        if (typeof v !== "bigint")
          return dec.fail(`${where}: a BigInt parse piece is not a BigInt`);
        return v;
      });
    const p = dec.value(pow, where);
    if (typeof p !== "bigint") return dec.fail(`${where}: a BigInt parse without its power`);
    if (!isInt(j) || j < -1 || j >= Math.max(1, pieces.length))
      return dec.fail(`${where}: a BigInt parse cursor outside its pieces`);
    o.digits = digits;
    o.negative = negative;
    o.pos = pos;
    o.width = width;
    o.j = j;
    o.pow = p;
    o.pieces = big(pieces);
    o.next = big(next);
  },
});
