// The own keys of an object with very many properties, in slices (see work.ts).
// Object.keys, Object.getOwnPropertyNames and the prelude's $.ownKeys (behind
// Object.assign, entries, values, …) of an object with 10^6 properties took up to
// 0.4 s in one step: a pass over the property table, then a lookup per key for its
// flags (a lookup per key in a table that big is a cache miss each). Here one pass
// over the table's entries collects the keys ENTRIES_PER_SLICE at a time, with the
// flags at hand. The task's state is the keys so far and how many entries it has
// read; the host iterator over the table is a cache, rebuilt (skipping what was read,
// also in slices) after a resume. Only plain objects (whose own properties are all
// in their table) and arrays (a dense one's elements come first, a slice of them at a
// time; structuredClone's key list of 10^6 elements was ~0.15 s, Object.keys of a
// sparse array of 10^7 entries seconds) are done this way, and so are a typed array's
// and a String wrapper's index keys (their elements are not in the table: ~0.4 s per
// 10^6 in one step, listed here a slice at a time, then the table's keys); no guest
// code runs while the task is in progress, so the table cannot change under it.

import type { Value } from "../model/value";
import { EMPTY, JSSymbol, isArrayIndex, type PropertyKey } from "../model/value";
import type { Agent } from "../agent";
import type { Realm } from "../runtime/realm";
import { ArrayObject, JSObject, PF, PrimitiveObject, type Prop } from "../model/object";
import { TypedArrayObject } from "../model/buffers";
import { registerObjectKind } from "../model/object-kinds";
import { PENDING, WorkObject, runWork, isCount } from "./work";

/** Objects with at least this many own properties have their keys listed in slices. */
export const KEYS_SLICED_SIZE = 1 << 15;
/** Table entries read in one slice (skipping after a resume counts an eighth each). */
const ENTRIES_PER_SLICE = 1 << 14;

const KIND_OWN_KEYS_WORK = 179;

/** Which keys a listing keeps. */
export const enum KeysOf {
  /** Object.keys: enumerable string keys. */
  Enumerable = 0,
  /** Object.getOwnPropertyNames: string keys. */
  Names = 1,
  /** [[OwnPropertyKeys]]: every key, symbols last. */
  All = 2,
  /** Object.getOwnPropertySymbols. */
  Symbols = 3,
}

/** An array (its elements, if dense, outside its table); `elements` for a sparse one. */
function isArray(o: JSObject): o is ArrayObject {
  return Object.getPrototypeOf(o) === ArrayObject.prototype;
}
const SPARSE = -2;

/** Where a listing's leading index keys come from (the table holds the others). */
export const enum IndexSource {
  /** An array's elements (or none). */
  Elements = 0,
  /** A typed array's elements: all present, all enumerable, no "length" key. */
  TypedArray = 1,
  /** A String wrapper's characters: all present, enumerable, then "length". */
  StringChars = 2,
}

/** How many virtual index keys `o` has before its table (-1: not an exotic kind). */
export function virtualIndexCount(o: JSObject): [IndexSource, number] {
  if (o instanceof TypedArrayObject) return [IndexSource.TypedArray, o.length];
  if (o instanceof PrimitiveObject && o.cls === "String")
    return [IndexSource.StringChars, (o.primitive as string).length];
  return [IndexSource.Elements, -1];
}

/** Whether every own property of `o` lives in its table (no exotic keys or lookups). */
function isPlain(o: JSObject): boolean {
  return (
    o.ownKeys === JSObject.prototype.ownKeys &&
    o.getOwnProperty === JSObject.prototype.getOwnProperty
  );
}

/**
 * For a native: the keys of `o` that `which` keeps, as a new array (or the tail call
 * that lists them in slices). Objects that are not plain, or small, take the direct way.
 */
export function listOwnKeys(vm: Agent, realm: Realm, o: JSObject, which: KeysOf): Value {
  // (Objects that big are in dictionary mode: shapes stop well before.)
  if (o.propertyCount >= KEYS_SLICED_SIZE && isPlain(o))
    return runWork(vm, new OwnKeysWork(o, which, o.props.size));
  if (which !== KeysOf.Symbols) {
    const [source, count] = virtualIndexCount(o);
    if (count >= KEYS_SLICED_SIZE)
      return runWork(vm, new OwnKeysWork(o, which, o.props.size, count, source));
  }
  if (isArray(o) && which !== KeysOf.Symbols) {
    if (o.elems && o.elems.length >= KEYS_SLICED_SIZE)
      return runWork(vm, new OwnKeysWork(o, which, o.props.size, o.elems.length));
    if (!o.elems && o.propertyCount >= KEYS_SLICED_SIZE)
      return runWork(vm, new OwnKeysWork(o, which, o.props.size, SPARSE));
  }
  const keys = o.ownKeys();
  if (which === KeysOf.All) return realm.newArray(keys);
  if (which === KeysOf.Symbols) return realm.newArray(keys.filter((k) => k instanceof JSSymbol));
  if (which === KeysOf.Names) return realm.newArray(keys.filter((k) => typeof k === "string"));
  return realm.newArray(
    keys.filter((k) => typeof k === "string" && o.getOwnProperty(k)!.flags & PF.Enumerable),
  );
}

