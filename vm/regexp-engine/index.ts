// Jaunt's own RegExp matcher, used for patterns the host cannot run (modifier groups
// `(?i:…)`, ES2025). `EngineRegExp` has the part of the host RegExp interface the VM
// uses — `lastIndex` and `exec` returning a host-shaped match array — so the VM can
// hold either behind one type.

import { parsePattern } from "./parser";
import { compileProgram, instructionStarts, type Program } from "./program";
import { Matcher, SearchResult, type SearchState } from "./matcher";
import type { Pattern } from "./ast";

export { parsePattern } from "./parser";
export type { SearchState } from "./matcher";
export { mayBacktrackBadly } from "./risk";

/** What execSlice returns while the match is not decided yet. */
export const MORE: unique symbol = Symbol("regexp match in progress");

/** What the VM needs from a compiled matcher (the host RegExp satisfies it too). */
export interface RegExpMatcherLike {
  lastIndex: number;
  exec(s: string): RegExpExecArray | null;
}

type Indices = [number, number] | undefined;

export class EngineRegExp implements RegExpMatcherLike {
  lastIndex = 0;
  readonly pattern: Pattern;
  private readonly program: Program;
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
    this.program = compileProgram(this.pattern, flags);
    this.matcher = new Matcher(this.program);
    this.global = flags.includes("g");
    this.sticky = flags.includes("y");
    this.hasIndices = flags.includes("d");
  }

  /** RegExpBuiltinExec's matching steps on a string, with the host's lastIndex rules. */
  exec(s: string): RegExpExecArray | null {
    this.execBegin(s);
    return this.execSlice(Infinity) as RegExpExecArray | null;
  }

  private subject = "";
  private noMatchYet = false;

  /** The subject of the exec in progress. */
  subjectText(): string {
    return this.subject;
  }

  /** Matcher steps the last execSlice took. */
  stepsTaken(): number {
    return this.noMatchYet ? 0 : this.matcher.stepsTaken;
  }

  /** Starts exec on `s` (lastIndex rules as exec); execSlice then runs it. */
  execBegin(s: string): void {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    this.subject = s;
    this.noMatchYet = from > s.length;
    if (!this.noMatchYet) this.matcher.begin(s, from, this.sticky);
  }

  /**
   * Runs the exec begun by execBegin for at most `quota` matcher steps: the match
   * (host-shaped), null, or MORE when the quota ran out first.
   */
  execSlice(quota: number): RegExpExecArray | null | typeof MORE {
    const updates = this.global || this.sticky;
    const r = this.noMatchYet ? SearchResult.NoMatch : this.matcher.resume(quota);
    if (r === SearchResult.More) return MORE;
    const s = this.subject;
    this.subject = "";
    if (r === SearchResult.NoMatch) {
      if (updates) this.lastIndex = 0;
      return null;
    }
    return this.result(s);
  }

  /** The search in progress after execSlice returned MORE, as data. */
  saveState(): SearchState {
    return this.matcher.saveState();
  }

  /**
   * Continues a search saved by saveState (from a snapshot): checks that it fits
   * this pattern's program and subject, and returns what is wrong, or null.
   */
  restoreState(st: SearchState): string | null {
    const problem = this.checkState(st);
    if (problem) return problem;
    this.subject = st.s;
    this.noMatchYet = false;
    this.matcher.restoreState(st);
    return null;
  }

  private checkState(st: SearchState): string | null {
    const p = this.program;
    const len = st.s.length;
    const int = (v: unknown) => typeof v === "number" && Number.isInteger(v);
    const inString = (v: unknown) => int(v) && (v as number) >= 0 && (v as number) <= len;
    const starts = instructionStarts(p);
    if (!inString(st.start) || !inString(st.pos)) return "a position outside the subject";
    if (!starts.has(st.pc)) return "a program counter that is not an instruction";
    if (!Array.isArray(st.regs) || st.regs.length !== p.regCount || !st.regs.every(int))
      return "registers that do not fit the pattern";
    if (!st.regs.every((r) => r >= -1 && r < 2 ** 31)) return "a register out of range";
    const k = st.stack;
    if (!Array.isArray(k) || k.length % 3 !== 0 || !k.every(int))
      return "a malformed backtrack stack";
    for (let i = 0; i < k.length; i += 3) {
      const tag = k[i + 2];
      if (tag === 1) {
        if (k[i] < 0 || k[i] >= p.regCount || k[i + 1] < -1 || k[i + 1] >= 2 ** 31)
          return "a bad register undo";
      } else if (tag === 0 || tag === 2 || tag === 3) {
        if (!starts.has(k[i]) || !inString(k[i + 1])) return "a bad backtrack choice";
      } else return "a bad backtrack frame";
    }
    // A lookaround's mark is the stack height at its start (stale once it is done).
    for (let r = p.lookBase; r < p.regCount; r++)
      if (st.regs[r] !== -1 && st.regs[r] % 3 !== 0) return "a bad lookaround mark";
    return null;
  }

  /** The match array for the captures in the matcher's registers. */
  private result(s: string): RegExpExecArray {
    const updates = this.global || this.sticky;
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
