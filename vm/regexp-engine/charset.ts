// Character classes as predicates (ECMA-262 22.2.2.9 CompileToCharSet and 22.2.2.7
// CharacterSetMatcher). Outside v mode a class is a union of raw sets and, under
// ignoreCase, matches a character when any character of its orbit (same canonical
// value) is in the union; v mode folds each operand before combining, so the orbit
// test happens at every leaf and complements stay in the folded domain.

import type { ClassItem, ClassNode } from "./ast";
import { canonicalize, orbit } from "./canonicalize";
import { hasProperty, propertyHasString } from "./properties";

export type CharTest = (c: number) => boolean;

export interface CompiledClass {
  /** Whether a single character matches. */
  test: CharTest;
  /** v mode: strings of two or more characters, longest first. */
  strings: number[][];
  /** v mode: properties of strings (matched by the host). */
  stringProps: string[];
  /** v mode: whether the empty string is a member (`\q{}`). */
  hasEmpty: boolean;
}

const WHITE_SPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

export function isSpace(c: number): boolean {
  return (c >= 0x2000 && c <= 0x200a) || WHITE_SPACE.includes(c);
}

function isBasicWord(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f
  );
}

/** WordCharacters(modifiers) (22.2.2.9.4): with ignoreCase, also what folds into them. */
export function isWordChar(c: number, ignoreCase: boolean, unicode: boolean): boolean {
  if (isBasicWord(c)) return true;
  if (!ignoreCase) return false;
  const o = orbit(c, unicode);
  return o !== null && o.some(isBasicWord);
}

/** Whether some character with c's canonical value satisfies t. */
function anyInOrbit(t: CharTest, c: number, unicode: boolean): boolean {
  if (t(c)) return true;
  const o = orbit(c, unicode);
  if (o === null) return false;
  for (const x of o) if (x !== c && t(x)) return true;
  return false;
}

/** The raw (not case-folded) positive set of a leaf item. */
function leafTest(item: ClassItem, ignoreCase: boolean, unicode: boolean): CharTest {
  switch (item.type) {
    case "range": {
      const { lo, hi } = item;
      return lo === hi ? (c) => c === lo : (c) => c >= lo && c <= hi;
    }
    case "esc":
      if (item.kind === "d") return (c) => c >= 0x30 && c <= 0x39;
      if (item.kind === "s") return isSpace;
      return (c) => isWordChar(c, ignoreCase, unicode);
    case "prop": {
      const { name, strings } = item;
      return (c) => hasProperty(name, c, strings);
    }
    case "strings": {
      const singles = item.list.filter((s) => s.length === 1).map((s) => s[0]);
      return (c) => singles.includes(c);
    }
    case "nested":
      throw new Error("nested class is not a leaf");
  }
}

function itemNegated(item: ClassItem): boolean {
  return (item.type === "esc" || item.type === "prop") && item.negate;
}

/** A non-v class: the union of raw sets, then the orbit test, then [^…]. */
function legacyClass(cls: ClassNode, ignoreCase: boolean, unicode: boolean): CharTest {
  const tests = cls.items.map((it) => {
    const t = leafTest(it, ignoreCase, unicode);
    return itemNegated(it) ? (c: number) => !t(c) : t;
  });
  const any: CharTest = tests.length === 1 ? tests[0] : (c) => tests.some((t) => t(c));
  const match: CharTest = ignoreCase ? (c) => anyInOrbit(any, c, unicode) : any;
  return cls.negate ? (c) => !match(c) : match;
}

/** A v-mode class: every operand folded, then combined. */
function setClass(cls: ClassNode, ignoreCase: boolean): CharTest {
  const parts = cls.items.map((it): CharTest => {
    if (it.type === "nested") return setClass(it.cls, ignoreCase);
    const t = leafTest(it, ignoreCase, true);
    const folded: CharTest = ignoreCase ? (c) => anyInOrbit(t, c, true) : t;
    return itemNegated(it) ? (c) => !folded(c) : folded;
  });
  let combined: CharTest;
  if (cls.op === "union") combined = (c) => parts.some((p) => p(c));
  else if (cls.op === "inter") combined = (c) => parts.every((p) => p(c));
  else combined = (c) => parts[0](c) && !parts.slice(1).some((p) => p(c));
  return cls.negate ? (c) => !combined(c) : combined;
}

/**
 * v mode: the strings (≠ one character) of a class: listed ones keyed by their folded
 * form, and properties of strings, whose members only the host can test.
 */
interface StringSet {
  listed: Map<string, number[]>;
  props: string[];
}

function classStrings(cls: ClassNode, ignoreCase: boolean): StringSet {
  const key = (s: number[]) => s.map((c) => (ignoreCase ? canonicalize(c, true) : c)).join(",");
  const ofItem = (it: ClassItem): StringSet => {
    if (it.type === "nested") return classStrings(it.cls, ignoreCase);
    const listed = new Map<string, number[]>();
    if (it.type === "strings") for (const s of it.list) if (s.length !== 1) listed.set(key(s), s);
    return { listed, props: it.type === "prop" && it.strings ? [it.name] : [] };
  };
  const has = (set: StringSet, k: string, s: number[]): boolean =>
    set.listed.has(k) ||
    set.props.some((p) => propertyHasString(p, String.fromCodePoint(...s), ignoreCase));
  if (cls.negate) return { listed: new Map(), props: [] };
  const sets = cls.items.map(ofItem);
  if (cls.op === "union") {
    const listed = new Map<string, number[]>();
    for (const set of sets) for (const [k, v] of set.listed) listed.set(k, v);
    return { listed, props: sets.flatMap((set) => set.props) };
  }
  const [first, ...rest] = sets;
  const listed = new Map<string, number[]>();
  const candidates = cls.op === "sub" ? [first] : sets;
  for (const set of candidates)
    for (const [k, v] of set.listed)
      if (cls.op === "sub" ? !rest.some((o) => has(o, k, v)) : sets.every((o) => has(o, k, v)))
        listed.set(k, v);
  // A property intersected with itself stays; subtracting from a property is not
  // supported (its strings cannot be listed), so it stays whole.
  const props =
    cls.op === "sub"
      ? first.props
      : first.props.filter((p) => rest.every((o) => o.props.includes(p)));
  return { listed, props };
}

/** Compiles a class (or class escape) under the modifiers in force where it appears. */
export function compileClass(cls: ClassNode, ignoreCase: boolean, unicode: boolean): CompiledClass {
  if (!cls.vMode)
    return {
      test: legacyClass(cls, ignoreCase, unicode),
      strings: [],
      stringProps: [],
      hasEmpty: false,
    };
  const { listed, props: stringProps } = classStrings(cls, ignoreCase);
  const all = [...listed.values()];
  const hasEmpty = all.some((s) => s.length === 0);
  const strings = all.filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
  return { test: setClass(cls, ignoreCase), strings, stringProps, hasEmpty };
}
