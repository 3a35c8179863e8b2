// The backtracking matcher: runs a Program (program.ts) at one start position. All
// state is in a register file and an explicit backtrack stack of 3-number frames, so
// a long subject never deepens the host stack and a step allocates nothing.
//
// Frames: [pc, pos, CHOICE] resumes there; [reg, old, UNDO] restores a register;
// [continuation, pos, LOOK_POS|LOOK_NEG] marks where a lookaround's body began.

import { canonicalize } from "./canonicalize";
import { isWordChar } from "./charset";
import { matchPropertyOfStrings } from "./properties";
import { Op, type Program } from "./program";

const CHOICE = 0;
const UNDO = 1;
const LOOK_POS = 2;
const LOOK_NEG = 3;

function isPairAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** What `resume` reports: a match (captures in regs), no match, or quota spent. */
export const enum SearchResult {
  NoMatch = 0,
  Match = 1,
  More = 2,
}

/**
 * A search between two slices, as plain numbers (the snapshot form of a match in
 * progress): the subject, where this attempt started, the program counter and
 * position, the backtrack stack and the registers.
 */
export interface SearchState {
  s: string;
  sticky: boolean;
  start: number;
  pc: number;
  pos: number;
  stack: number[];
  regs: number[];
}

export class Matcher {
  /** Captures after a successful run: [start0, end0, start1, end1, …], -1 when unset. */
  readonly regs: Int32Array;
  /**
   * The backtrack stack, grown by doubling: an Int32Array because a JS array of tens
   * of millions of entries (/a*b/ over 10 MB) made each growth a multi-second step of
   * copying and garbage collection; a typed array is one memcpy, outside the GC heap.
   */
  private stack: Int32Array = new Int32Array(48);
  private readonly code: number[];
  // The search in progress (see begin/resume).
  private s = "";
  private sticky = false;
  private start = 0;
  private pc = 0;
  private pos = 0;
  private sp = 0;
  /** Steps taken by the last resume (a measure of its work). */
  stepsTaken = 0;

  constructor(private readonly p: Program) {
    this.regs = new Int32Array(p.regCount);
    this.code = p.code;
  }

  /**
   * Finds the first match starting at `from` or later (only at `from` when sticky),
   * advancing by code points in u/v mode; on success regs holds the captures.
   */
  search(s: string, from: number, sticky: boolean): boolean {
    this.begin(s, from, sticky);
    return this.resume(Infinity) === SearchResult.Match;
  }

  /** Starts a search that `resume` runs in slices. */
  begin(s: string, from: number, sticky: boolean): void {
    this.s = s;
    this.sticky = sticky;
    this.start = from;
    this.pc = 0;
    this.pos = from;
    this.sp = 0;
    this.regs.fill(-1);
  }

  /** The search in progress as data (after a resume that returned More). */
  saveState(): SearchState {
    const { s, sticky, start, pc, pos } = this;
    const stack = Array.from(this.stack.subarray(0, this.sp));
    return { s, sticky, start, pc, pos, stack, regs: [...this.regs] };
  }

  /** Continues a search saved by saveState (validated by the caller). */
  restoreState(st: SearchState): void {
    this.s = st.s;
    this.sticky = st.sticky;
    this.start = st.start;
    this.pc = st.pc;
    this.pos = st.pos;
    this.stack = new Int32Array(Math.max(48, st.stack.length * 2));
    this.stack.set(st.stack);
    this.sp = st.stack.length;
    this.regs.set(st.regs);
  }

