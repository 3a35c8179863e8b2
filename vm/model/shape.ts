// Hidden classes. A Shape describes the own data properties of an object in fast mode:
// which keys it has, in insertion order, each one's attributes and the index of its
// value in the object's `slots` array. Objects that gain the same keys in the same
// order with the same attributes share one Shape, so a property read is a lookup in
// the shared shape (or, with an inline cache, one shape comparison) and an object
// costs one small array instead of a Map plus a record per property.
//
// Shapes form a transition tree rooted at ROOT_SHAPE: adding key k with flags f to an
// object of shape S moves it to S's child for (k, f), made once and then shared.
// Shapes are guest-invisible and never part of a snapshot (the decoder rebuilds
// them); the tree is per process and only grows.

import { isArrayIndex, type PropertyKey } from "./value";

/** More own properties than this and an object is used as a map: dictionary mode. */
export const MAX_SHAPE_PROPERTIES = 64;

/**
 * The limit for properties added by a named store (`this.x = …`, SET_PROP): source
 * text names them, so an object that gets this many is a big record (Octane gbemu's
 * emulator state has 291 fields and its prototype 189 methods), not a map, and in
 * dictionary mode each of its reads was a hash lookup. (V8 keeps up to 1020.)
 */
export const MAX_NAMED_SHAPE_PROPERTIES = 1020;

/**
 * Beyond this many children a shape stops recording transitions: a further child is
 * made for the one object that asks and shared with no other. (It used to send the
 * object to dictionary mode. The tree is per process, so after a few hundred programs
 * had each given the empty shape a first key, objects of every later VM were
 * dictionaries, took the built-ins' slow paths, and ran more guest instructions than
 * in a fresh process: an object's mode must depend on its own history only.)
 */
const MAX_TRANSITIONS = 256;

export class Shape {
  /** Number of properties: the next slot index. */
  readonly count: number;
  /** Children by key; a child with other flags for the same key hangs off `sibling`. */
  private transitions: Map<PropertyKey, Shape> | null = null;
  private transitionCount = 0;
  /** Another shape with the same parent and key but different flags. */
  private sibling: Shape | null = null;
  /** Its keys, found through a table this shape may share (see KeyTable); built on first lookup. */
  private table: KeyTable | null = null;
  /** The keys in insertion order, built on first use. */
  private keyList: PropertyKey[] | null = null;
  /** Whether some key is an array index (ownKeys must then sort), computed once. */
  readonly hasIndexKey: boolean;
  /**
   * The most properties any shape below this one has had: objects that reach this
   * shape get slot arrays this big, so that one built by a constructor or a literal
   * allocates its slots once (V8 would grow an array pushed one by one to 17 slots).
   */
  expected: number;

  constructor(
    readonly parent: Shape | null,
    /** The key this shape added (null for the root). */
    readonly key: PropertyKey | null,
    /** PF flags of `key`: never an accessor (those live in dictionary mode). */
    readonly flags: number,
    /** Slot index of `key`. */
    readonly slot: number,
    hasIndexKey: boolean,
  ) {
    this.count = parent === null ? 0 : parent.count + 1;
    this.hasIndexKey = hasIndexKey;
    this.expected = this.count;
    for (let s = parent; s !== null && s.expected < this.count; s = s.parent)
      s.expected = this.count;
  }

  /** The shape that added `key`, or undefined if objects of this shape lack it. */
  find(key: PropertyKey): Shape | undefined {
    if (this.count === 0) return undefined;
    const s = (this.table ?? this.makeTable()).shapes.get(key);
    // The table may run on to descendants of this shape: their keys come later.
    return s !== undefined && s.slot < this.count ? s : undefined;
  }

  /**
   * The parent's table grown by this shape's key when the parent is still its tip
   * (a constructor adding its fields one by one builds one table, not one a shape:
   * quadratic for an object of hundreds of fields); else a table of its own.
   */
  private makeTable(): KeyTable {
    const inherited = this.parent!.table;
    if (inherited !== null && inherited.tip === this.parent) {
      inherited.shapes.set(this.key!, this);
      inherited.tip = this;
      return (this.table = inherited);
    }
    const shapes = new Map<PropertyKey, Shape>();
    for (let s: Shape = this; s.parent !== null; s = s.parent) shapes.set(s.key!, s);
    return (this.table = new KeyTable(shapes, this));
  }

  /** The child that adds `key` with `flags` (unshared once this shape has too many). */
  add(key: PropertyKey, flags: number): Shape | null {
    const first = this.transitions?.get(key);
    for (let s: Shape | null = first ?? null; s !== null; s = s.sibling)
      if (s.flags === flags) return s;
    const isIndex = typeof key === "string" && isArrayIndex(key);
    const child = new Shape(this, key, flags, this.count, this.hasIndexKey || isIndex);
    if (this.transitionCount >= MAX_TRANSITIONS) return child;
    if (this.transitions === null) this.transitions = new Map();
    if (first === undefined) this.transitions.set(key, child);
    else {
      child.sibling = first.sibling;
      first.sibling = child;
    }
    this.transitionCount++;
    return child;
  }

  /** Keys in insertion order (shared: callers must not modify it). */
  keys(): readonly PropertyKey[] {
    let list = this.keyList;
    if (list === null) {
      list = new Array<PropertyKey>(this.count);
      for (let s: Shape = this; s.parent !== null; s = s.parent) list[s.slot] = s.key!;
      this.keyList = list;
    }
    return list;
  }
}

/**
 * Keys of a chain of shapes: each key → the shape that added it. Shared down one line
 * of the transition tree: a shape finds its keys as the entries whose slot is below
 * its count (the ones after are its descendants'). `tip` is the deepest shape that
 * added its key here; only it may hand the table on to a child.
 */
class KeyTable {
  constructor(
    readonly shapes: Map<PropertyKey, Shape>,
    public tip: Shape,
  ) {}
}

/** The shape of an object with no own properties. */
export const ROOT_SHAPE = new Shape(null, null, 0, -1, false);
