// The compiler's public entry: source text → Program (bytecode per function).
// Deterministic: the same (kind, filename, source) always gives the same bytecode.

import { Parser, parse } from "acorn";
import { createHash } from "node:crypto";
import type * as N from "./estree";
import { analyze } from "./scope";
import { generate } from "./codegen";
import { moduleInfo } from "./module-info";
import { CompileError } from "./emitter";
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
  return createHash("sha256")
    .update(`jaunt-compiler/${COMPILER_VERSION}\0${kind}\0${filename}\0${ctx}`)
    .update(source)
    .digest("hex")
    .slice(0, 32);
}

/** V8's wording where acorn's differs. */
const V8_MESSAGES: Record<string, string> = {
  "'with' in strict mode": "Strict mode code may not include a with statement",
};

/** acorn's messages end with " (line:col)"; Node's do not. */
function nodeStyleMessage(msg: string): string {
  const m = msg.replace(/ \(\d+:\d+\)$/, "");
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
function parserFor(evalFlags: number): typeof Parser {
  const key = evalFlags & (EvalFlags.InFunction | EvalFlags.InDerivedCtor);
  if (!key) return Parser;
  let p = parsers.get(key);
  if (!p) {
    type Scoped = { currentThisScope(): unknown; scopeStack: unknown[] };
    const Base = Parser as unknown as new (...a: unknown[]) => object;
    const get = (name: string, self: object): boolean =>
      Reflect.get(Parser.prototype, name, self) as boolean;
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

export function compile(source: string, opts: CompileOptions): Program {
  const { kind, filename } = opts;
  const evalFlags = kind === "eval" ? (opts.evalFlags ?? 0) : 0;
  const evalStrict = (evalFlags & EvalFlags.Strict) !== 0;
  let ast: N.Program;
  try {
    // Strict eval code is parsed as strict (a "use strict" prefix would shift positions).
    const text = evalStrict ? `"use strict";${source}` : source;
    // A CommonJS module is a function body in Node: `new.target` is allowed at its top.
    const parseFlags = kind === "commonjs" ? evalFlags | EvalFlags.InFunction : evalFlags;
    ast = parserFor(parseFlags).parse(text, {
      ecmaVersion: "latest",
      sourceType: kind === "module" ? "module" : "script",
      locations: true,
      allowReturnOutsideFunction: kind === "commonjs" || kind === "prelude",
      allowHashBang: kind !== "eval",
      allowSuperOutsideMethod:
        (evalFlags & (EvalFlags.InMethod | EvalFlags.InDerivedCtor)) !== 0 || undefined,
    }) as unknown as N.Program;
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
          { loc: at.loc!.start },
        );
    }
  } catch (err) {
    const e = err as { message: string; loc?: { line: number; column: number } };
    if (e.loc) {
      const line = e.loc.line;
      const sourceLine = source.split(/\r\n|\r|\n/)[line - 1] ?? "";
      throw new GuestSyntaxError(
        nodeStyleMessage(e.message),
        filename,
        line,
        e.loc.column,
        sourceLine,
      );
    }
    throw err;
  }
  const topParams =
    kind === "commonjs" ? COMMONJS_PARAMS : kind === "prelude" ? PRELUDE_PARAMS : [];
  const analysis = analyze(ast, {
    globalVars: kind === "script",
    topParams,
    strict: kind === "module" || evalStrict,
    module: kind === "module",
    evalCode: kind === "eval",
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
    });
  } catch (err) {
    if (err instanceof CompileError) {
      const node = (err as { node?: N.Node }).node;
      const line = node?.loc?.start.line ?? 1;
      const col = node?.loc?.start.column ?? 0;
      throw new GuestSyntaxError(
        err.message,
        filename,
        line,
        col,
        source.split(/\r\n|\r|\n/)[line - 1] ?? "",
      );
    }
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
