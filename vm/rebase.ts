// Rebasing a snapshot onto new code: the state of a program stopped at a wait (its
// suspended async functions, closures and scopes) is carried over to a new version of
// its source, so the run continues on the new code. Used by `vmflow upgrade`.
//
// The snapshot is resumed (nothing runs), every live object of the old program is
// moved onto its counterpart in the new one, and the VM is encoded again; the result
// is decoded once more, so the codec's own checks (environment depths, operand
// shapes at each frame's offset) vet it. What maps onto what:
// - functions by identity: the chain of enclosing functions' names, and among
//   siblings of one name their order in the source (not line numbers: lines move);
// - a suspended frame's wait by the source text of the awaited expression (from its
//   position to the end of its line), the k-th such wait onto the k-th;
// - registers and scope slots by variable name (the k-th of a name onto the k-th);
//   the compiler's internal registers (a loop's iterator), and names declared a
//   different number of times in the two versions, by the code around the wait
//   (mapRegisters). A new variable of a suspended function starts undefined; a scope
//   that has finished running (the top level) may gain only function declarations.
// Whatever cannot be mapped refuses the rebase with a RebaseRefused naming the frame
// (or function, or variable) and its line. Only the named program moves: modules it
// required keep their code.

import * as path from "node:path";
import { compile, type FunctionCode, type Program } from "../compiler";
import { OPS, Op, instructionSize } from "../compiler/opcodes";
import { FnFlags, positionAt } from "../compiler/bytecode";
import { codeShape } from "./code-shape";
import { Env } from "./model/env";
import { measureHeap } from "./interpreter/heap-measure";
import { FunctionObject, GeneratorObject } from "./model/object";
import { EMPTY, type Value } from "./model/value";
import { Jaunt } from "./index";
import type { VM } from "./interpreter/interpreter";

export class RebaseRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RebaseRefused";
  }
}

/** One suspended frame of the old program and where it continues in the new one. */
export interface RebasedFrame {
  function: string;
  /** Line of the wait in the old source and in the new one. */
  from: number;
  to: number;
  /** The awaited expression as the source has it. */
  wait: string;
}

export interface RebaseResult {
  snapshot: Uint8Array;
  frames: RebasedFrame[];
  /** Variables the new code has in a suspended scope that the old did not: they start undefined. */
  added: string[];
}

function label(fn: FunctionCode): string {
  return fn.name || (fn.index === 0 ? "<top level>" : "<anonymous>");
}

/**
 * Each function's identity: its enclosing functions' names and, among its siblings of
 * the same name, its rank in source order ("/<anonymous>#0/pay#0").
 */
function functionTree(p: Program): { ids: string[]; parent: number[] } {
  const fns = p.functions;
  const parent = fns.map((f, i) => {
    let best = -1;
    for (let j = 0; j < fns.length; j++) {
      const g = fns[j];
      if (j === i || g.start > f.start || g.end < f.end) continue;
      if (g.start === f.start && g.end === f.end && j > i) continue;
      if (best < 0 || g.end - g.start < fns[best].end - fns[best].start) best = j;
    }
    return best;
  });
  // Source order, enclosing functions first: a parent is named before its children.
  const order = fns
    .map((_, i) => i)
    .sort((a, b) => fns[a].start - fns[b].start || fns[b].end - fns[a].end);
  const ids: string[] = new Array<string>(fns.length).fill("");
  const rank = new Map<string, number>();
  for (const i of order) {
    if (i === 0) continue;
    const base = `${ids[Math.max(parent[i], 0)]}/${label(fns[i])}`;
    const k = rank.get(base) ?? 0;
    rank.set(base, k + 1);
    ids[i] = `${base}#${k}`;
  }
  return { ids, parent };
}

/** Old function index → new function, by identity (and the same kind of coroutine). */
function mapFunctions(oldP: Program, newP: Program): (FunctionCode | undefined)[] {
  const newIds = new Map(functionTree(newP).ids.map((id, i) => [id, newP.functions[i]]));
  const kind = FnFlags.Async | FnFlags.Generator | FnFlags.Arrow;
  return functionTree(oldP).ids.map((id, i) => {
    const f = newIds.get(id);
    return f && (f.flags & kind) === (oldP.functions[i].flags & kind) ? f : undefined;
  });
}

/** The k-th of each name in `from` onto the k-th of that name in `to` (-1: none). */
function mapNames(from: readonly string[], to: readonly string[]): number[] {
  const seen = new Map<string, number>();
  const key = (n: string) => {
    const k = seen.get(n) ?? 0;
    seen.set(n, k + 1);
    return `${n}\0${k}`;
  };
  const at = new Map(from.map((n, i) => [key(n), i]));
  seen.clear();
  return to.map((n) => at.get(key(n)) ?? -1);
}

