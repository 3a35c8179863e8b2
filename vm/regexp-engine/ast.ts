// The node tree of a parsed pattern (ECMA-262 22.2.1). Characters are code points in
// u/v mode and code units otherwise. Modifier groups keep their flags; the compiler
// resolves them into per-node i/m/s.

export type Node =
  | { type: "empty" }
  | { type: "disj"; alts: Node[] }
  | { type: "seq"; items: Node[] }
  | { type: "char"; cp: number }
  | { type: "dot" }
  | { type: "class"; cls: ClassNode }
  | { type: "assert"; kind: "^" | "$" | "b" | "B" }
  | { type: "look"; behind: boolean; negate: boolean; body: Node }
  /** A capturing group: index ≥ 1. */
  | { type: "group"; index: number; name: string | null; body: Node }
  /** `(?:…)` and `(?ims-ims:…)`: add/remove are strings of i, m, s. */
  | { type: "modifiers"; add: string; remove: string; body: Node }
  /** `\1` or `\k<name>`: the group indices it may refer to (several for duplicates). */
  | { type: "backref"; indices: number[]; name: string | null }
  | {
      type: "repeat";
      min: number;
      max: number;
      greedy: boolean;
      body: Node;
      /** Capture groups inside the body: [capFrom, capTo). */
      capFrom: number;
      capTo: number;
    };

/** A character class, or a class escape (`\d`, `\p{…}`) used as an atom. */
export interface ClassNode {
  negate: boolean;
  /** Union for every non-v class; v-mode classes may intersect or subtract. */
  op: "union" | "inter" | "sub";
  items: ClassItem[];
  /** v mode: set operations combine case-folded sets (see charset.ts). */
  vMode: boolean;
}

export type ClassItem =
  | { type: "range"; lo: number; hi: number }
  /** `\d \s \w` and their complements. */
  | { type: "esc"; kind: "d" | "s" | "w"; negate: boolean }
  /** `\p{…}`: the expression inside the braces; strings for properties of strings. */
  | { type: "prop"; name: string; negate: boolean; strings: boolean }
  /** `\q{…}` (v mode): each alternative as a list of code points. */
  | { type: "strings"; list: number[][] }
  | { type: "nested"; cls: ClassNode };

export interface Pattern {
  body: Node;
  /** Number of capture groups. */
  groupCount: number;
  /** Group names in source order of first appearance, each with its indices. */
  names: Map<string, number[]>;
  /** Whether the pattern contains a modifier group `(?i:…)`, `(?-s:…)`… */
  hasModifiers: boolean;
}
