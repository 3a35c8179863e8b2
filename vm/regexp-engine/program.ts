// Compiles a pattern's node tree to a flat program for the backtracking matcher
// (matcher.ts). Modifier groups are resolved here: every instruction carries the
// i/m/s it runs under. Lookbehind bodies are compiled right to left (ECMA-262
// 22.2.2.3: sequences reversed, characters read before the position).

import type { Node, Pattern } from "./ast";
import { canonicalize, orbit } from "./canonicalize";
import { compileClass, type CompiledClass } from "./charset";

/** Opcodes; operands follow each opcode in `code`. */
export const enum Op {
  /** cp, backward */
  Char,
  /** canonical cp, backward */
  CharI,
  /** backward (dot with s) */
  Any,
  /** backward (dot without s) */
  Dot,
  /** class index, backward */
  Class,
  /** multiline */
  Bol,
  /** multiline */
  Eol,
  /** negate, ignoreCase */
  WordB,
  /** ref index, ignoreCase, backward */
  BackRef,
  /** first, second: try first, backtrack to second */
  Split,
  /** target */
  Jmp,
  /** group index: remember where the group starts (its end when backward) */
  GroupOpen,
  /** group index, backward: set the capture */
  GroupClose,
  /** loop */
  LoopInit,
  /** loop, min, max, greedy, exit; the iteration starts at the next instruction */
  LoopHead,
  /** loop, first capture, end capture */
  LoopEnter,
  /** loop, min, head */
  LoopTail,
  /** look index, negate, continuation */
  LookStart,
  /** look index, negate */
  LookEnd,
  /** property-of-strings index, backward */
  StrProp,
  Match,
}

export interface Program {
  code: number[];
  classes: CompiledClass[];
  /** Backreference targets (several group indices for duplicate names). */
  refs: number[][];
  /** Properties of strings: name and ignoreCase. */
  strProps: { name: string; ignoreCase: boolean }[];
  unicode: boolean;
  groupCount: number;
  /** Register layout: captures (2 per group, group 0 included), group starts, loops, looks. */
  groupBase: number;
  loopBase: number;
  lookBase: number;
  regCount: number;
}

interface Mods {
  i: boolean;
  m: boolean;
  s: boolean;
}

class Emitter {
  readonly code: number[] = [];
  readonly classes: CompiledClass[] = [];
  readonly refs: number[][] = [];
  readonly strProps: { name: string; ignoreCase: boolean }[] = [];
  loops = 0;
  looks = 0;

  constructor(private readonly unicode: boolean) {}

  emit(...ops: number[]): number {
    const at = this.code.length;
    this.code.push(...ops);
    return at;
  }

  node(n: Node, mods: Mods, back: boolean): void {
    const b = back ? 1 : 0;
    switch (n.type) {
      case "empty":
        return;
      case "seq": {
        const items = back ? [...n.items].reverse() : n.items;
        for (const it of items) this.node(it, mods, back);
        return;
      }
      case "disj":
        return this.alternatives(n.alts.map((a) => () => this.node(a, mods, back)));
      case "char":
        return this.char(n.cp, mods, b);
      case "dot":
        this.emit(mods.s ? Op.Any : Op.Dot, b);
        return;
      case "class":
        return this.charClass(compileClass(n.cls, mods.i, this.unicode), mods, b);
      case "assert":
        if (n.kind === "^") this.emit(Op.Bol, mods.m ? 1 : 0);
        else if (n.kind === "$") this.emit(Op.Eol, mods.m ? 1 : 0);
        else this.emit(Op.WordB, n.kind === "B" ? 1 : 0, mods.i ? 1 : 0);
        return;
      case "look": {
        const k = this.looks++;
        const start = this.emit(Op.LookStart, k, n.negate ? 1 : 0, 0);
        this.node(n.body, mods, n.behind);
        this.emit(Op.LookEnd, k, n.negate ? 1 : 0);
        this.code[start + 3] = this.code.length;
        return;
      }
      case "group":
        this.emit(Op.GroupOpen, n.index);
        this.node(n.body, mods, back);
        this.emit(Op.GroupClose, n.index, b);
        return;
      case "modifiers": {
        const next = { ...mods };
        for (const f of n.add) next[f as keyof Mods] = true;
        for (const f of n.remove) next[f as keyof Mods] = false;
        return this.node(n.body, next, back);
      }
      case "backref":
        this.refs.push(n.indices);
        this.emit(Op.BackRef, this.refs.length - 1, mods.i ? 1 : 0, b);
        return;
      case "repeat": {
        if (n.max === 0) return;
        const l = this.loops++;
        this.emit(Op.LoopInit, l);
        const head = this.emit(Op.LoopHead, l, n.min, n.max, n.greedy ? 1 : 0, 0);
        this.emit(Op.LoopEnter, l, n.capFrom, n.capTo);
        this.node(n.body, mods, back);
        this.emit(Op.LoopTail, l, n.min, head);
        this.code[head + 5] = this.code.length;
        return;
      }
    }
  }

