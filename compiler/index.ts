// The compiler's public entry: source text → Program (bytecode per function).
// Deterministic: the same (kind, filename, source) always gives the same bytecode.

import { parse } from "acorn";
import { createHash } from "node:crypto";
import type * as N from "./estree";
import { analyze } from "./scope";
import { generate } from "./codegen";
import { moduleInfo } from "./module-info";
import { CompileError } from "./emitter";
import { COMPILER_VERSION, type FunctionCode, type Program, type ProgramKind } from "./bytecode";

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

export function programHash(kind: ProgramKind, filename: string, source: string): string {
  return createHash("sha256")
    .update(`jaunt-compiler/${COMPILER_VERSION}\0${kind}\0${filename}\0`)
    .update(source)
    .digest("hex")
    .slice(0, 32);
}

/** acorn's messages end with " (line:col)"; Node's do not. */
function nodeStyleMessage(msg: string): string {
  return msg.replace(/ \(\d+:\d+\)$/, "");
}

export interface CompileOptions {
  kind: ProgramKind;
  filename: string;
}

export function compile(source: string, opts: CompileOptions): Program {
  const { kind, filename } = opts;
  let ast: N.Program;
  try {
    ast = parse(source, {
      ecmaVersion: "latest",
      sourceType: kind === "module" ? "module" : "script",
      locations: true,
      allowReturnOutsideFunction: kind === "commonjs" || kind === "prelude",
      allowHashBang: true,
    }) as unknown as N.Program;
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
    globalVars: kind === "script" || kind === "eval",
    topParams,
    strict: kind === "module",
    module: kind === "module",
  });
  const functions: FunctionCode[] = [];
  try {
    generate({
      analysis,
      source,
      globalVars: kind === "script" || kind === "eval",
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
  const module = kind === "module" ? moduleInfo(ast, analysis) : undefined;
  return { hash: programHash(kind, filename, source), kind, filename, source, functions, module };
}
