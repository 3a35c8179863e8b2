// A small CBOR reader that walks a snapshot's bytes in place, for the heap section:
// decoding a million records through cbor-x first builds a million arrays (and the
// array holding them) that live until decoding ends, and their allocation and
// garbage collection cost more than building the objects themselves. This reader
// lets the decoder skip records and read an ordinary object's values straight into
// the object it builds. It reads what the encoder writes (definite lengths, integers,
// floats, text, arrays, simple values); anything else is refused, never guessed at.

/** The major types of CBOR (RFC 8949 §3.1). */
export const enum Major {
  Uint = 0,
  NegInt = 1,
  Bytes = 2,
  Text = 3,
  Array = 4,
  Map = 5,
  Tag = 6,
  Simple = 7,
}

// Fatal: text that is not UTF-8 is a damaged snapshot (the encoder writes lone surrogates
// as code units, never as bytes), refused rather than read as U+FFFD. ignoreBOM: a
// string that starts with U+FEFF keeps it (by default TextDecoder drops it).
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export class CborReader {
  pos = 0;
  /** The major type of the item whose head `head` read last. */
  major = 0;
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    /** Called with what is wrong and where; must throw. */
    private readonly fail: (message: string) => never,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private truncated(): never {
    return this.fail(`not CBOR (truncated at byte ${this.pos})`);
  }

  /** The next byte, not consumed. */
  peek(): number {
    if (this.pos >= this.bytes.length) this.truncated();
    return this.bytes[this.pos];
  }

  /**
   * Reads an item's head: sets `major` and returns its argument (a length, a count,
   * an integer; for simple values and floats the additional information, 0–27, and
   * `pos` stays before a float's bytes).
   */
  head(): number {
    const b = this.bytes;
    if (this.pos >= b.length) this.truncated();
    const ib = b[this.pos++];
    const major = ib >> 5;
    const ai = ib & 31;
    this.major = major;
    if (major === Major.Simple) return ai;
    if (ai < 24) return ai;
    const at = this.pos;
    switch (ai) {
      case 24:
        if (at + 1 > b.length) this.truncated();
        this.pos = at + 1;
        return b[at];
      case 25:
        if (at + 2 > b.length) this.truncated();
        this.pos = at + 2;
        return this.view.getUint16(at);
      case 26:
        if (at + 4 > b.length) this.truncated();
        this.pos = at + 4;
        return this.view.getUint32(at);
      case 27: {
        if (at + 8 > b.length) this.truncated();
        this.pos = at + 8;
        const n = this.view.getUint32(at) * 2 ** 32 + this.view.getUint32(at + 4);
        if (n > Number.MAX_SAFE_INTEGER) this.fail(`integer too large at byte ${at - 1}`);
        return n;
      }
      default:
        return this.fail(
          `unsupported CBOR item (initial byte 0x${ib.toString(16)}) at byte ${at - 1}`,
        );
    }
  }

  /** An unsigned integer, or -1 if the next item is something else (its head read). */
  uint(): number {
    const n = this.head();
    return this.major === Major.Uint ? n : -1;
  }

  /** The length of a definite-length array, or a failure naming `what`. */
  arrayHead(what: string): number {
    const n = this.head();
    if (this.major !== Major.Array) this.fail(`${what} is not an array`);
    return n;
  }

  /**
   * Skips `count` items (one by default) and everything inside them, without recursion
   * (a hostile nesting depth costs a counter, not host stack).
   */
  skip(count = 1): void {
    const b = this.bytes;
    let items = count;
    while (items > 0) {
      items--;
      const n = this.head();
      switch (this.major) {
        case Major.Bytes:
        case Major.Text:
          if (n > b.length - this.pos) this.truncated();
          this.pos += n;
          break;
        case Major.Array:
          items += n;
          break;
        case Major.Map:
          items += 2 * n;
          break;
        case Major.Tag:
          items += 1;
          break;
        case Major.Simple:
          this.simpleWidth(n);
          break;
      }
    }
  }

  /** Moves past a simple value's or float's bytes (its head read already). */
  private simpleWidth(ai: number): void {
    const w = ai === 24 ? 1 : ai === 25 ? 2 : ai === 26 ? 4 : ai === 27 ? 8 : 0;
    if (ai > 27) this.fail(`unsupported CBOR item at byte ${this.pos - 1}`);
    if (this.pos + w > this.bytes.length) this.truncated();
    this.pos += w;
  }

  /** A simple value or float (head read, `ai` its additional information), as cbor-x gives it. */
  simple(ai: number): unknown {
    const at = this.pos;
    switch (ai) {
      case 20:
        return false;
      case 21:
        return true;
      case 22:
        return null;
      case 23:
        return undefined;
      case 25:
        this.simpleWidth(ai);
        return halfToNumber(this.view.getUint16(at));
      case 26:
        this.simpleWidth(ai);
        return this.view.getFloat32(at);
      case 27:
        this.simpleWidth(ai);
        return this.view.getFloat64(at);
      default:
        return this.fail(`unsupported CBOR simple value ${ai} at byte ${at - 1}`);
    }
  }

  /** A text string's characters (head read, `n` its length in bytes). */
  text(n: number): string {
    const b = this.bytes;
    const start = this.pos;
    if (n > b.length - start) this.truncated();
    this.pos = start + n;
    // Short ASCII (most keys and small strings): no decoder call.
    if (n <= 16) {
      let ascii = true;
      for (let k = start; k < start + n; k++) if (b[k] >= 0x80) ascii = false;
      if (ascii) return asciiString(b, start, n);
    }
    try {
      return utf8.decode(b.subarray(start, start + n));
    } catch {
      return this.fail(`text string at byte ${start} is not UTF-8`);
    }
  }

  /**
   * A whole item as plain data (arrays, strings, numbers, simple values), for the
   * small tagged values of the heap ([tag, operand]); nested arrays at most `depth`
   * deep, since a value is never deeper than an array of code units inside its tag.
   */
  plain(depth: number): unknown {
    const n = this.head();
    switch (this.major) {
      case Major.Uint:
        return n;
      case Major.NegInt:
        return -1 - n;
      case Major.Text:
        return this.text(n);
      case Major.Simple:
        return this.simple(n);
      case Major.Array: {
        if (depth === 0) return this.fail(`value nested too deeply at byte ${this.pos - 1}`);
        // Each item is at least one byte: a count beyond what is left is a lie.
        if (n > this.bytes.length - this.pos) this.truncated();
        const out: unknown[] = new Array(n);
        for (let k = 0; k < n; k++) out[k] = this.plain(depth - 1);
        return out;
      }
      default:
        return this.fail(`unexpected CBOR major type ${this.major} at byte ${this.pos - 1}`);
    }
  }
}

/** Reused argument lists of String.fromCharCode, one per short length. */
const charCodes: number[][] = Array.from({ length: 17 }, (_, n) => new Array<number>(n).fill(0));

/**
 * `n` (at most 16) ASCII bytes from `s` as a string. Up to 8 characters the codes are
 * passed as arguments, which V8 does fastest (a third faster than `apply` for the
 * short strings a heap is full of); longer ones go through a reused argument list.
 */
function asciiString(b: Uint8Array, s: number, n: number): string {
  const c = String.fromCharCode;
  switch (n) {
    case 0:
      return "";
    case 1:
      return c(b[s]);
    case 2:
      return c(b[s], b[s + 1]);
    case 3:
      return c(b[s], b[s + 1], b[s + 2]);
    case 4:
      return c(b[s], b[s + 1], b[s + 2], b[s + 3]);
    case 5:
      return c(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4]);
    case 6:
      return c(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5]);
    case 7:
      return c(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6]);
    case 8:
      return c(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7]);
    default: {
      const codes = charCodes[n];
      for (let k = 0; k < n; k++) codes[k] = b[s + k];
      return c.apply(null, codes);
    }
  }
}

/** An IEEE 754 half-precision float. */
function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1024 + frac) * 2 ** (exp - 25);
}
