// Guest values. Primitives are host primitives (number, string, boolean, bigint,
// undefined, null) so arithmetic and comparisons stay cheap; symbols and objects are
// VM classes, so a guest can never hold a host Symbol, function or object.

import type { JSObject } from "./object";
import { SIZE, charge } from "./heap";
import type { LongString } from "./long-string";

/** Symbols made so far in this process: each one's keyHash. */
let symbolsMade = 0;

export class JSSymbol {
  /**
   * Spreads symbols used as keys over the shards of big tables (value-index.ts,
   * split-dict.ts). Always set; optional only in the type, which the runtime's
   * own host symbols (TAIL_CALL and the like, returned as values) must still fit.
   */
  readonly keyHash?: number;
  constructor(
    readonly description: string | undefined,
    /** Registry key for Symbol.for symbols, else undefined. */
    readonly registered?: string,
    /** Stable name of a well-known symbol ("Symbol.iterator"), else undefined. */
    readonly wellKnown?: string,
  ) {
    this.keyHash = symbolsMade = (symbolsMade + 1) | 0;
    charge(SIZE.object / 2);
  }
  toString(): string {
    return `Symbol(${this.description ?? ""})`;
  }
}

/** A class's private name (#x): the key of a private element; one per class evaluation. */
export class PrivateName {
  /** `#x` */
  readonly description: string;
  /**
   * For private methods and accessors, which V8 brand-checks first: what the receiver
   * must be ("an instance of class A", "class A" for static ones), for the TypeError.
   */
  readonly brand: string | undefined;
  /** `text` is the description, then for methods and accessors NUL and the brand. */
  constructor(readonly text: string) {
    const nul = text.indexOf("\0");
    this.description = nul < 0 ? text : text.slice(0, nul);
    this.brand = nul < 0 ? undefined : text.slice(nul + 1);
  }
}

/**
 * The internal "empty" marker: an uninitialised let/const binding (TDZ) or an array
 * hole. It never escapes to guest code.
 */
export class Empty {
  private constructor() {}
  static readonly VALUE = new Empty();
}
/** Typed as a Value so it can sit in stacks and slots; compare with ===. */
export const EMPTY = Empty.VALUE as unknown as Value;

export type Primitive =
  undefined | null | boolean | number | string | bigint | JSSymbol | LongString;
export type Value = Primitive | JSObject;
export type PropertyKey = string | JSSymbol;

export function isArrayIndex(key: string): boolean {
  const n = key.length;
  if (n === 0 || n > 10) return false;
  const c0 = key.charCodeAt(0);
  if (c0 < 48 || c0 > 57 || (c0 === 48 && n > 1)) return false;
  for (let i = 1; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return n < 10 || Number(key) < 4294967295;
}