/**
 * New register → old register (-1: none) for a frame moving from `at` in `old` to
 * `target` in `to`. A register pairs with one of the same name. The compiler's
 * internal registers (%iter, %next, %exc… of the loops and try blocks around the
 * wait), and variables whose name the two versions declare a different number of
 * times, pair through the code around the wait: read backwards and forwards from it
 * in lockstep while both versions have the same instructions, the registers they use
 * pair up. The rest pair by rank (the k-th of a name onto the k-th) when both versions
 * have as many of the name. Scopes pushed by those instructions pair up too (into
 * `scopes`, old → new).
 */
function mapRegisters(
  old: FunctionCode,
  at: number,
  to: FunctionCode,
  target: number,
  scopes: Map<number, number>,
): number[] {
  const map = new Array<number>(to.nlocals).fill(-1);
  const taken = new Set<number>();
  const count = (names: readonly string[], n: string) => names.filter((x) => x === n).length;
  // Names both versions have as many of pair by rank, but for the compiler's internal
  // ones; those and the rest pair through the code first.
  const byCode = (n: string) =>
    n.startsWith("%") || count(old.localNames, n) !== count(to.localNames, n);
  const byName = mapNames(old.localNames, to.localNames);
  const pair = (a: number, b: number) => {
    const n = to.localNames[b];
    if (old.localNames[a] === n && map[b] < 0 && !taken.has(a)) {
      map[b] = a;
      taken.add(a);
    }
  };
  // The same instruction: opcode and constants (jump offsets and registers may differ).
  const same = (a: number, b: number) => {
    if (old.code[a] !== to.code[b]) return false;
    const ops = OPS[old.code[a]].operands;
    const [x, y] = [old.code.subarray(a + 1), to.code.subarray(b + 1)];
    return !ops.some(
      (k, i) => (k === "const" || k === "name") && old.consts[x[i]] !== to.consts[y[i]],
    );
  };
  const link = (a: number, b: number) => {
    const [x, y] = [old.code.subarray(a + 1), to.code.subarray(b + 1)];
    OPS[old.code[a]].operands.forEach((k, i) => {
      if (k === "local" && byCode(to.localNames[y[i]])) pair(x[i], y[i]);
      if (k === "scope" && !scopes.has(x[i])) scopes.set(x[i], y[i]);
    });
  };
  // The code around the wait, read backwards and forwards in lockstep while it is the
  // same in both versions.
  const oldPrev = codeShape(old).prevStart;
  const newPrev = codeShape(to).prevStart;
  const both = (a: number, b: number) => same(a, b) && (link(a, b), true);
  for (let a = at, b = target; a >= 0 && b >= 0 && both(a, b); a = oldPrev[a], b = newPrev[b]);
  for (
    let a = at, b = target;
    a < old.code.length && b < to.code.length && both(a, b);
    a += instructionSize(old.code, a), b += instructionSize(to.code, b)
  );
  // What the code around the wait did not pair: by rank, if both versions have as many.
  byName.forEach((a, b) => {
    const n = to.localNames[b];
    if (a >= 0 && count(old.localNames, n) === count(to.localNames, n)) pair(a, b);
  });
  return map;
}

/** The wait a suspension point is at: the source from its position to the end of the line. */
function waitText(p: Program, fn: FunctionCode, yieldAt: number): { text: string; line: number } {
  const { line, col } = positionAt(fn, yieldAt);
  const text = (p.source.split("\n")[line - 1] ?? "").slice(col).trim();
  return { text, line };
}

/** Offsets of the suspension points (YIELD, or GENERATOR for a coroutine not started). */
function suspensions(fn: FunctionCode): number[] {
  const out: number[] = [];
  for (let at = 0; at < fn.code.length; at += instructionSize(fn.code, at))
    if (fn.code[at] === Op.YIELD || fn.code[at] === Op.GENERATOR) out.push(at);
  return out;
}

class Rebaser {
  readonly frames: RebasedFrame[] = [];
  readonly added: string[] = [];
  private readonly fnMap: (FunctionCode | undefined)[];
  /** Old functions with a suspended frame: their scopes may still gain variables. */
  private readonly running = new Set<FunctionCode>();

  private readonly newParent: number[];
  /** Per old function with a suspended frame: its scopes' counterparts seen around the wait. */
  private readonly scopes = new Map<FunctionCode, Map<number, number>>();

  constructor(
    private readonly vm: VM,
    private readonly oldP: Program,
    private readonly newP: Program,
  ) {
    this.fnMap = mapFunctions(oldP, newP);
    this.newParent = functionTree(newP).parent;
  }

  private where(fn: FunctionCode, line = fn.line): string {
    return `${label(fn)} (${this.oldP.filename}:${line})`;
  }

