// BigInt exponentiation with a huge result in slices (see work.ts). V8 computes
// 7n ** 3000000n in one call of up to a second or more; here it is square-and-
// multiply over the exponent's bits, one big multiplication per slice once the
// numbers are big (while they are small, many bits per slice), with the state as
// data: base, exponent, the next bit and the value so far. A single multiplication
// stays one host operation — V8's own algorithms cannot be interrupted, and splitting
// one into partial products costs far more than it saves — so the longest step left
// is the last squaring (about 50 ms for a 4-million-bit number).

import type { Value } from "../value";
import type { VM } from "../interpreter";
import { registerObjectKind } from "../object-kinds";
import { PENDING, WorkObject } from "./work";

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

  step(_vm: VM): Value | typeof PENDING {
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
