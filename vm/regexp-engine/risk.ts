// Which patterns may backtrack for a very long time (a ReDoS risk), so that the VM
// matches them on the engine that counts its steps instead of the host's matcher.
//
// Exponential backtracking needs a loop that can match the same text in more than one
// way, again and again: a loop around another loop or an alternation whose choices
// overlap, as in /(a+)+$/, /(a|a)*$/, /(\w+\s?)+$/. A loop around other loops or
// alternations is still safe when every choice inside it is decided by the next
// character (the repetition is unambiguous):
//   - the loop's body cannot match the empty string;
//   - an alternation's alternatives start with disjoint characters (at most one of
//     them may match empty, and then its follow counts as its start);
//   - an inner loop (or optional part) cannot match empty, and the characters that
//     start another iteration are disjoint from those that may follow it (within the
//     enclosing loop: what comes after it, or the next iteration of the enclosing
//     loop when the rest of the body can match empty).
// Then each text splits into iterations in one way only. The outermost loop's exit is
// not checked: leaving it is a choice made once per way through, so it costs at most a
// polynomial factor, as /\w+\w+$/ does (polynomial patterns stay with the host; a
// deadline makes every pattern counted, see builtins/regexp.ts). So /(?:\w+ )+dog/
// stays on the host: \w+ stops at the space, which \w cannot match.
// A backreference, a lookaround or a flag-changing group inside a loop is not analysed:
// the loop counts as risky.

import type { ClassItem, ClassNode, Node, Pattern } from "./ast";
import { orbit } from "./canonicalize";

const MAX_CP = 0x10ffff;

/** A set of characters as sorted, disjoint, non-adjacent ranges [lo0, hi0, lo1, hi1, …]. */
type Ranges = readonly number[];

const NONE: Ranges = [];
const ALL: Ranges = [0, MAX_CP];

function normalize(pairs: [number, number][]): Ranges {
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const n = out.length;
    if (n > 0 && lo <= out[n - 1] + 1) out[n - 1] = Math.max(out[n - 1], hi);
    else out.push(lo, hi);
  }
  return out;
}

function toPairs(r: Ranges): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < r.length; i += 2) pairs.push([r[i], r[i + 1]]);
  return pairs;
}

function union(a: Ranges, b: Ranges): Ranges {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return normalize([...toPairs(a), ...toPairs(b)]);
}

function intersects(a: Ranges, b: Ranges): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1] < b[j]) i += 2;
    else if (b[j + 1] < a[i]) j += 2;
    else return true;
  }
  return false;
}

function complement(r: Ranges): Ranges {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < r.length; i += 2) {
    if (r[i] > next) out.push(next, r[i] - 1);
    next = r[i + 1] + 1;
  }
  if (next <= MAX_CP) out.push(next, MAX_CP);
  return out;
}

/** Sets this large are not case-folded one character at a time: taken as everything. */
const FOLD_LIMIT = 4096;

/** Every character that matches a member of r under ignoreCase (its orbits). */
function fold(r: Ranges, unicode: boolean): Ranges {
  let size = 0;
  for (let i = 0; i < r.length; i += 2) size += r[i + 1] - r[i] + 1;
  if (size > FOLD_LIMIT) return ALL;
  const pairs = toPairs(r);
  for (let i = 0; i < r.length; i += 2)
    for (let c = r[i]; c <= r[i + 1]; c++)
      for (const o of orbit(c, unicode) ?? []) pairs.push([o, o]);
  return normalize(pairs);
}