  /** The new function for an old one; refuses naming `what` (a frame, function or scope). */
  private counterpart(fn: FunctionCode, what: string): FunctionCode {
    const to = this.fnMap[fn.index];
    if (!to)
      throw new RebaseRefused(
        `${what}: the new code has no ${label(fn)} at that place (the same enclosing functions, of the same kind)`,
      );
    return to;
  }

  /** A suspended coroutine: its frame moves to the same wait in the new function. */
  generator(g: GeneratorObject): void {
    const f = g.frame!;
    const old = f.fn.code;
    const shape = codeShape(old);
    const at = shape.prevStart[f.ip];
    if (at < 0) throw new RebaseRefused(`frame ${this.where(old)}: not stopped at a wait`);
    const { text, line } = waitText(this.oldP, old, at);
    const to = this.counterpart(old, `frame ${this.where(old, line)} waits at \`${text}\``);
    const same = (p: Program, fn: FunctionCode, ip: number) =>
      fn.code[ip] === old.code[at] && waitText(p, fn, ip).text === text;
    const rank = suspensions(old)
      .filter((ip) => same(this.oldP, old, ip))
      .indexOf(at);
    const target = suspensions(to).filter((ip) => same(this.newP, to, ip))[rank];
    if (target === undefined)
      throw new RebaseRefused(
        `frame ${this.where(old, line)} waits at \`${text}\`: the new ${label(to)} has no such wait`,
      );
    const ip = target + instructionSize(to.code, target);
    const operands = g.saved.length - old.nlocals;
    const depth = codeShape(to).depth[ip] - (g.state === 1 ? 2 : 0);
    if (depth !== operands)
      throw new RebaseRefused(
        `frame ${this.where(old, line)} waits at \`${text}\` inside an expression the new code evaluates differently (${operands} values pending, the new code has ${depth})`,
      );
    if (!this.scopes.has(old)) this.scopes.set(old, new Map());
    const map = mapRegisters(old, at, to, target, this.scopes.get(old)!);
    // An internal register of the old code that holds something and has no place in
    // the new code would lose a loop's iterator or a pending exception.
    const kept = new Set(map);
    const unmapped = old.localNames.filter(
      (n, i) =>
        to.localNames.includes(n) &&
        !kept.has(i) &&
        g.saved[i] !== undefined &&
        g.saved[i] !== EMPTY,
    );
    if (unmapped.length)
      throw new RebaseRefused(
        `frame ${this.where(old, line)} waits at \`${text}\`: the new code changed the code around it too much to tell which of its variables is which (${unmapped.join(", ")})`,
      );
    const regs = map.map((i) => (i < 0 ? undefined : g.saved[i]));
    map.forEach((i, k) => {
      const name = to.localNames[k];
      if (i < 0 && !name.startsWith("%")) this.addedVariable(name, to);
    });
    g.saved = [...regs, ...g.saved.slice(old.nlocals)];
    f.ip = ip;
    this.running.add(old);
    this.frames.push({
      function: label(old),
      from: line,
      to: positionAt(to, target).line,
      wait: text,
    });
  }

  fn(o: FunctionObject): void {
    const to = this.counterpart(o.code, `function ${this.where(o.code)}`);
    Object.assign(o as { program: Program; code: FunctionCode }, { program: this.newP, code: to });
    o.caches = null;
  }

  /** A scope: its slots by name; one of a function that has returned may not gain any. */
  env(e: Env): void {
    const old = e.code!;
    const to = this.counterpart(old, `the scope of ${this.where(old)}`);
    const names = old.scopes[e.scope].names;
    const scope = this.scopeIn(old, to, e.scope);
    const newNames = to.scopes[scope].names;
    const map = mapNames(names, newNames);
    const slots: Value[] = map.map((i) => (i < 0 ? undefined : e.slots[i]));
    if (e.extra) slots.push(...e.slots.slice(names.length));
    Object.assign(e as { code: FunctionCode; scope: number }, { code: to, scope });
    e.slots = slots;
    // A new function declaration gets its closure, as entering the scope would have made.
    const unknown: string[] = [];
    map.forEach((i, k) => {
      if (i >= 0) return;
      const name = newNames[k];
      const decl = to.scopes[scope].kinds[k] === 4 ? this.declared(to, name) : undefined;
      const known = to.index === 0 ? this.wrapperArg(name) : undefined;
      if (decl) slots[k] = this.vm.makeClosure(this.newP, decl, e);
      else if (known !== undefined) slots[k] = known;
      else if (this.running.has(old)) this.addedVariable(name, to);
      else unknown.push(`\`${name}\``);
    });
    if (unknown.length)
      throw new RebaseRefused(
        `the scope of ${this.where(old)} gains ${unknown.join(", ")} in the new code, but it has already run: the value cannot be known` +
          (old.index === 0
            ? " (keep top-level names the old code had; a module's require, module and exports are only known if the old code used them in a function)"
            : ""),
      );
  }

