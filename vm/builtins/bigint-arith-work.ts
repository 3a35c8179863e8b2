// Huge BigInt products, quotients, remainders and toString in slices (see work.ts).
// V8 multiplies two 4-million-bit numbers in ~75 ms, divides a 4-million-bit number
// by a 2-million-bit one in ~0.35 s and writes a 2-million-bit number in decimal in
// ~0.25 s, each in one call. Here each is a divide-and-conquer whose leaves are host
// operations on bounded sizes (where V8 is fast), run by a small machine whose whole
// state is data — a stack of frames holding numbers and BigInts — so a slice ends
// after a few milliseconds of leaves, wherever the recursion is:
// - multiplication: Karatsuba (three half-size products), or halving the bigger
//   factor when the other is small (V8 multiplies unbalanced numbers slowly);
// - division: Burnikel–Ziegler (2n-by-n digits through two 3n-by-2n steps, each one
//   half-size division and one half-size product), over the dividend's digits in
//   base 2^n (n the divisor's bit length) split in halves;
// - toString: splitting by the powers radix^(L·2^j) (L digits a leaf), each split a
//   division as above, the high part first so the digits come out in order.
// Results are the host's exactly (test/bigint-arith.test.ts checks them against it).

import type { Value } from "../model/value";
import type { Agent } from "../agent";
import { registerObjectKind } from "../model/object-kinds";
import { bigintBytes, charge, stringBytes } from "../model/heap";
import { PENDING, WorkObject } from "./work";

/**
 * Sizes in bits. `let` fields so a test can shrink them to exercise the recursion on
 * small numbers; a Agent never changes them.
 */
export const BIGINT_SLICING = {
  /** Both factors at most this long: one host multiplication (~2.5 ms). */
  mulLeafBits: 1 << 18,
  /** A factor at most this long: one host multiplication, whatever the other. */
  tinyBits: 1024,
  /** Divisors at most this long divide on the host, this many quotient bits a leaf. */
  divLeafBits: 1 << 16,
  /** A toString leaf: a number of at most about this many bits (~2 ms). */
  toStringLeafBits: 1 << 16,
  /** A power squares and multiplies on the host while its value is this short. */
  powSmallBits: 1 << 17,
  /** Numbers below 2^smallBits are never worth slicing (a cheap first test). */
  smallBits: 1024,
  /** Estimated microseconds of leaves in one slice. */
  sliceMicros: 4000,
  /** An operation the host would take more than about this many microseconds over. */
  slicedMicros: 8000,
};

const KIND_BIGINT_ARITH_WORK = 190;
/** V8 refuses BigInts longer than this (and so does a decoded task). */
const MAX_BITS = 2 ** 30;

/** What a task computes. */
export const enum Arith {
  Mul = 0,
  Div = 1,
  Mod = 2,
  ToString = 3,
  Pow = 4,
}

/** The machine's frame kinds (numbers in snapshots: never renumber). */
const enum Op {
  Karatsuba = 0,
  SplitMul = 1,
  Div2n1n = 2,
  Div3n2n = 3,
  DivDigits = 4,
  ToString = 5,
  Powers = 6,
  Pow = 7,
}

/** Per frame kind: [numbers, BigInt slots, last stage]. */
const FRAME_SHAPE: readonly [number, number, number][] = [
  [3, 6, 3], // Karatsuba  n: h, bits of a, bits of b   v: a0, a1, b0, b1, z0, z2
  [3, 4, 2], // SplitMul   n: h, bits of a, bits of b   v: a0, a1, b, z0
  [3, 5, 2], // Div2n1n    n: n, half, pad              v: a, b, b1, b2, q1
  [1, 7, 2], // Div3n2n    n: n                         v: a12, a3, b, b1, b2, q, r·2^n+a3
  [4, 4, 2], // DivDigits  n: digit bits, digits, bits of b, low bits   v: x, b, q1, lo
  [4, 2, 3], // ToString   n: power, padded, split power, bits of x     v: x, r
  [1, 1, 2], // Powers     n: bits of x                 v: x
  [2, 3, 2], // Pow        n: next exponent bit (-1: done, stored +1), bits of base   v: base, exponent, acc
];

