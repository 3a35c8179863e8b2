// The compiler's public entry: source text → Program (bytecode per function).
// Deterministic: the same (kind, filename, source) always gives the same bytecode.

import type { Parser } from "acorn";
import { acorn } from "./acorn";
import { sha256 } from "./digest";
import type * as N from "./estree";
import { analyze } from "./scope";
import { generate } from "./codegen";
import { moduleInfo } from "./module-info";
import { CompileError } from "./emitter";
import { LineMap } from "./lines";
import { LIMITS, NestingTooDeep, depthLimited, treeDepth } from "./depth";
import { compileOffThread, inCompileWorker, tooBigForThisHeap } from "./offthread";
import { cachedProgram, persistentPrograms, rememberProgram } from "./cache";
import { STREAMING, compileStreamed, type StatementParser, type StreamedProgram } from "./stream";
import {
  COMPILER_VERSION,
  EvalFlags,
  type FunctionCode,
  type Program,
  type ProgramKind,
} from "./bytecode";

export * from "./bytecode";
export { Op, OPS, instructionSize } from "./opcodes";
export { disassemble } from "./disasm";

/** Parameters of the CommonJS wrapper, in Node's order. */
export const COMMONJS_PARAMS = ["exports", "require", "module", "__filename", "__dirname"] as const;

/** Parameters of the self-hosted prelude's top level: the global object and internals. */
const PRELUDE_PARAMS = ["global", "$"] as const;

/** A syntax error in guest source, with the position Node would report. */
export class GuestSyntaxError extends Error {
  constructor(
    message: string,
    readonly filename: string,
    readonly line: number,
    readonly column: number,
    readonly sourceLine: string,
    /** The guest error to raise: a SyntaxError, or a RangeError for source nested too deeply. */
    readonly errorName: "SyntaxError" | "RangeError" = "SyntaxError",
  ) {
    super(message);
  }
}

export function programHash(
  kind: ProgramKind,
  filename: string,
  source: string,
  evalFlags = 0,
): string {
  const ctx = kind === "eval" ? `${evalFlags}\0` : "";
  return sha256(`jaunt-compiler/${COMPILER_VERSION}\0${kind}\0${filename}\0${ctx}`, source).slice(
    0,
    32,
  );
}

/** V8's wording where acorn's differs. */
const V8_MESSAGES: Record<string, string> = {
  "'with' in strict mode": "Strict mode code may not include a with statement",
};

/** acorn's messages end with " (line:col)"; Node's do not. */
function nodeStyleMessage(msg: string): string {
  const m = msg.replace(/ \(\d+:\d+\)$/, "");
  // A character that starts no token (binary data, a stray `#`): V8's one message for it.
  if (/^Unexpected character '[^]*'$/.test(m)) return "Invalid or unexpected token";
  return V8_MESSAGES[m] ?? m;
}

export interface CompileOptions {
  kind: ProgramKind;
  filename: string;
  /** Eval code: the EvalFlags of the call site (strictness, what `super`/`new.target` may do). */
  evalFlags?: number;
}

/**
 * Acorn, told what the code around a direct eval allows at the eval code's top level:
 * `new.target` inside functions, `super()` inside derived constructors.
 */
const parsers = new Map<number, typeof Parser>();
let limited: typeof Parser | null = null;
function parserFor(evalFlags: number): typeof Parser {
  const LimitedParser = (limited ??= depthLimited(acorn().Parser));
  const key = evalFlags & (EvalFlags.InFunction | EvalFlags.InDerivedCtor);
  if (!key) return LimitedParser;
  let p = parsers.get(key);
  if (!p) {
    type Scoped = { currentThisScope(): unknown; scopeStack: unknown[] };
    const Base = LimitedParser as unknown as new (...a: unknown[]) => object;
    const get = (name: string, self: object): boolean =>
      Reflect.get(LimitedParser.prototype, name, self) as boolean;
    p = class extends Base {
      get allowNewDotTarget(): boolean {
        const top =
          (this as unknown as Scoped).currentThisScope() ===
          (this as unknown as Scoped).scopeStack[0];
        return get("allowNewDotTarget", this) || (top && (key & EvalFlags.InFunction) !== 0);
      }
      get allowDirectSuper(): boolean {
        const top =
          (this as unknown as Scoped).currentThisScope() ===
          (this as unknown as Scoped).scopeStack[0];
        return get("allowDirectSuper", this) || (top && (key & EvalFlags.InDerivedCtor) !== 0);
      }
    } as unknown as typeof Parser;
    parsers.set(key, p);
  }
  return p;
}

