// Jaunt's own RegExp matcher, used for patterns the host cannot run (modifier groups
// `(?i:…)`, ES2025). `EngineRegExp` has the part of the host RegExp interface the VM
// uses — `lastIndex` and `exec` returning a host-shaped match array — so the VM can
// hold either behind one type.

import { parsePattern } from "./parser";
import { compileProgram } from "./program";
import { Matcher } from "./matcher";
import type { Pattern } from "./ast";

export { parsePattern } from "./parser";

/** What the VM needs from a compiled matcher (the host RegExp satisfies it too). */
export interface RegExpMatcherLike {
  lastIndex: number;
  exec(s: string): RegExpExecArray | null;
}

type Indices = [number, number] | undefined;

export class EngineRegExp implements RegExpMatcherLike {
  lastIndex = 0;
  readonly pattern: Pattern;
  private readonly matcher: Matcher;
  private readonly global: boolean;
  private readonly sticky: boolean;
  private readonly hasIndices: boolean;

  /** Parses and compiles; throws a SyntaxError worded like V8's for a bad pattern. */
  constructor(
    readonly source: string,
    readonly flags: string,
  ) {
    this.pattern = parsePattern(source, flags);
    this.matcher = new Matcher(compileProgram(this.pattern, flags));
    this.global = flags.includes("g");
    this.sticky = flags.includes("y");
    this.hasIndices = flags.includes("d");
  }

  /** RegExpBuiltinExec's matching steps on a string, with the host's lastIndex rules. */
  exec(s: string): RegExpExecArray | null {
    const updates = this.global || this.sticky;
    const from = updates ? this.lastIndex : 0;
    if (from > s.length || !this.matcher.search(s, from, this.sticky)) {
      if (updates) this.lastIndex = 0;
      return null;
    }
    const regs = this.matcher.regs;
    if (updates) this.lastIndex = regs[1];
    const n = this.pattern.groupCount;
    const values: (string | undefined)[] = [];
    const indices: Indices[] = [];
    for (let g = 0; g <= n; g++) {
      const a = regs[2 * g];
      const b = regs[2 * g + 1];
      const set = a >= 0 && b >= 0;
      values.push(set ? s.slice(a, b) : undefined);
      indices.push(set ? [a, b] : undefined);
    }
    const match = values as unknown as RegExpExecArray;
    match.index = regs[0];
    match.input = s;
    let groups: Record<string, string | undefined> | undefined;
    let groupIndices: Record<string, Indices> | undefined;
    if (this.pattern.names.size > 0) {
      groups = Object.create(null) as Record<string, string | undefined>;
      groupIndices = Object.create(null) as Record<string, Indices>;
      for (const [name, list] of this.pattern.names) {
        const g = list.find((k) => values[k] !== undefined) ?? list[0];
        groups[name] = values[g];
        groupIndices[name] = indices[g];
      }
    }
    match.groups = groups as Record<string, string>;
    if (this.hasIndices) {
      const ind = indices as unknown as RegExpIndicesArray;
      ind.groups = groupIndices as RegExpIndicesArray["groups"];
      (match as RegExpExecArray & { indices?: RegExpIndicesArray }).indices = ind;
    }
    return match;
  }
}