interface Frame {
  op: Op;
  stage: number;
  n: number[];
  v: bigint[];
}

// Estimated host costs in microseconds (measured on the 2-core test machine, idle).
const linearCost = (bits: number) => 1 + bits / 8192;
const mulCost = (a: number, b: number) => 1 + (a + b) / 200;
const divCost = (qBits: number, bBits: number) => 1 + (qBits * bBits) / 2 ** 20;
const toStringCost = (bits: number) => 1 + (bits * bits) / 2 ** 21;

/** The exact bit length of |x|; cheap when `about` is within ~1,000 bits of it. */
export function bitLength(x: bigint, about = 0): number {
  if (x < 0n) x = -x;
  if (about > 2048) {
    const s = about - 1024;
    const top = x >> BigInt(s);
    if (top !== 0n && top >> 2048n === 0n) return s + smallBitLength(top);
  }
  return smallBitLength(x);
}

function smallBitLength(x: bigint): number {
  if (x === 0n) return 0;
  const h = x.toString(16);
  return (h.length - 1) * 4 + (32 - Math.clz32(parseInt(h[0], 16)));
}

/** Quick size filter: |x| below 2^smallBits is never worth slicing. */
let small = 0n;
let smallBits = -1;
function isSmall(x: bigint): boolean {
  if (smallBits !== BIGINT_SLICING.smallBits) {
    smallBits = BIGINT_SLICING.smallBits;
    small = 1n << BigInt(smallBits);
  }
  return x < small && x > -small;
}

/** The task for a * b, a / b or a % b when the host would take long, else null. */
export function slicedArith(what: Arith, a: Value, b: Value): BigIntArithWork | null {
  // A small dividend, or a small factor times a huge one, is quick on the host.
  if (typeof a !== "bigint" || typeof b !== "bigint" || isSmall(a)) return null;
  if (what === Arith.Mul) {
    if (isSmall(b)) return null;
    const ba = bitLength(a);
    const bb = bitLength(b);
    if (Math.max(ba, bb) <= BIGINT_SLICING.mulLeafBits || ba + bb > MAX_BITS) return null;
    if (Math.min(ba, bb) <= BIGINT_SLICING.tinyBits) return null;
    const task = new BigIntArithWork(what, a < 0n !== b < 0n, 10);
    task.callMul(a < 0n ? -a : a, b < 0n ? -b : b, ba, bb);
    return task;
  }
  const ba = bitLength(a);
  const bb = bitLength(b);
  // Divisors of one or two words divide in linear time.
  if (bb <= 64 || ba <= bb || divCost(ba - bb, bb) <= BIGINT_SLICING.slicedMicros) return null;
  const task = new BigIntArithWork(what, what === Arith.Div ? a < 0n !== b < 0n : a < 0n, 10);
  task.callDivmod(a < 0n ? -a : a, b < 0n ? -b : b, ba, bb);
  return task;
}

/** The task for base ** exponent (a huge result: see bigint-work.ts's slicedPow). */
export function powTask(base: bigint, exponent: bigint): BigIntArithWork {
  const task = new BigIntArithWork(Arith.Pow, base < 0n && (exponent & 1n) === 1n, 10);
  const b = base < 0n ? -base : base;
  const topBit = bitLength(exponent) - 1;
  task.frames.push({ op: Op.Pow, stage: 0, n: [topBit + 1, bitLength(b)], v: [b, exponent, 1n] });
  return task;
}

/**
 * The task for before + x.toString(radix) + after when the host would take long,
 * else null (the strings are for `+` and template literals).
 */