/** Why a compilation needs a bigger stack than this thread's: where the source is too deep. */
class TooDeepHere extends Error {
  constructor(readonly pos: number) {
    super("source nested too deeply for this thread");
  }
}

/** A host stack overflow, thrown by V8 or reported by acorn (which catches its own). */
function isStackOverflow(err: unknown): boolean {
  if (err instanceof RangeError) return /call stack/i.test(err.message);
  return err instanceof SyntaxError && err.message.startsWith("Not enough stack space");
}

/** Line and column (0-based) of a source offset, as acorn counts lines. */
function lineCol(source: string, pos: number): { line: number; column: number; text: string } {
  const re = /\r\n?|\n|\u2028|\u2029/g;
  let line = 1;
  let lineStart = 0;
  for (let m = re.exec(source); m && m.index < pos; m = re.exec(source)) {
    line++;
    lineStart = m.index + m[0].length;
  }
  re.lastIndex = lineStart;
  const next = re.exec(source);
  const text = source.slice(lineStart, next ? next.index : source.length);
  return { line, column: Math.max(0, pos - lineStart), text };
}

/** The guest's error for source nested deeper than Jaunt compiles (Node: a RangeError). */
function tooDeepError(source: string, filename: string, pos: number): GuestSyntaxError {
  const at = lineCol(source, Math.min(Math.max(0, pos), source.length));
  // Deep source is often one huge line: show the 80 characters before the place.
  const from = Math.max(0, at.column - 80);
  return new GuestSyntaxError(
    "Maximum call stack size exceeded",
    filename,
    at.line,
    at.column - from,
    at.text.slice(from, at.column + 80),
    "RangeError",
  );
}

/**
 * Compiles source to a Program, or throws GuestSyntaxError (a SyntaxError, or a
 * RangeError for source nested beyond `LIMITS.worker`). Source nested deeper than this
 * thread's stack allows, or too big for this thread's heap, is compiled on a worker
 * thread with a big stack and heap; the host stack never overflows.
 */
export function compile(source: string, opts: CompileOptions): Program {
  const evalFlags = opts.kind === "eval" ? (opts.evalFlags ?? 0) : 0;
  const known = cachedProgram(source, opts.kind, opts.filename, evalFlags);
  if (known) return known;
  // The prelude has a cache of its own, keyed by its files (vm/runtime/prelude-cache.ts);
  // eval code is kept only when long (a program may eval many short strings).
  const persist =
    opts.kind === "eval" ? source.length >= persistentPrograms.minChars : opts.kind !== "prelude";
  const store = persist ? persistentPrograms.store : null;
  const stored = store?.load(source, opts.kind, opts.filename, evalFlags);
  if (stored) {
    persistentPrograms.hits++;
    rememberProgram(stored, evalFlags);
    return stored;
  }
  const p = compileUncached(source, opts);
  rememberProgram(p, evalFlags);
  store?.save(p, evalFlags);
  return p;
}

/**
 * Told before a source of at least `minChars` is compiled (not for one found in the
 * program cache). The command-line tools start with V8's optimizer held back
 * (bin/tier-up.ts) and use this to release it: compiling a big library (TypeScript's 9
 * MB) in V8's unoptimised tiers took 2.5x the CPU.
 */
export const largeSource: { minChars: number; onCompile: (() => void) | null } = {
  minChars: 1 << 17,
  onCompile: null,
};

function compileUncached(source: string, opts: CompileOptions): Program {
  if (source.length >= largeSource.minChars) largeSource.onCompile?.();
  if (inCompileWorker()) {
    try {
      return (
        compileStreamedHere(source, opts, LIMITS.worker) ?? compileHere(source, opts, LIMITS.worker)
      );
    } catch (err) {
      if (err instanceof TooDeepHere) throw tooDeepError(source, opts.filename, err.pos);
      if (isStackOverflow(err)) throw tooDeepError(source, opts.filename, 0);
      throw err;
    }
  }
  // A long script is compiled in chunks here, whatever the heap (see stream.ts).
  try {
    const p = compileStreamedHere(source, opts, LIMITS.inThread);
    if (p) return p;
  } catch (err) {
    if (!(err instanceof TooDeepHere) && !isStackOverflow(err)) throw err;
  }
  if (!tooBigForThisHeap(source.length)) {
    try {
      return compileHere(source, opts, LIMITS.inThread);
    } catch (err) {
      if (!(err instanceof TooDeepHere) && !isStackOverflow(err)) throw err;
    }
  }
  return compileOffThread(source, opts, (m) => {
    if (m.syntax) {
      const e = m.syntax;
      return new GuestSyntaxError(
        e.message,
        e.filename,
        e.line,
        e.column,
        e.sourceLine,
        e.errorName,
      );
    }
    if (m.limit) {
      const first = lineCol(source, 0);
      return new GuestSyntaxError(m.message, opts.filename, 1, 0, first.text, "RangeError");
    }
    return Object.assign(new Error(m.message), { stack: m.stack });
  });
}