  private char(cp: number, mods: Mods, b: number): void {
    if (mods.i && orbit(cp, this.unicode) !== null)
      this.emit(Op.CharI, canonicalize(cp, this.unicode), b);
    else this.emit(Op.Char, cp, b);
  }

  /** Alternatives in order: each but the last behind a Split, all jumping to the end. */
  private alternatives(alts: (() => void)[]): void {
    const jumps: number[] = [];
    for (let k = 0; k < alts.length; k++) {
      if (k === alts.length - 1) {
        alts[k]();
        break;
      }
      const split = this.emit(Op.Split, 0, 0);
      this.code[split + 1] = this.code.length;
      alts[k]();
      jumps.push(this.emit(Op.Jmp, 0));
      this.code[split + 2] = this.code.length;
    }
    for (const j of jumps) this.code[j + 1] = this.code.length;
  }

  /** A class; with strings (v mode), the longest strings first, then characters. */
  private charClass(cls: CompiledClass, mods: Mods, b: number): void {
    this.classes.push(cls);
    const index = this.classes.length - 1;
    if (cls.strings.length === 0 && cls.stringProps.length === 0 && !cls.hasEmpty) {
      this.emit(Op.Class, index, b);
      return;
    }
    const alts: (() => void)[] = [];
    for (const name of cls.stringProps)
      alts.push(() => {
        this.strProps.push({ name, ignoreCase: mods.i });
        this.emit(Op.StrProp, this.strProps.length - 1, b);
      });
    for (const s of cls.strings)
      alts.push(() => {
        for (const cp of b ? [...s].reverse() : s) this.char(cp, mods, b);
      });
    alts.push(() => this.emit(Op.Class, index, b));
    if (cls.hasEmpty) alts.push(() => {});
    this.alternatives(alts);
  }
}

/** Compiles a parsed pattern under its flags. */
export function compileProgram(p: Pattern, flags: string): Program {
  const unicode = flags.includes("u") || flags.includes("v");
  const e = new Emitter(unicode);
  const mods = { i: flags.includes("i"), m: flags.includes("m"), s: flags.includes("s") };
  e.node(p.body, mods, false);
  e.emit(Op.Match);
  const groupBase = 2 * (p.groupCount + 1);
  const loopBase = groupBase + p.groupCount + 1;
  const lookBase = loopBase + 2 * e.loops;
  return {
    code: e.code,
    classes: e.classes,
    refs: e.refs,
    strProps: e.strProps,
    unicode,
    groupCount: p.groupCount,
    groupBase,
    loopBase,
    lookBase,
    regCount: lookBase + e.looks,
  };
}

/** Each opcode's length in `code` (the opcode and its operands), by Op. */
const OP_LENGTH = [3, 3, 2, 2, 3, 2, 2, 3, 4, 3, 2, 2, 3, 2, 6, 4, 4, 4, 3, 3, 1];

/** The offsets where instructions start (to validate a saved program counter). */
export function instructionStarts(p: Program): Set<number> {
  const starts = new Set<number>();
  for (let pc = 0; pc < p.code.length; pc += OP_LENGTH[p.code[pc]]) starts.add(pc);
  return starts;
}