export class OwnKeysWork extends WorkObject {
  /** A dense array: the keys of its elements (before "length" and the table's keys). */
  elementKeys: string[] = [];
  /** Elements looked at so far. */
  element = 0;
  /** Table entries read so far. */
  read = 0;
  /** Whether the table's index keys came out of order (then they are sorted at the end). */
  unordered = false;
  /** Array-index keys (still unsorted), other string keys, symbols: in table order. */
  indices: string[] = [];
  strings: string[] = [];
  symbols: JSSymbol[] = [];
  /** The live iterator over the table at `read` (a cache: not in snapshots). */
  private entries: Iterator<[PropertyKey, Prop]> | null = null;
  private skipped = 0;

  constructor(
    public object: JSObject | null,
    public which: KeysOf,
    /** The table's size when the listing began. */
    public size: number,
    /**
     * A dense array's element count when the listing began (-1: not an array, -2:
     * sparse), or a typed array's or String wrapper's index count.
     */
    public elements = -1,
    public source = IndexSource.Elements,
  ) {
    super();
  }

  step(vm: Agent): Value | typeof PENDING {
    const o = this.object!;
    // Only a snapshot edited by hand can pair a task with another object.
    const source = this.source;
    const elems =
      this.elements < 0 || source !== IndexSource.Elements ? null : (o as ArrayObject).elems;
    const changed =
      source === IndexSource.Elements
        ? this.elements >= 0 && elems?.length !== this.elements
        : virtualIndexCount(o)[0] !== source || virtualIndexCount(o)[1] !== this.elements;
    if (o.props.size !== this.size || changed)
      vm.throwTypeError("internal: an own-keys listing resumed on a changed object");
    if (source !== IndexSource.Elements && this.element < this.elements) {
      // Every index below the count is an own, enumerable property.
      const keys = this.elementKeys;
      const end = Math.min(this.elements, this.element + ENTRIES_PER_SLICE);
      for (let i = this.element; i < end; i++) keys.push(String(i));
      this.element = end;
      return PENDING;
    }
    if (elems && this.element < elems.length) {
      // The elements first (in a dense array they are all enumerable data properties).
      const keys = this.elementKeys;
      const end = Math.min(elems.length, this.element + ENTRIES_PER_SLICE);
      for (let i = this.element; i < end; i++) if (elems[i] !== EMPTY) keys.push(String(i));
      this.element = end;
      return PENDING;
    }
    let units = 0;
    if (this.entries === null) {
      this.entries = o.props.entries();
      this.skipped = 0;
    }
    const it = this.entries;
    while (this.skipped < this.read && units < ENTRIES_PER_SLICE * 8) {
      it.next();
      this.skipped++;
      units++;
    }
    if (this.skipped < this.read) return PENDING;
    const { which, indices, strings, symbols } = this;
    const end = Math.min(this.size, this.read + ENTRIES_PER_SLICE - (units >> 3));
    for (; this.read < end; this.read++) {
      const [k, p] = it.next().value as [PropertyKey, Prop];
      this.skipped++;
      if (typeof k !== "string") {
        if (which === KeysOf.All || which === KeysOf.Symbols) symbols.push(k);
      } else if (which === KeysOf.Symbols) continue;
      else if (which !== KeysOf.Enumerable || p.flags & PF.Enumerable) {
        if (isArrayIndex(k)) {
          if (indices.length && Number(k) < Number(indices[indices.length - 1]))
            this.unordered = true;
          indices.push(k);
        } else strings.push(k);
      }
    }
    if (this.read < this.size) return PENDING;
    this.entries = null;
    return vm.realm.newArray(this.result());
  }

