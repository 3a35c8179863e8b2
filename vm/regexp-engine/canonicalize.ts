// Canonicalize (ECMA-262 22.2.2.7.3) and its inverse, the "orbit" of a character:
// every character with the same canonical value. Matching only ever compares
// canonical values, so in u/v mode any representative of a simple-case-folding class
// works as the canonical value: classes are found from the host's case mappings and
// then checked against the host's own `/x/iu` matcher (which implements scf exactly).
// Both tables are built lazily, once per process, the first time an `i` scope runs.

/** Non-u mode: toUppercase of the code unit, unless that maps non-ASCII to ASCII. */
let nonUnicodeTable: Uint16Array | null = null;
/** Non-u mode: canonical value → all code units with it (only classes of two or more). */
let nonUnicodeOrbits: Map<number, number[]> | null = null;
/** u/v mode: code point → class representative (only classes of two or more). */
let unicodeRep: Map<number, number> | null = null;
/** u/v mode: representative → the members of its class. */
let unicodeOrbits: Map<number, number[]> | null = null;

function buildNonUnicode(): void {
  const table = new Uint16Array(0x10000);
  const orbits = new Map<number, number[]>();
  for (let c = 0; c < 0x10000; c++) {
    const u = String.fromCharCode(c).toUpperCase();
    let canon = c;
    if (u.length === 1) {
      const cu = u.charCodeAt(0);
      if (!(c >= 128 && cu < 128)) canon = cu;
    }
    table[c] = canon;
  }
  // Only characters that change, and what they change into, have company.
  for (let c = 0; c < 0x10000; c++) {
    const k = table[c];
    if (k === c) continue;
    const list = orbits.get(k);
    if (list) list.push(c);
    else orbits.set(k, table[k] === k ? [k, c] : [c]);
  }
  for (const list of orbits.values()) list.sort((a, b) => a - b);
  nonUnicodeTable = table;
  nonUnicodeOrbits = orbits;
}

function singleCodePoint(s: string): number {
  const c = s.codePointAt(0)!;
  return s.length === (c > 0xffff ? 2 : 1) ? c : -1;
}

function buildUnicode(): void {
  // Candidate classes: characters linked by single-character case mappings, or whose
  // full uppercase strings agree (U+0390 and U+1FD3).
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const byUpper = new Map<string, number>();
  for (let c = 0; c < 0x20000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCodePoint(c);
    const lo = s.toLowerCase();
    const up = s.toUpperCase();
    if (lo !== s) {
      const l = singleCodePoint(lo);
      if (l >= 0) union(c, l);
    }
    if (up !== s) {
      const u = singleCodePoint(up);
      if (u >= 0) union(c, u);
      else {
        const prev = byUpper.get(up);
        if (prev === undefined) byUpper.set(up, c);
        else union(c, prev);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (const c of parent.keys()) {
    const r = find(c);
    const g = groups.get(r);
    if (g) g.push(c);
    else groups.set(r, [c]);
  }
  // Split each candidate class into the host's real equivalence classes.
  const rep = new Map<number, number>();
  const orbits = new Map<number, number[]>();
  for (const members of groups.values()) {
    let rest = members.sort((a, b) => a - b);
    while (rest.length > 1) {
      const first = rest[0];
      const re = new RegExp(`^\\u{${first.toString(16)}}$`, "iu");
      const same: number[] = [];
      const other: number[] = [];
      for (const m of rest) (re.test(String.fromCodePoint(m)) ? same : other).push(m);
      if (same.length > 1) {
        for (const m of same) rep.set(m, first);
        orbits.set(first, same);
      }
      rest = other;
    }
  }
  unicodeRep = rep;
  unicodeOrbits = orbits;
}

/** Canonicalize(rer, ch) with IgnoreCase true, as a comparable number. */
export function canonicalize(c: number, unicode: boolean): number {
  if (unicode) {
    if (!unicodeRep) buildUnicode();
    return unicodeRep!.get(c) ?? c;
  }
  if (!nonUnicodeTable) buildNonUnicode();
  return c < 0x10000 ? nonUnicodeTable![c] : c;
}

/** Every character whose canonical value is c's (null when c is alone). */
export function orbit(c: number, unicode: boolean): readonly number[] | null {
  if (unicode) {
    if (!unicodeRep) buildUnicode();
    const r = unicodeRep!.get(c);
    return r === undefined ? null : unicodeOrbits!.get(r)!;
  }
  if (!nonUnicodeTable) buildNonUnicode();
  if (c >= 0x10000) return null;
  return nonUnicodeOrbits!.get(nonUnicodeTable![c]) ?? null;
}