  /**
   * Runs the search begun by `begin` for at most `quota` steps (one step is one
   * instruction or one backtrack): Match, NoMatch, or More (call again).
   */
  resume(quota: number): SearchResult {
    const { code, regs, p } = this;
    let stack = this.stack;
    const unicode = p.unicode;
    const s = this.s;
    const sticky = this.sticky;
    const len = s.length;
    let start = this.start;
    let sp = this.sp;
    let pc = this.pc;
    let pos = this.pos;
    let steps = 0;
    // Reads the character after (or before) pos: sets ch and width, or returns false.
    let ch = 0;
    let width = 0;
    const read = (back: number): boolean => {
      if (back) {
        if (pos <= 0) return false;
        ch = s.charCodeAt(pos - 1);
        width = 1;
        if (unicode && ch >= 0xdc00 && ch <= 0xdfff && pos >= 2) {
          const hi = s.charCodeAt(pos - 2);
          if (hi >= 0xd800 && hi <= 0xdbff) {
            ch = (hi - 0xd800) * 0x400 + (ch - 0xdc00) + 0x10000;
            width = 2;
          }
        }
        return true;
      }
      if (pos >= len) return false;
      ch = s.charCodeAt(pos);
      width = 1;
      if (unicode && ch >= 0xd800 && ch <= 0xdbff && pos + 1 < len) {
        const lo = s.charCodeAt(pos + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          ch = (ch - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      return true;
    };
    const setReg = (r: number, v: number): void => {
      if (regs[r] === v) return;
      if (sp + 3 > stack.length) stack = this.grow(sp);
      stack[sp++] = r;
      stack[sp++] = regs[r];
      stack[sp++] = UNDO;
      regs[r] = v;
    };
    const push = (a: number, b: number, tag: number): void => {
      if (sp + 3 > stack.length) stack = this.grow(sp);
      stack[sp++] = a;
      stack[sp++] = b;
      stack[sp++] = tag;
    };

    for (;;) {
      if (++steps > quota) {
        this.start = start;
        this.sp = sp;
        this.pc = pc;
        this.pos = pos;
        this.stepsTaken = steps - 1;
        return SearchResult.More;
      }
      let ok = true;
      const op = code[pc] as Op;
      switch (op) {
        case Op.Char:
        case Op.CharI: {
          const back = code[pc + 2];
          if (!read(back)) {
            ok = false;
            break;
          }
          const c = op === Op.CharI ? canonicalize(ch, unicode) : ch;
          if (c !== code[pc + 1]) {
            ok = false;
            break;
          }
          pos += back ? -width : width;
          pc += 3;
          break;
        }
        case Op.Any:
        case Op.Dot: {
          const back = code[pc + 1];
          if (!read(back) || (op === Op.Dot && isLineTerminator(ch))) {
            ok = false;
            break;
          }
          pos += back ? -width : width;
          pc += 2;
          break;
        }
        case Op.Class: {
          const back = code[pc + 2];
          if (!read(back) || !p.classes[code[pc + 1]].test(ch)) {
            ok = false;
            break;
          }
          pos += back ? -width : width;
          pc += 3;
          break;
        }
        case Op.Bol:
          if (pos !== 0 && !(code[pc + 1] && isLineTerminator(s.charCodeAt(pos - 1)))) ok = false;
          else pc += 2;
          break;
        case Op.Eol:
          if (pos !== len && !(code[pc + 1] && isLineTerminator(s.charCodeAt(pos)))) ok = false;
          else pc += 2;
          break;
        case Op.WordB: {
          const ic = code[pc + 2] === 1;
          const a = pos > 0 && isWordChar(s.charCodeAt(pos - 1), ic, unicode);
          const b = pos < len && isWordChar(s.charCodeAt(pos), ic, unicode);
          if ((a !== b) === (code[pc + 1] === 1)) ok = false;
          else pc += 3;
          break;
        }
        case Op.BackRef: {
          const n = this.backref(s, pos, code[pc + 1], code[pc + 2] === 1, code[pc + 3] === 1);
          if (n < 0) ok = false;
          else {
            pos = code[pc + 3] ? pos - n : pos + n;
            pc += 4;
          }
          break;
        }
        case Op.Split:
          push(code[pc + 2], pos, CHOICE);
          pc = code[pc + 1];
          break;
        case Op.Jmp:
          pc = code[pc + 1];
          break;
        case Op.GroupOpen:
          setReg(p.groupBase + code[pc + 1], pos);
          pc += 2;
          break;
        case Op.GroupClose: {
          const g = code[pc + 1];
          const other = regs[p.groupBase + g];
          setReg(2 * g, code[pc + 2] ? pos : other);
          setReg(2 * g + 1, code[pc + 2] ? other : pos);
          pc += 3;
          break;
        }
        case Op.LoopInit:
          setReg(p.loopBase + 2 * code[pc + 1], 0);
          pc += 2;
          break;
        case Op.LoopHead: {
          const count = regs[p.loopBase + 2 * code[pc + 1]];
          const exit = code[pc + 5];
          if (count >= code[pc + 3]) pc = exit;
          else if (count < code[pc + 2]) pc += 6;
          else if (code[pc + 4]) {
            push(exit, pos, CHOICE);
            pc += 6;
          } else {
            push(pc + 6, pos, CHOICE);
            pc = exit;
          }
          break;
        }
        case Op.LoopEnter: {
          setReg(p.loopBase + 2 * code[pc + 1] + 1, pos);
          for (let g = code[pc + 2]; g < code[pc + 3]; g++) {
            setReg(2 * g, -1);
            setReg(2 * g + 1, -1);
          }
          pc += 4;
          break;
        }
        case Op.LoopTail: {
          const r = p.loopBase + 2 * code[pc + 1];
          const count = regs[r];
          if (count >= code[pc + 2] && pos === regs[r + 1]) {
            ok = false;
            break;
          }
          setReg(r, count + 1);
          pc = code[pc + 3];
          break;
        }
        case Op.LookStart:
          push(code[pc + 3], pos, code[pc + 2] ? LOOK_NEG : LOOK_POS);
          regs[p.lookBase + code[pc + 1]] = sp;
          pc += 4;
          break;
        case Op.LookEnd: {
          const mark = regs[p.lookBase + code[pc + 1]];
          if (code[pc + 2]) {
            // The negated body matched: unwind to before the marker, then fail.
            while (sp > mark) {
              sp -= 3;
              if (stack[sp + 2] === UNDO) regs[stack[sp]] = stack[sp + 1];
            }
            sp -= 3;
            ok = false;
            break;
          }
          // The body matched: drop its choice points but keep its register undos.
          pos = stack[mark - 2];
          let dst = mark - 3;
          for (let k = mark; k < sp; k += 3) {
            if (stack[k + 2] !== UNDO) continue;
            stack[dst] = stack[k];
            stack[dst + 1] = stack[k + 1];
            stack[dst + 2] = UNDO;
            dst += 3;
          }
          sp = dst;
          pc += 3;
          break;
        }
        case Op.StrProp: {
          const { name, ignoreCase } = p.strProps[code[pc + 1]];
          const back = code[pc + 2];
          let n = -1;
          if (!back) n = matchPropertyOfStrings(name, ignoreCase, s, pos);
          else
            for (let from = Math.max(0, pos - 64); from < pos && n < 0; from++)
              if (matchPropertyOfStrings(name, ignoreCase, s, from) === pos - from) n = pos - from;
          if (n <= 0) ok = false;
          else {
            pos += back ? -n : n;
            pc += 3;
          }
          break;
        }
        case Op.Match:
          regs[0] = start;
          regs[1] = pos;
          this.settle(start, steps);
          return SearchResult.Match;
      }
      if (ok) continue;
      // Backtrack: undo registers down to the latest choice point.
      for (;;) {
        if (sp === 0) {
          // No match at this start: try the next one.
          if (sticky || start >= len) {
            this.settle(start, steps);
            return SearchResult.NoMatch;
          }
          start = unicode && isPairAt(s, start) ? start + 2 : start + 1;
          pos = start;
          pc = 0;
          regs.fill(-1);
          break;
        }
        sp -= 3;
        const tag = stack[sp + 2];
        if (tag === CHOICE) {
          pc = stack[sp];
          pos = stack[sp + 1];
          break;
        }
        if (tag === UNDO) regs[stack[sp]] = stack[sp + 1];
        else if (tag === LOOK_NEG) {
          // The negated body failed: the lookaround succeeds.
          pc = stack[sp];
          pos = stack[sp + 1];
          break;
        }
      }
    }
  }

  /** A backtrack stack twice as big holding the first `sp` entries. */
  private grow(sp: number): Int32Array {
    const bigger = new Int32Array(this.stack.length * 2);
    bigger.set(this.stack.subarray(0, sp));
    this.stack = bigger;
    return bigger;
  }

  /** A decided search leaves a consistent, empty state (a snapshot may still save it). */
  private settle(start: number, steps: number): void {
    this.stepsTaken = steps;
    this.start = this.pos = start;
    this.pc = 0;
    this.sp = 0;
  }

  /** Length matched by a backreference at pos, or -1. */
  private backref(s: string, pos: number, ref: number, ic: boolean, back: boolean): number {
    const regs = this.regs;
    let from = -1;
    let to = -1;
    for (const g of this.p.refs[ref])
      if (regs[2 * g] >= 0 && regs[2 * g + 1] >= 0) {
        from = regs[2 * g];
        to = regs[2 * g + 1];
        break;
      }
    if (from < 0) return 0;
    const n = to - from;
    const at = back ? pos - n : pos;
    if (at < 0 || at + n > s.length) return -1;
    if (!ic) {
      for (let k = 0; k < n; k++) if (s.charCodeAt(from + k) !== s.charCodeAt(at + k)) return -1;
      return n;
    }
    const unicode = this.p.unicode;
    for (let k = 0; k < n;) {
      const a = unicode ? s.codePointAt(from + k)! : s.charCodeAt(from + k);
      const b = unicode ? s.codePointAt(at + k)! : s.charCodeAt(at + k);
      if (a !== b && canonicalize(a, unicode) !== canonicalize(b, unicode)) return -1;
      k += a > 0xffff ? 2 : 1;
    }
    return n;
  }
}