const DIGIT: Ranges = [0x30, 0x39];
const WORD: Ranges = normalize([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
const SPACE: Ranges = normalize(
  [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]
    .map((c): [number, number] => [c, c])
    .concat([[0x2000, 0x200a]]),
);
const LINE_TERMINATORS: Ranges = normalize([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);

interface Flags {
  ignoreCase: boolean;
  unicode: boolean;
  dotAll: boolean;
}

/** A class item's exact set before case folding, or null when not worked out here. */
function itemRanges(item: ClassItem): Ranges | null {
  switch (item.type) {
    case "range":
      return [item.lo, item.hi];
    case "esc": {
      const r = item.kind === "d" ? DIGIT : item.kind === "s" ? SPACE : WORD;
      return item.negate ? complement(r) : r;
    }
    default:
      return null; // properties, strings, nested v-mode classes
  }
}

/** The characters a class may match (a superset). */
function classRanges(cls: ClassNode, f: Flags): Ranges {
  if (cls.vMode) return ALL;
  let set: Ranges = NONE;
  for (const item of cls.items) {
    const r = itemRanges(item);
    if (r === null) return ALL;
    set = union(set, r);
  }
  // Negated under ignoreCase, the class matches fewer than the complement: still a superset.
  if (cls.negate) return complement(set);
  return f.ignoreCase ? fold(set, f.unicode) : set;
}

/** What the analysis needs of a node: the characters it may start with, and whether it may match empty. */
interface Start {
  first: Ranges;
  nullable: boolean;
}

function start(n: Node, f: Flags, memo: Map<Node, Start>): Start {
  let s = memo.get(n);
  if (s) return s;
  switch (n.type) {
    case "empty":
    case "assert":
    case "look":
      s = { first: NONE, nullable: true };
      break;
    case "char":
      s = { first: f.ignoreCase ? fold([n.cp, n.cp], f.unicode) : [n.cp, n.cp], nullable: false };
      break;
    case "dot":
      s = { first: f.dotAll ? ALL : complement(LINE_TERMINATORS), nullable: false };
      break;
    case "class":
      // A v-mode class may hold the empty string (\q{}).
      s = { first: classRanges(n.cls, f), nullable: n.cls.vMode };
      break;
    case "backref":
      s = { first: ALL, nullable: true };
      break;
    case "group":
    case "modifiers":
      s = start(n.body, f, memo);
      break;
    case "repeat": {
      const b = start(n.body, f, memo);
      s = { first: b.first, nullable: n.min === 0 || b.nullable };
      break;
    }
    case "seq": {
      let first: Ranges = NONE;
      let nullable = true;
      for (const item of n.items) {
        const i = start(item, f, memo);
        first = union(first, i.first);
        if (!i.nullable) {
          nullable = false;
          break;
        }
      }
      s = { first, nullable };
      break;
    }
    case "disj": {
      let first: Ranges = NONE;
      let nullable = false;
      for (const a of n.alts) {
        const i = start(a, f, memo);
        first = union(first, i.first);
        nullable ||= i.nullable;
      }
      s = { first, nullable };
      break;
    }
  }
  memo.set(n, s);
  return s;
}

/**
 * Whether every choice inside `n` (part of a loop's body) is decided by the next
 * character, given the characters that may follow `n`.
 */
function unambiguous(n: Node, follow: Ranges, f: Flags, memo: Map<Node, Start>): boolean {
  switch (n.type) {
    case "empty":
    case "assert":
    case "char":
    case "dot":
    case "class":
      return true;
    case "backref":
    case "look":
      return false;
    case "modifiers":
      // `(?:…)`; a group changing flags (`(?i:…)`) is not analysed.
      return n.add === "" && n.remove === "" && unambiguous(n.body, follow, f, memo);
    case "group":
      return unambiguous(n.body, follow, f, memo);
    case "seq": {
      let after = follow;
      for (let i = n.items.length - 1; i >= 0; i--) {
        const item = n.items[i];
        if (!unambiguous(item, after, f, memo)) return false;
        const s = start(item, f, memo);
        after = s.nullable ? union(s.first, after) : s.first;
      }
      return true;
    }
    case "disj": {
      let seen: Ranges = NONE;
      let nullables = 0;
      for (const a of n.alts) {
        const s = start(a, f, memo);
        if (s.nullable && ++nullables > 1) return false;
        const first = s.nullable ? union(s.first, follow) : s.first;
        if (intersects(seen, first)) return false;
        seen = union(seen, first);
        if (!unambiguous(a, follow, f, memo)) return false;
      }
      return true;
    }
    case "repeat":
      return unambiguousRepeat(n, follow, f, memo);
  }
}

function unambiguousRepeat(
  n: Extract<Node, { type: "repeat" }>,
  follow: Ranges,
  f: Flags,
  memo: Map<Node, Start>,
): boolean {
  if (n.max <= 1 && n.min === n.max) return unambiguous(n.body, follow, f, memo);
  const body = start(n.body, f, memo);
  if (body.nullable) return false;
  // Another iteration or what follows: the next character must tell.
  if (n.max > n.min && intersects(body.first, follow)) return false;
  const afterBody = n.max > 1 ? union(body.first, follow) : follow;
  return unambiguous(n.body, afterBody, f, memo);
}

/**
 * Whether a pattern may backtrack for a very long time on some subject: a loop
 * around other loops, alternations or a backreference whose repetition is not
 * unambiguous (see the comment at the top). Patterns it passes may still be
 * polynomial (/\s*\s*$/).
 */
export function mayBacktrackBadly(p: Pattern, flags = ""): boolean {
  try {
    return loopsMayBacktrackBadly(p, flags);
  } catch (e) {
    // A pattern nested too deeply for this analysis's recursion: counted, to be safe.
    if (e instanceof RangeError) return true;
    throw e;
  }
}

function loopsMayBacktrackBadly(p: Pattern, flags: string): boolean {
  const f: Flags = {
    ignoreCase: flags.includes("i"),
    unicode: flags.includes("u") || flags.includes("v"),
    dotAll: flags.includes("s"),
  };
  const memo = new Map<Node, Start>();
  const work: Node[] = [p.body];
  while (work.length > 0) {
    const n = work.pop()!;
    switch (n.type) {
      case "disj":
        work.push(...n.alts);
        break;
      case "seq":
        work.push(...n.items);
        break;
      case "look":
      case "group":
      case "modifiers":
        work.push(n.body);
        break;
      case "repeat":
        if (n.max <= 1) work.push(n.body);
        else if (hasChoices(n.body)) {
          // The outermost loop: its exit is not checked (see the top).
          const body = start(n.body, f, memo);
          if (body.nullable) return true;
          if (!unambiguous(n.body, body.first, f, memo)) return true;
        }
        break;
    }
  }
  return false;
}

/** Whether a loop's body holds an alternation, another loop or a backreference. */
function hasChoices(n: Node): boolean {
  switch (n.type) {
    case "disj":
    case "backref":
      return true;
    case "repeat":
      // `a?` is a choice too: /^(a?){25}a{25}$/.
      return n.max > 1 || n.max > n.min || hasChoices(n.body);
    case "seq":
      return n.items.some(hasChoices);
    case "look":
    case "group":
    case "modifiers":
      return hasChoices(n.body);
    default:
      return false;
  }
}