  private addedVariable(name: string, fn: FunctionCode): void {
    const what = `${name} in ${label(fn)}`;
    if (!this.added.includes(what)) this.added.push(what);
  }

  /** A CommonJS module's wrapper argument the old code did not keep but can be known. */
  private wrapperArg(name: string): string | undefined {
    if (this.newP.kind !== "commonjs") return undefined;
    if (name === "__filename") return this.newP.filename;
    if (name === "__dirname") return path.dirname(this.newP.filename);
    return undefined;
  }

  /** The function declaration `name` directly inside `fn` in the new code. */
  private declared(fn: FunctionCode, name: string): FunctionCode | undefined {
    return this.newP.functions.find((f, i) => f.name === name && this.newParent[i] === fn.index);
  }

  /**
   * The new function's scope for an old one: the one the code around a wait pushes in
   * its place, else the same role, else the most names shared.
   */
  private scopeIn(old: FunctionCode, to: FunctionCode, scope: number): number {
    const seen = this.scopes.get(old)?.get(scope);
    if (seen !== undefined) return seen;
    if (scope === old.funcScope && to.funcScope >= 0) return to.funcScope;
    if (scope === old.varScope && to.varScope !== undefined && to.varScope >= 0) return to.varScope;
    const names = new Set(old.scopes[scope].names);
    let best = -1;
    let shared = 0;
    let tie = false;
    to.scopes.forEach((s, i) => {
      if (i === to.funcScope || i === to.varScope) return;
      const n = s.names.filter((x) => names.has(x)).length;
      if (n > shared) [best, shared, tie] = [i, n, false];
      else if (n === shared && n > 0) tie = true;
    });
    if (tie)
      throw new RebaseRefused(
        `the scope of ${[...names].map((n) => `\`${n}\``).join(", ")} in ${this.where(old)} matches several of the new code's: cannot tell which`,
      );
    if (best < 0)
      throw new RebaseRefused(
        `the scope of ${[...names].map((n) => `\`${n}\``).join(", ")} in ${this.where(old)} has no counterpart in the new code`,
      );
    return best;
  }
}

/**
 * Moves the snapshot's program `filename` onto `source` (compiled under the same
 * filename, so the module keeps its identity). Throws RebaseRefused.
 */
/** Resumes without running anything, keeping the snapshot's capabilities and limits. */
function open(bytes: Uint8Array): Jaunt {
  return Jaunt.resume(bytes, {
    capabilities: "all",
    onPendingDefault: "settle",
    stdout: () => {},
    stderr: () => {},
  });
}

export function rebaseSnapshot(bytes: Uint8Array, filename: string, source: string): RebaseResult {
  const j = open(bytes);
  const vm = j.vm;
  const oldP = [...vm.programs.values()].find(
    (p) => p.filename === filename && p.kind !== "prelude" && p.kind !== "eval",
  );
  if (!oldP) throw new RebaseRefused(`the snapshot has no program ${filename}`);
  let newP: Program;
  try {
    newP = vm.registerProgram(compile(source, { kind: oldP.kind, filename }));
  } catch (e) {
    throw new RebaseRefused(`the new code does not compile: ${(e as Error).message}`);
  }
  const r = new Rebaser(vm, oldP, newP);
  for (const f of vm.frames)
    if (f.fn.program === oldP)
      throw new RebaseRefused(`frame ${label(f.fn.code)} is running, not waiting`);
  const fns: FunctionObject[] = [];
  const envs: Env[] = [];
  const gens: GeneratorObject[] = [];
  measureHeap(vm, (x) => {
    if (x instanceof FunctionObject && x.program === oldP) fns.push(x);
    else if (x instanceof Env && x.code && vm.codeOwner(x.code) === oldP) envs.push(x);
    if (x instanceof GeneratorObject && x.frame?.fn.program === oldP) gens.push(x);
  });
  // Frames first (they say which scopes may gain variables), then scopes, then closures.
  const refusals: string[] = [];
  for (const g of gens)
    try {
      r.generator(g);
    } catch (e) {
      if (!(e instanceof RebaseRefused)) throw e;
      refusals.push(e.message);
    }
  if (refusals.length) throw new RebaseRefused(refusals.sort().join("; "));
  for (const e of envs) r.env(e);
  for (const f of fns) r.fn(f);
  const snapshot = j.snapshot();
  try {
    open(snapshot);
  } catch (e) {
    throw new RebaseRefused(`the rebased state does not fit the new code: ${(e as Error).message}`);
  }
  return { snapshot, frames: r.frames, added: r.added };
}