  /**
   * The keys in spec order: array indices ascending (a dense array's elements, then
   * "length", then its table's; a sparse array's "length" after its indices), other
   * strings, symbols.
   */
  private result(): PropertyKey[] {
    const { elementKeys, indices, strings, symbols } = this;
    this.elementKeys = [];
    this.indices = [];
    this.strings = [];
    this.symbols = [];
    // Indices added out of order are sorted in one step (a rare shape at this size).
    if (this.unordered) indices.sort((a, b) => Number(a) - Number(b));
    const hasLength = this.elements !== -1 && this.source !== IndexSource.TypedArray;
    const length = hasLength && this.which !== KeysOf.Enumerable ? ["length"] : [];
    // A String wrapper's "length" comes after its table's indices (s[1e9] = 1).
    const parts: PropertyKey[][] =
      this.source === IndexSource.Elements && this.elements >= 0
        ? [elementKeys, length, indices, strings, symbols]
        : this.source === IndexSource.Elements
          ? [indices, length, strings, symbols]
          : [elementKeys, indices, length, strings, symbols];
    const full = parts.filter((p) => p.length > 0);
    return full.length === 0 ? [] : full.length === 1 ? full[0] : full[0].concat(...full.slice(1));
  }
}

registerObjectKind<OwnKeysWork>({
  kind: KIND_OWN_KEYS_WORK,
  cls: OwnKeysWork,
  encode: (o, enc) => [
    o.elements,
    o.unordered,
    o.element,
    o.elementKeys,
    enc.value(o.object),
    o.which,
    o.size,
    o.read,
    o.indices,
    o.strings,
    o.symbols.map((s) => enc.value(s)),
    o.source,
  ],
  allocate: () => new OwnKeysWork(null, KeysOf.All, 0),
  decode(o, fields, dec, where) {
    const [elements, unordered, element, elementKeys, object, which, size, read] = fields;
    const [indices, strings, symbols, source] = fields.slice(8);
    const obj = dec.value(object, where);
    if (!(obj instanceof JSObject))
      return dec.fail(`${where}: an own-keys listing without its object`);
    if (!isCount(which) || which > KeysOf.Symbols)
      return dec.fail(`${where}: an own-keys listing of an unknown kind`);
    if (!isCount(size) || !isCount(read) || read > size)
      return dec.fail(`${where}: an own-keys listing with a bad position`);
    const isStrings = (v: unknown): v is string[] =>
      Array.isArray(v) && v.every((s) => typeof s === "string");
    if (typeof unordered !== "boolean")
      return dec.fail(`${where}: an own-keys listing with a malformed order flag`);
    if (!Number.isInteger(elements) || (elements as number) < SPARSE || !isCount(element))
      return dec.fail(`${where}: an own-keys listing with a bad element count`);
    if (!isCount(source) || source > IndexSource.StringChars)
      return dec.fail(`${where}: an own-keys listing of an unknown index source`);
    // (The object may not be decoded yet: its count is checked by each step.)
    const kindOk =
      source === IndexSource.Elements ||
      (source === IndexSource.TypedArray
        ? obj instanceof TypedArrayObject
        : obj instanceof PrimitiveObject);
    if (!kindOk || (source !== IndexSource.Elements && !isCount(elements)))
      return dec.fail(`${where}: an own-keys listing whose index keys do not match its object`);
    if (
      element > Math.max(0, elements as number) ||
      (elements !== -1 && source === IndexSource.Elements && !(obj instanceof ArrayObject))
    )
      return dec.fail(`${where}: an own-keys listing with elements past its array`);
    if (!isStrings(elementKeys) || elementKeys.length > element || !elementKeys.every(isArrayIndex))
      return dec.fail(`${where}: an own-keys listing with malformed element keys`);
    if (!isStrings(indices) || !isStrings(strings) || !Array.isArray(symbols))
      return dec.fail(`${where}: an own-keys listing with malformed keys`);
    if (!indices.every(isArrayIndex) || strings.some(isArrayIndex))
      return dec.fail(`${where}: an own-keys listing with index keys out of place`);
    if (indices.length + strings.length + symbols.length > read)
      return dec.fail(`${where}: an own-keys listing with more keys than entries read`);
    const syms = symbols.map((s) => {
      const v = dec.value(s, where);
      if (!(v instanceof JSSymbol)) return dec.fail(`${where}: an own-keys symbol is not a symbol`);
      return v;
    });
    o.source = source;
    o.elements = elements as number;
    o.unordered = unordered;
    o.element = element;
    o.elementKeys = elementKeys;
    o.object = obj;
    o.which = which;
    o.size = size;
    o.read = read;
    o.indices = indices;
    o.strings = strings;
    o.symbols = syms;
  },
});