export function slicedToString(
  x: bigint,
  radix: number,
  before = "",
  after = "",
): BigIntArithWork | null {
  // Powers of two are written in linear time by the host.
  if ((radix & (radix - 1)) === 0 || isSmall(x)) return null;
  const bits = bitLength(x);
  if (toStringCost(bits) <= BIGINT_SLICING.slicedMicros) return null;
  const task = new BigIntArithWork(Arith.ToString, x < 0n, radix);
  task.before = before;
  task.after = after;
  task.powers = [BigInt(radix) ** BigInt(task.leafDigits())];
  task.powerBits = [bitLength(task.powers[0])];
  task.frames.push({ op: Op.Powers, stage: 0, n: [bits], v: [x < 0n ? -x : x] });
  return task;
}

export class BigIntArithWork extends WorkObject {
  frames: Frame[] = [];
  /** What the last frame to finish returned (a product; a quotient and remainder). */
  ret: bigint[] = [];
  /** toString: radix^(L·2^j) for j = 0, 1, …, their exact bit lengths, and the digits so far. */
  powers: bigint[] = [];
  powerBits: number[] = [];
  out: string[] = [];
  /** toString: the text around the digits. */
  before = "";
  after = "";

  constructor(
    public what: Arith,
    /** The result's sign (toString: a "-" before the digits). */
    public negative: boolean,
    public radix: number,
  ) {
    super();
  }

  /** L: the digits of one toString leaf. */
  leafDigits(): number {
    return Math.floor(BIGINT_SLICING.toStringLeafBits / Math.log2(this.radix));
  }

  step(vm: Agent): Value | typeof PENDING {
    let spent = 0;
    try {
      while (this.frames.length > 0 && spent < BIGINT_SLICING.sliceMicros) spent += this.advance();
    } catch (e) {
      // Only a snapshot edited by hand gets here (a shift past V8's BigInt size, a
      // division step out of range): a guest error, never a host one.
      if (e instanceof RangeError || e instanceof TypeError) vm.throwError(e.name, e.message);
      throw e;
    }
    if (this.frames.length > 0) return PENDING;
    return this.result();
  }

  private result(): Value {
    const sign = (v: bigint) => {
      charge(bigintBytes(v));
      return this.negative ? -v : v;
    };
    switch (this.what) {
      case Arith.Mul:
      case Arith.Pow:
      case Arith.Div:
        return sign(this.ret[0]);
      case Arith.Mod:
        return sign(this.ret[1]);
      default: {
        const s = this.before + (this.negative ? "-" : "") + this.out.join("") + this.after;
        this.out = [];
        this.powers = [];
        charge(stringBytes(s));
        return s;
      }
    }
  }

  private push(op: Op, n: number[], v: bigint[]): number {
    this.frames.push({ op, stage: 0, n, v });
    return 1;
  }

  /** The current frame is done: it returns `values` to the one below. */
  private done(values: bigint[], cost: number): number {
    this.frames.pop();
    this.ret = values;
    return cost;
  }

  /** a × b (a, b ≥ 0, at most ba and bb bits): the product now, or a frame for it. */
  callMul(a: bigint, b: bigint, ba: number, bb: number): number {
    const { mulLeafBits, tinyBits } = BIGINT_SLICING;
    if (Math.max(ba, bb) <= mulLeafBits || Math.min(ba, bb) <= tinyBits) {
      this.ret = [a * b];
      return mulCost(ba, bb);
    }
    if (bb > ba) [a, b, ba, bb] = [b, a, bb, ba];
    const h = Math.ceil(ba / 2);
    const cost = linearCost(ba + bb);
    const H = BigInt(h);
    if (bb <= h)
      return cost + this.push(Op.SplitMul, [h, ba, bb], [BigInt.asUintN(h, a), a >> H, b, 0n]);
    const v = [BigInt.asUintN(h, a), a >> H, BigInt.asUintN(h, b), b >> H, 0n, 0n];
    return cost + this.push(Op.Karatsuba, [h, ba, bb], v);
  }

