// Long scripts, CommonJS and ES modules compiled a chunk of top-level statements at a time (issue 9: 50 MB of
// `x=1;` built a syntax tree of ~75 bytes per source byte and exhausted the heap).
//
// Pass 1 parses the whole source one statement at a time, checks it, declares its
// top-level declarations and drops its tree. Pass 2 parses it again and, for each
// chunk of statements, analyses the chunk, generates its top-level code and its
// functions, then drops the chunk. Only one chunk's tree is alive at a time, so the
// compiler's memory is the output plus a bounded window.
//
// What the top level's code needs from later chunks is known before pass 2: its
// declarations (pass 1), and where its bindings live — all in the environment, since
// whether a later closure captures one is not known yet. Hoisted function
// declarations are created by code placed beside each chunk and chained by jumps,
// run before the first statement (a module then suspends, as a whole compile's does,
// for the loader to link it). A module's import/export declarations are kept (names
// only, see moduleDeclaration) for its ModuleInfo. Source whose top level needs other facts from
// later chunks (this/arguments/new.target/super outside functions, eval, with, a
// top-level `using`) is not streamed: `compileStreamed` returns null and the caller
// compiles the whole tree.

import { acorn } from "./acorn";
import type * as N from "./estree";
import { streamAnalyzer, type FunctionInfo } from "./scope";
import {
  generateFunction,
  topLevelStream,
  varNames,
  type CodegenContext,
  type GlobalDeclarations,
} from "./codegen";
import { patternNames } from "./scope";
import { LineMap } from "./lines";
import { NestingTooDeep } from "./depth";
import type { FunctionCode, ModuleInfo } from "./bytecode";
import { unwrapExport } from "./scope";
import { hasTopLevelAwait, moduleDeclaration, moduleInfoOf } from "./module-info";

/** Sizes that decide streaming; tests lower them to stream small programs. */
export const STREAMING = {
  /** Sources at least this long (in characters) are streamed when they can be. */
  minChars: 1 << 20,
  /** A chunk ends after the statement that reaches this many characters. */
  chunkChars: 1 << 16,
};

/** The acorn parser state this module drives (see acorn's parseTopLevel). */
export interface StatementParser {
  type: unknown;
  strict: boolean;
  nextToken(): void;
  parseStatement(context: null, topLevel: boolean, exports: object): N.Statement;
  adaptDirectivePrologue(statements: N.Statement[]): void;
  /** A module's exported names not (yet) declared, as acorn's parseTopLevel checks them. */
  undefinedExports: Record<string, N.Node>;
  raiseRecoverable(pos: number, message: string): void;
}

/** What a streamed compile produces: the functions (the top level first), a module's shape. */
export interface StreamedProgram {
  functions: FunctionCode[];
  module?: ModuleInfo;
}

export interface StreamInput {
  source: string;
  filename: string;
  /**
   * A script's top-level declarations are global; CommonJS's are the wrapper's locals;
   * a module's live in its environment.
   */
  kind: "script" | "commonjs" | "module";
  topParams: readonly string[];
  /** Tree depth allowed (levels), as for a whole compile. */
  treeLimit: number;
  newParser(): StatementParser;
}

/** Parses the top-level statements one by one, marking the directive prologue. */
function* statements(p: StatementParser): Generator<N.Statement> {
  const exports = Object.create(null) as object;
  let prologue = true;
  p.nextToken();
  const eof = acorn().tokTypes.eof;
  while (p.type !== eof) {
    const s = p.parseStatement(null, true, exports);
    if (prologue) {
      p.adaptDirectivePrologue([s]);
      prologue = (s as N.ExpressionStatement).directive !== undefined;
    }
    yield s;
  }
  // At the end, as acorn's parseTopLevel: `export { x }` needs a top-level `x`.
  for (const name of Object.keys(p.undefinedExports))
    p.raiseRecoverable(p.undefinedExports[name].start, `Export '${name}' is not defined`);
}

/**
 * Checks one top-level statement in a walk without recursion: its tree may be at most
 * `limit` levels deep (else NestingTooDeep, as a whole compile's `treeDepth` check),
 * and it must need no fact a later chunk could change — no this/arguments/new.target/
 * super outside non-arrow functions, no direct eval, no with, no top-level `using`
 * (conservative: any `arguments` name counts). Returns whether it can stream.
 */