type Limits = { parse: number; tree: number };

/** A depth-limited acorn parser over `text`, configured for the program's kind. */
function newParser(
  text: string,
  kind: ProgramKind,
  evalFlags: number,
  limits: Limits,
): StatementParser & { parse(): unknown } {
  // A CommonJS module is a function body in Node: `new.target` is allowed at its top.
  const parseFlags = kind === "commonjs" ? evalFlags | EvalFlags.InFunction : evalFlags;
  const P = parserFor(parseFlags) as unknown as new (
    o: object,
    t: string,
  ) => StatementParser & { depthLeft: number; parse(): unknown };
  const parser = new P(
    {
      ecmaVersion: "latest",
      sourceType: kind === "module" ? "module" : "script",
      locations: false,
      allowReturnOutsideFunction: kind === "commonjs" || kind === "prelude",
      allowHashBang: kind !== "eval",
      allowSuperOutsideMethod:
        (evalFlags & (EvalFlags.InMethod | EvalFlags.InDerivedCtor)) !== 0 || undefined,
    },
    text,
  );
  parser.depthLeft = limits.parse;
  return parser;
}

/**
 * A long script, CommonJS or ES module compiled a chunk of statements at a time, or null
 * if it is short or cannot be streamed (see stream.ts).
 */
function compileStreamedHere(source: string, opts: CompileOptions, limits: Limits): Program | null {
  const { kind, filename } = opts;
  const streams = kind === "commonjs" || kind === "script" || kind === "module";
  if (!streams || source.length < STREAMING.minChars) return null;
  let out: StreamedProgram | null;
  try {
    out = compileStreamed({
      source,
      filename,
      kind,
      topParams: kind === "commonjs" ? COMMONJS_PARAMS : [],
      treeLimit: limits.tree,
      newParser: () => newParser(source, kind, 0, limits),
    });
  } catch (err) {
    if (err instanceof CompileError) throw codegenFailure(err, source, filename);
    throw parseFailure(err, source, filename, 0);
  }
  if (!out) return null;
  const hash = programHash(kind, filename, source);
  const { functions, module } = out;
  if (module) return { hash, kind, filename, source, functions, module };
  return { hash, kind, filename, source, functions };
}

/** A parse failure as compile's callers expect it (see `compile`). */
function parseFailure(err: unknown, source: string, filename: string, shift: number): unknown {
  if (err instanceof NestingTooDeep) return new TooDeepHere(err.pos - shift);
  if (err instanceof TooDeepHere || isStackOverflow(err)) return err;
  const e = err as { message: string; loc?: { line: number; column: number } };
  if (e.loc) {
    const line = e.loc.line;
    const sourceLine = source.split(/\r\n|\r|\n/)[line - 1] ?? "";
    return new GuestSyntaxError(
      nodeStyleMessage(e.message),
      filename,
      line,
      e.loc.column,
      sourceLine,
    );
  }
  return err;
}

/** A code generator's error (unsupported syntax, a limit) as a guest SyntaxError. */
function codegenFailure(err: CompileError, source: string, filename: string): GuestSyntaxError {
  const node = (err as { node?: N.Node }).node;
  const pos = new LineMap(source).at(node?.start ?? 0);
  return new GuestSyntaxError(
    err.message,
    filename,
    pos.line,
    pos.column,
    source.split(/\r\n|\r|\n/)[pos.line - 1] ?? "",
  );
}