  /** a = q·b + r (a ≥ 0, b > 0 of exactly bb bits, a of at most ba bits). */
  callDivmod(a: bigint, b: bigint, ba: number, bb: number): number {
    const D = Math.max(bb, BIGINT_SLICING.divLeafBits);
    // a < 2^(k·D) · b, since b ≥ 2^(bb−1).
    const k = Math.max(1, Math.ceil((ba - bb + 1) / D));
    return this.callDivDigits(a, b, D, k, bb);
  }

  /** x = q·b + r where x < 2^(k·D)·b: k quotient digits of D bits. */
  private callDivDigits(x: bigint, b: bigint, D: number, k: number, bb: number): number {
    if (k > 1) return this.push(Op.DivDigits, [D, k, bb, 0], [x, b, 0n, 0n]);
    if (bb <= BIGINT_SLICING.divLeafBits) {
      const q = x / b;
      this.ret = [q, x - q * b];
      return divCost(D, bb);
    }
    return this.callDiv2n1n(x, b, bb);
  }

  /** x = q·b + r where b has exactly n bits and x < 2^n·b. */
  private callDiv2n1n(x: bigint, b: bigint, n: number): number {
    if (n <= BIGINT_SLICING.divLeafBits) {
      const q = x / b;
      this.ret = [q, x - q * b];
      return divCost(n, n);
    }
    return this.push(Op.Div2n1n, [n, 0, 0], [x, b, 0n, 0n, 0n]);
  }

  /** One stage of the frame on top. Returns its estimated cost. */
  private advance(): number {
    const f = this.frames[this.frames.length - 1];
    switch (f.op) {
      case Op.Karatsuba:
        return this.karatsuba(f);
      case Op.SplitMul:
        return this.splitMul(f);
      case Op.Div2n1n:
        return this.div2n1n(f);
      case Op.Div3n2n:
        return this.div3n2n(f);
      case Op.DivDigits:
        return this.divDigits(f);
      case Op.ToString:
        return this.toStringStage(f);
      case Op.Powers:
        return this.powersStage(f);
      default:
        return this.powStage(f);
    }
  }

  /** a·b = z2·2^2h + ((a0+a1)(b0+b1) − z0 − z2)·2^h + z0. */
  private karatsuba(f: Frame): number {
    const [h, ba, bb] = f.n;
    const v = f.v;
    switch (f.stage++) {
      case 0:
        return this.callMul(v[0], v[2], h, h);
      case 1:
        v[4] = this.ret[0];
        return this.callMul(v[1], v[3], ba - h, bb - h);
      case 2: {
        v[5] = this.ret[0];
        const s = v[0] + v[1];
        const t = v[2] + v[3];
        v[0] = v[1] = v[2] = v[3] = 0n;
        return linearCost(2 * h) + this.callMul(s, t, h + 1, h + 1);
      }
      default: {
        const H = BigInt(h);
        const z1 = this.ret[0] - v[4] - v[5];
        return this.done([(v[5] << (2n * H)) + (z1 << H) + v[4]], 4 * linearCost(ba + bb));
      }
    }
  }

  /** a·b = a1·b·2^h + a0·b, for b much shorter than a. */
  private splitMul(f: Frame): number {
    const [h, ba, bb] = f.n;
    const v = f.v;
    switch (f.stage++) {
      case 0:
        return this.callMul(v[0], v[2], h, bb);
      case 1:
        v[3] = this.ret[0];
        return this.callMul(v[1], v[2], ba - h, bb);
      default:
        return this.done([(this.ret[0] << BigInt(h)) + v[3]], 2 * linearCost(ba + bb));
    }
  }

