// Duplicate named capture groups (ES2025: `(?<x>a)|(?<x>b)`), which the host's
// matcher (Node 20) refuses: the pattern is rewritten with the later groups renamed
// (`x\u200c1`, …), `\k<x>` becomes a backreference to every alias (only one of them
// can have participated), and match results are mapped back to the original names.

import { structuralIndices } from "../regexp-engine/scan";

/** Aliases of each duplicated name, in source order (the first is the name itself). */
export type GroupAliases = Map<string, string[]>;

export interface Translation {
  pattern: string;
  aliases: GroupAliases;
}

interface Group {
  name: string;
  /** The alternatives (disjunction id → alternative index) the group sits in. */
  path: Map<number, number>;
}

/**
 * The host pattern for a source with duplicate group names, or a string describing
 * why the duplicates are not allowed (they might both participate in a match).
 */
export function translateDuplicateGroups(source: string, flags: string): Translation | string {
  const vMode = flags.includes("v");
  const groups: Group[] = [];
  const stack: { id: number; alt: number }[] = [{ id: 0, alt: 0 }];
  let nextId = 1;
  // First pass: the named groups and where they sit.
  for (const i of structuralIndices(source, vMode)) {
    const c = source[i];
    if (c === "|") stack[stack.length - 1].alt++;
    else if (c === ")") {
      if (stack.length > 1) stack.pop();
    } else if (c === "(") {
      const m = /^\(\?<([^=!>][^>]*)>/.exec(source.slice(i, i + 200));
      if (m) groups.push({ name: m[1], path: new Map(stack.map((f) => [f.id, f.alt])) });
      stack.push({ id: nextId++, alt: 0 });
    }
  }
  const byName = new Map<string, Group[]>();
  for (const g of groups) {
    const list = byName.get(g.name);
    if (list) list.push(g);
    else byName.set(g.name, [g]);
  }
  for (const list of byName.values())
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++)
        if (mightBothParticipate(list[a], list[b])) return "Duplicate capture group name";
  const aliases: GroupAliases = new Map();
  for (const [name, list] of byName)
    if (list.length > 1)
      aliases.set(
        name,
        list.map((_, k) => (k === 0 ? name : `${name}\u200c${k}`)),
      );
  if (aliases.size === 0) return "Duplicate capture group name";
  // Second pass: rename the later groups and widen backreferences.
  const seen = new Map<string, number>();
  let out = "";
  let classDepth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const k = classDepth === 0 ? /^\\k<([^>]*)>/.exec(source.slice(i, i + 200)) : null;
      const names = k ? aliases.get(k[1]) : undefined;
      if (k && names) {
        out += `(?:${names.map((n) => `\\k<${n}>`).join("")})`;
        i += k[0].length - 1;
      } else {
        out += source.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (classDepth > 0) {
      if (c === "]") classDepth--;
      else if (c === "[" && vMode) classDepth++;
      out += c;
      continue;
    }
    if (c === "[") classDepth++;
    if (c === "(") {
      const m = /^\(\?<([^=!>][^>]*)>/.exec(source.slice(i, i + 200));
      const names = m ? aliases.get(m[1]) : undefined;
      if (m && names) {
        const n = seen.get(m[1]) ?? 0;
        seen.set(m[1], n + 1);
        out += `(?<${names[n]}>`;
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return { pattern: out, aliases };
}

/** False when some disjunction holds the two groups in different alternatives. */
function mightBothParticipate(a: Group, b: Group): boolean {
  for (const [id, alt] of a.path) {
    const other = b.path.get(id);
    if (other !== undefined && other !== alt) return false;
  }
  return true;
}

/**
 * A host groups object (or indices.groups) with aliases folded back into their
 * original names, in source order of first occurrence.
 */
export function foldGroups<T>(
  groups: Record<string, T | undefined>,
  aliases: GroupAliases,
): Record<string, T | undefined> {
  const hidden = new Set<string>();
  for (const names of aliases.values()) for (const n of names.slice(1)) hidden.add(n);
  const out: Record<string, T | undefined> = Object.create(null);
  for (const k of Object.keys(groups)) {
    if (hidden.has(k)) continue;
    const names = aliases.get(k);
    if (!names) {
      out[k] = groups[k];
      continue;
    }
    let v: T | undefined = undefined;
    for (const n of names) if (groups[n] !== undefined) v = groups[n];
    out[k] = v;
  }
  return out;
}

/** EscapeRegExpPattern as V8 does it: `/` outside classes and line terminators. */
export function escapeSource(source: string): string {
  if (source === "") return "(?:)";
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    if (c === "/" && !inClass) out += "\\/";
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\u2028") out += "\\u2028";
    else if (c === "\u2029") out += "\\u2029";
    else out += c;
  }
  return out;
}