function compileHere(source: string, opts: CompileOptions, limits: Limits): Program {
  const { kind, filename } = opts;
  const evalFlags = kind === "eval" ? (opts.evalFlags ?? 0) : 0;
  const evalStrict = (evalFlags & EvalFlags.Strict) !== 0;
  let ast: N.Program;
  try {
    // Strict eval code is parsed as strict (a "use strict" prefix would shift positions).
    const text = evalStrict ? `"use strict";${source}` : source;
    ast = newParser(text, kind, evalFlags, limits).parse() as N.Program;
    const deep = treeDepth(ast, limits.tree);
    if (deep.depth > limits.tree) {
      throw new TooDeepHere((deep.node as N.Node).start - (evalStrict ? 13 : 0));
    }
    if (evalStrict) {
      shiftPositions(ast, 13);
      // The prefix is no statement of the eval code: its value must not be the completion.
      ast.body.shift();
    }
    if (evalFlags & EvalFlags.InFieldInit) {
      const at = findArguments(ast);
      if (at)
        throw Object.assign(
          new SyntaxError(
            "'arguments' is not allowed in class field initializer or static initialization block",
          ),
          { loc: new LineMap(source).at(at.start) },
        );
    }
  } catch (err) {
    throw parseFailure(err, source, filename, evalStrict ? 13 : 0);
  }
  const topParams =
    kind === "commonjs" ? COMMONJS_PARAMS : kind === "prelude" ? PRELUDE_PARAMS : [];
  const analysis = analyze(ast, {
    globalVars: kind === "script",
    topParams,
    strict: kind === "module" || evalStrict,
    module: kind === "module",
    evalCode: kind === "eval",
    indirectEval: kind === "eval" && (evalFlags & EvalFlags.Direct) === 0,
    derivedCtor: (evalFlags & EvalFlags.InDerivedCtor) !== 0,
  });
  const functions: FunctionCode[] = [];
  try {
    generate({
      analysis,
      source,
      globalVars: kind === "script",
      native: kind === "prelude",
      completion: kind === "eval",
      module: kind === "module",
      filename,
      topParams: topParams.length,
      functions,
      lines: new LineMap(source),
    });
  } catch (err) {
    if (err instanceof CompileError) throw codegenFailure(err, source, filename);
    throw err;
  }
  const hash = programHash(kind, filename, source, evalFlags);
  if (kind === "eval") return { hash, kind, filename, source, functions, evalFlags };
  if (kind === "module")
    return { hash, kind, filename, source, functions, module: moduleInfo(ast, analysis) };
  return { hash, kind, filename, source, functions };
}

type LinePos = { line: number; column: number };

/** Moves every node's offsets back by `n` (the length of a prefix added before parsing). */
function shiftPositions(node: unknown, n: number): void {
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (!v || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) return v.forEach(visit);
    const o = v as { type?: unknown; start?: number; end?: number; loc?: unknown };
    if (typeof o.type === "string" && typeof o.start === "number") {
      o.start = Math.max(0, o.start - n);
      o.end = Math.max(0, (o.end ?? 0) - n);
      const loc = o.loc as { start: LinePos; end: LinePos } | undefined;
      if (loc && loc.start.line === 1) loc.start = { ...loc.start, column: loc.start.column - n };
      if (loc && loc.end.line === 1) loc.end = { ...loc.end, column: loc.end.column - n };
    }
    for (const k in o) if (k !== "loc") visit((o as Record<string, unknown>)[k]);
  };
  visit(node);
}

/**
 * ContainsArguments (ECMA-262 PerformEval, eval in a field initializer): an
 * `arguments` reference outside non-arrow functions; methods count by their keys.
 */
function findArguments(node: N.Node): N.Node | null {
  let found: N.Node | null = null;
  const visit = (n: unknown, key?: string): void => {
    if (found || !n || typeof n !== "object") return;
    if (Array.isArray(n)) {
      for (const c of n) visit(c);
      return;
    }
    const o = n as N.Node & Record<string, unknown>;
    if (typeof o.type !== "string") return;
    if (o.type === "Identifier" && o.name === "arguments" && key !== "property" && key !== "key") {
      found = o;
      return;
    }
    if (o.type === "FunctionDeclaration" || o.type === "FunctionExpression") return;
    for (const k of Object.keys(o)) {
      if (k === "loc") continue;
      const v = o[k];
      // `x.arguments` and `{ arguments: 1 }` name properties, not the binding.
      const nonComputed =
        (k === "property" || k === "key") && !(o as { computed?: boolean }).computed;
      visit(v, nonComputed ? k : undefined);
    }
  };
  visit(node);
  return found;
}