  /** Burnikel–Ziegler: the quotient's two halves, each one 3n-by-2n step. */
  private div2n1n(f: Frame): number {
    const v = f.v;
    switch (f.stage++) {
      case 0: {
        let [a, b] = v;
        let n = f.n[0];
        // An odd n is made even by shifting both (the remainder is shifted back).
        const pad = n & 1;
        if (pad) {
          a <<= 1n;
          b <<= 1n;
          n++;
        }
        const half = n >> 1;
        const H = BigInt(half);
        f.n = [n, half, pad];
        f.v = [a, b, b >> H, BigInt.asUintN(half, b), 0n];
        const a12 = a >> BigInt(n);
        const a3 = BigInt.asUintN(half, a >> H);
        return (
          linearCost(2 * n) + this.push(Op.Div3n2n, [half], [a12, a3, b, f.v[2], f.v[3], 0n, 0n])
        );
      }
      case 1: {
        const [q1, r] = this.ret;
        const [, half] = f.n;
        v[4] = q1;
        const a4 = BigInt.asUintN(half, v[0]);
        v[0] = 0n;
        return this.push(Op.Div3n2n, [half], [r, a4, v[1], v[2], v[3], 0n, 0n]);
      }
      default: {
        const [n, half, pad] = f.n;
        const [q2, r] = this.ret;
        return this.done([(v[4] << BigInt(half)) | q2, pad ? r >> 1n : r], linearCost(2 * n));
      }
    }
  }

  /** (a12·2^n + a3) by b = b1·2^n + b2: q from a12 / b1, then corrected by q·b2. */
  private div3n2n(f: Frame): number {
    const n = f.n[0];
    const N = BigInt(n);
    const v = f.v;
    switch (f.stage++) {
      case 0: {
        const [a12, , , b1] = v;
        if (a12 >> N === b1) {
          // The quotient digit would overflow: it is 2^n − 1 (then corrected below).
          this.ret = [(1n << N) - 1n, a12 - (b1 << N) + b1];
          return linearCost(2 * n);
        }
        return this.callDiv2n1n(a12, b1, n);
      }
      case 1: {
        const [q, r] = this.ret;
        v[5] = q;
        v[6] = (r << N) | v[1];
        v[0] = v[1] = 0n;
        return linearCost(2 * n) + this.callMul(q, v[4], n, n);
      }
      default: {
        let q = v[5];
        let r = v[6] - this.ret[0];
        // At most two corrections for a normalized divisor.
        for (let i = 0; r < 0n; i++) {
          if (i === 2) throw new TypeError("internal: a BigInt division step out of range");
          q--;
          r += v[2];
        }
        return this.done([q, r], 3 * linearCost(3 * n));
      }
    }
  }

  /** k digits of D bits: the high half of the quotient, then the low half. */
  private divDigits(f: Frame): number {
    const [D, k, bb] = f.n;
    const v = f.v;
    const k1 = Math.ceil(k / 2);
    const k2 = k - k1;
    const K2 = k2 * D;
    switch (f.stage++) {
      case 0: {
        const x = v[0];
        v[0] = 0n;
        v[3] = BigInt.asUintN(K2, x);
        return linearCost(k * D) + this.callDivDigits(x >> BigInt(K2), v[1], D, k1, bb);
      }
      case 1: {
        const [q1, r1] = this.ret;
        v[2] = q1;
        const x = (r1 << BigInt(K2)) | v[3];
        v[3] = 0n;
        return linearCost(K2) + this.callDivDigits(x, v[1], D, k2, bb);
      }
      default: {
        const [q2, r] = this.ret;
        return this.done([(v[2] << BigInt(K2)) | q2, r], linearCost(k * D));
      }
    }
  }