function check(stmt: N.Statement, limit: number): boolean {
  const kind = (stmt as { kind?: string }).kind;
  let ok = !(stmt.type === "VariableDeclaration" && (kind === "using" || kind === "await using"));
  const nodes: object[] = [stmt];
  const inFn: boolean[] = [false];
  const depths: number[] = [1];
  const push = (c: unknown, f: boolean, d: number): void => {
    nodes.push(c as object);
    inFn.push(f);
    depths.push(d);
  };
  while (nodes.length) {
    const n = nodes.pop() as N.Node & Record<string, unknown>;
    let f = inFn.pop()!;
    const d = depths.pop()!;
    if (d > limit) throw new NestingTooDeep(n.start);
    switch (n.type) {
      case "WithStatement":
        ok = false;
        break;
      case "CallExpression":
        if (n.callee.type === "Identifier" && n.callee.name === "eval") ok = false;
        break;
      case "MetaProperty":
        // `import.meta` reads a hidden module binding (and parses only in modules).
        if (!f && n.meta.name !== "import") ok = false;
        break;
      case "ThisExpression":
      case "Super":
        if (!f) ok = false;
        break;
      case "Identifier":
        if (!f && n.name === "arguments") ok = false;
        break;
      case "FunctionDeclaration":
      case "FunctionExpression":
        f = true;
        break;
      case "PropertyDefinition":
      case "StaticBlock":
        // Field initializers and static blocks run as functions of their own (`this` is
        // the instance or the class); a computed key runs where the class is.
        if (n.type === "PropertyDefinition") {
          push(n.key, n.computed ? f : true, d + 1);
          if (n.value) push(n.value, true, d + 1);
        } else for (const c of n.body as object[]) push(c, true, d + 1);
        continue;
      default:
    }
    for (const k in n) {
      const v = n[k];
      if (!v || typeof v !== "object") continue;
      if (Array.isArray(v)) {
        for (const c of v)
          if (c && typeof (c as { type?: unknown }).type === "string") push(c, f, d + 1);
      } else if (typeof (v as { type?: unknown }).type === "string") push(v, f, d + 1);
    }
  }
  return ok;
}

/** Facts of the top level that no chunk may change once code has been generated. */
function topFacts(top: FunctionInfo): string {
  return [
    top.strict,
    top.usesArguments,
    top.usesThis,
    top.usesNewTarget,
    top.thisBinding !== null,
    top.argumentsBinding !== null,
    top.newTargetBinding !== null,
    top.fnBinding !== null,
    top.hasDirectEval,
    top.scope.bindings.size,
  ].join();
}

/**
 * Compiles a script or CommonJS module a chunk of top-level statements at a time:
 * its functions (the top level first), or null when it cannot be streamed. Throws
 * what a whole compile throws (acorn's SyntaxError, CompileError, NestingTooDeep).
 */
export function compileStreamed(input: StreamInput): StreamedProgram | null {
  const { source } = input;
  const script = input.kind === "script";
  const module = input.kind === "module";
  const analyzer = streamAnalyzer({
    globalVars: script,
    topParams: input.topParams,
    strict: module,
    module,
  });
  // The top level's stand-in: its statements come chunk by chunk, never in its body.
  const program = {
    type: "Program",
    start: 0,
    end: source.length,
    body: [],
    sourceType: module ? "module" : "script",
  } as unknown as N.Program;

  // Pass 1: check every statement, declare the top level's names.
  let parser = input.newParser();
  const top = analyzer.streamBegin(program, parser.strict);
  const globals: GlobalDeclarations | null = script
    ? { lexical: [], vars: new Set<string>(), functions: [] }
    : null;
  let hoisting = false;
  const moduleDeclarations: N.Program["body"] = [];
  let topLevelAwait = false;
  for (const s of statements(parser)) {
    // The Program is one level above its statements.
    if (!check(s, input.treeLimit - 1)) return null;
    analyzer.streamHoist(s);
    if ((module ? unwrapExport(s) : s).type === "FunctionDeclaration") hoisting = true;
    if (module) {
      const d = moduleDeclaration(s);
      if (d) moduleDeclarations.push(d);
      topLevelAwait ||= hasTopLevelAwait(s);
    }
    if (globals) {
      if (s.type === "VariableDeclaration" && s.kind !== "var")
        for (const d of s.declarations)
          for (const id of patternNames(d.id))
            globals.lexical.push([id.name, s.kind === "let" ? 0 : 1]);
      else if (s.type === "ClassDeclaration" && s.id) globals.lexical.push([s.id.name, 0]);
      else if (s.type === "FunctionDeclaration" && s.id) globals.functions.push(s.id.name);
      for (const name of varNames([s])) (globals.vars as Set<string>).add(name);
    }
  }
  const analysis = analyzer.streamDeclare();
  const facts = topFacts(top);

  // Pass 2: a chunk at a time, analysed, then generated, then dropped.
  const functions: FunctionCode[] = [];
  const ctx: CodegenContext = {
    analysis,
    source,
    globalVars: script,
    module,
    native: false,
    topParams: input.topParams.length,
    filename: input.filename,
    functions,
    lines: new LineMap(source),
  };
  const gen = topLevelStream(ctx, top);
  gen.streamBegin(globals, hoisting);
  let chunk: N.Statement[] = [];
  let chunkStart = 0;
  const flush = (): boolean => {
    const fns = analyzer.streamChunk(program, chunk, gen.nextRegister);
    if (topFacts(top) !== facts) return false;
    gen.streamChunk(chunk);
    for (const info of fns) functions[info.index] = generateFunction(ctx, info);
    chunk = [];
    return true;
  };
  parser = input.newParser();
  for (const s of statements(parser)) {
    chunk.push(s);
    if (s.end - chunkStart >= STREAMING.chunkChars) {
      if (!flush()) return null;
      chunkStart = s.end;
    }
  }
  if (chunk.length && !flush()) return null;
  functions[0] = gen.streamEnd();
  if (!module) return { functions };
  return { functions, module: moduleInfoOf(moduleDeclarations, analysis, topLevelAwait) };
}