  /**
   * The digits of x, most significant first. Padded: x < powers[j], written in
   * exactly L·2^j digits. Unpadded (the top): split by the largest power ≤ x.
   */
  private toStringStage(f: Frame): number {
    const [j, padded, , xBits] = f.n;
    const v = f.v;
    switch (f.stage++) {
      case 0: {
        const x = v[0];
        let i = j - 1;
        if (!padded) for (i = this.powers.length - 1; i >= 0 && this.powers[i] > x;) i--;
        if (i < 0) {
          const s = x.toString(this.radix);
          this.out.push(padded ? s.padStart(this.leafDigits(), "0") : s);
          return this.done([], toStringCost(xBits));
        }
        f.n[2] = i;
        return this.callDivmod(x, this.powers[i], xBits, this.powerBits[i]);
      }
      case 1: {
        const i = f.n[2];
        const [q, r] = this.ret;
        v[0] = 0n;
        v[1] = r;
        return this.push(Op.ToString, [i, padded, 0, this.powerBits[i]], [q, 0n]);
      }
      case 2: {
        const i = f.n[2];
        const r = v[1];
        v[1] = 0n;
        return this.push(Op.ToString, [i, 1, 0, this.powerBits[i]], [r, 0n]);
      }
      default:
        return this.done([], 1);
    }
  }

  /** Square-and-multiply over the exponent's bits from the top, products as above. */
  private powStage(f: Frame): number {
    const [bitPlus1, baseBits] = f.n;
    const bit = bitPlus1 - 1;
    const v = f.v;
    const [base, exponent] = v;
    // The value so far is about (the exponent's bits used) × baseBits long.
    const accBits = () => Number(exponent >> BigInt(bit + 1)) * baseBits + 1;
    const set = () => Number((exponent >> BigInt(bit)) & 1n) === 1;
    switch (f.stage) {
      case 0: {
        if (bit < 0) return this.done([v[2]], 1);
        const bits = accBits();
        if (2 * bits <= BIGINT_SLICING.powSmallBits) {
          // Small values: one square-and-multiply now.
          v[2] *= v[2];
          if (set()) v[2] *= base;
          f.n[0]--;
          return mulCost(2 * bits, 2 * bits);
        }
        f.stage = 1;
        return this.callMul(v[2], v[2], bits, bits);
      }
      case 1:
        v[2] = this.ret[0];
        if (set()) {
          f.stage = 2;
          return this.callMul(v[2], base, 2 * accBits(), baseBits);
        }
        f.n[0]--;
        f.stage = 0;
        return 1;
      default:
        v[2] = this.ret[0];
        f.n[0]--;
        f.stage = 0;
        return 1;
    }
  }

  /** Squares the last power until its square exceeds x, then writes x. */
  private powersStage(f: Frame): number {
    const xBits = f.n[0];
    const last = this.powers.length - 1;
    const lastBits = this.powerBits[last];
    switch (f.stage) {
      case 0:
        if (2 * lastBits - 2 < xBits) {
          f.stage = 1;
          return this.callMul(this.powers[last], this.powers[last], lastBits, lastBits);
        }
        f.stage = 2;
        return this.push(Op.ToString, [0, 0, 0, xBits], [f.v[0], 0n]);
      case 1:
        this.powers.push(this.ret[0]);
        this.powerBits.push(bitLength(this.ret[0], 2 * lastBits));
        f.stage = 0;
        return linearCost(2 * lastBits);
      default:
        return this.done([], 1);
    }
  }
}

// Snapshot codec. BigInts are written in hexadecimal, linear in their size both ways
// (decimal would cost what this module exists to slice).

const hex = (v: bigint) => v.toString(16);

registerObjectKind<BigIntArithWork>({
  kind: KIND_BIGINT_ARITH_WORK,
  cls: BigIntArithWork,
  encode: (o) => [
    o.what,
    o.negative,
    o.radix,
    o.frames.map((f) => [f.op, f.stage, f.n, f.v.map(hex)]),
    o.ret.map(hex),
    o.powers.map(hex),
    o.powerBits,
    o.out,
    o.before,
    o.after,
  ],
  allocate: () => new BigIntArithWork(Arith.Mul, false, 10),
  decode(o, fields, dec, where) {
    const fail = (what: string) => dec.fail(`${where}: a sliced BigInt ${what}`);
    const [what, negative, radix, frames, ret, powers, powerBits, out, before, after] = fields;
    if (!isInt(what) || what > Arith.Pow) return fail("operation of an unknown kind");
    if (typeof negative !== "boolean") return fail("operation without its sign");
    if (!isInt(radix) || radix < 2 || radix > 36) return fail("toString with a bad radix");
    const bigs = (list: unknown, name: string): bigint[] => {
      if (!Array.isArray(list)) return fail(`operation without its ${name}`);
      return list.map((h) => {
        if (typeof h !== "string" || !/^[0-9a-f]+$/.test(h) || h.length > MAX_BITS / 4)
          return fail(`operation with a bad number in its ${name}`);
        return BigInt("0x" + h);
      });
    };
    if (!Array.isArray(frames) || frames.length > 1000) return fail("operation without its frames");
    const decoded: Frame[] = frames.map((fr: unknown) => {
      if (!Array.isArray(fr) || fr.length !== 4) return fail("frame of the wrong shape");
      const [op, stage, n, v] = fr;
      const shape = isInt(op) ? FRAME_SHAPE[op] : undefined;
      if (!shape) return fail("frame of an unknown kind");
      if (!isInt(stage) || stage > shape[2]) return fail("frame in an unknown stage");
      if (!Array.isArray(n) || n.length !== shape[0] || !n.every((x) => isInt(x) && x <= MAX_BITS))
        return fail("frame with bad sizes");
      const values = bigs(v, "frames");
      if (values.length !== shape[1]) return fail("frame with the wrong number of values");
      // Divisors (and the powers below) must be positive; digit counts at least one.
      const divisors =
        op === Op.Div2n1n ? [1] : op === Op.Div3n2n ? [2, 3] : op === Op.DivDigits ? [1] : [];
      if (divisors.some((i) => values[i] === 0n)) return fail("division by zero");
      if (op === Op.DivDigits && (n[0] < 1 || n[1] < 2)) return fail("division with bad digits");
      if (
        op === Op.Pow &&
        (values[1] > BigInt(MAX_BITS) || n[0] > bitLength(values[1]) || n[1] < 1)
      )
        return fail("power with a bad exponent or bit");
      return { op, stage, n, v: values };
    });
    const retValues = bigs(ret, "result");
    if (retValues.length > 2) return fail("operation with too many results");
    const pows = bigs(powers, "powers");
    if (!Array.isArray(powerBits) || powerBits.length !== pows.length)
      return fail("toString whose powers do not match their sizes");
    // Increasing powers above 1 make every split shrink its number: the work ends.
    if (pows.some((p, i) => p < 2n || (i > 0 && p <= pows[i - 1])))
      return fail("toString with powers out of order");
    if (pows.some((p, i) => powerBits[i] !== bitLength(p, powerBits[i] as number)))
      return fail("toString whose powers do not match their sizes");
    // toString frames name powers by their index.
    const powerIndexOk = (f: Frame) =>
      f.op === Op.Powers
        ? pows.length > 0
        : f.op !== Op.ToString || (f.n[0] < pows.length && f.n[2] < pows.length);
    if ((what === Arith.ToString && pows.length === 0) || !decoded.every(powerIndexOk))
      return fail("toString without its powers");
    if (!Array.isArray(out) || !out.every((s) => typeof s === "string"))
      return fail("toString without its digits");
    if (typeof before !== "string" || typeof after !== "string")
      return fail("toString without the text around it");
    o.what = what;
    o.negative = negative;
    o.radix = radix;
    o.frames = decoded;
    o.ret = retValues;
    o.powers = pows;
    o.powerBits = powerBits as number[];
    o.out = out as string[];
    o.before = before;
    o.after = after;
  },
});

function isInt(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0;
}
