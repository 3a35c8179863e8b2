// The code generator: the second compiler pass. It walks the AST once per function
// with the scope analysis in hand and emits stack-machine bytecode (see opcodes.ts).
//
// Control flow that leaves a construct (break, continue, return) walks the
// compile-time control stack and emits each construct's exit: POP_ENV for a block
// environment, JSR to a `finally` body, POP of a finally's return address, closing a
// for-of iterator. Finally bodies are subroutines entered with JSR and left with
// RET, so every finally exists once in the code and its state is on the operand
// stack (plain data).

import type * as N from "./estree";
import { Op } from "./opcodes";
import { fuseInstructions } from "./fuse";
import { LineMap } from "./lines";
import { Emitter, Label, CompileError } from "./emitter";
import { FnFlags, Helper, NO_RANGES, type FunctionCode, type ScopeDesc } from "./bytecode";
import { classPlan, type FieldEntry, type SyntheticInit } from "./classes";
import {
  DEFAULT_EXPORT_BINDING,
  SCOPE_KIND_CODE,
  unwrapExport,
  isSimpleParams,
  patternNames,
  type Analysis,
  type Binding,
  type FunctionInfo,
  type Scope,
} from "./scope";

type Control =
  | { kind: "loop"; labels: string[]; breakLabel: Label; continueLabel: Label }
  | { kind: "switch"; labels: string[]; breakLabel: Label }
  | { kind: "label"; labels: string[]; breakLabel: Label }
  | { kind: "env" }
  | { kind: "finally"; finallyLabel: Label }
  | { kind: "finallyBody" }
  | { kind: "forof"; iterReg: number; async: boolean; closing?: number }
  | { kind: "pattern"; iterReg: number; doneReg: number };

export class Unsupported extends CompileError {
  constructor(
    what: string,
    readonly node: N.Node,
  ) {
    super(`${what} is not supported yet`);
  }
}

export interface CodegenContext {
  readonly analysis: Analysis;
  readonly source: string;
  /** Top-level var/function declarations are global object properties. */
  readonly globalVars: boolean;
  readonly native: boolean;
  /** Parameter count of the top-level function (the CommonJS wrapper's five). */
  readonly topParams: number;
  /** Eval code: the program returns the completion value of its statements. */
  readonly completion?: boolean;
  /** An ES module: the top level is a generator the loader instantiates, links, then runs. */
  readonly module?: boolean;
  /** The program's file name (the referrer of dynamic `import()`). */
  readonly filename?: string;
  readonly functions: FunctionCode[];
  /** Offsets to lines and columns (the syntax tree carries offsets only). */
  readonly lines: LineMap;
}

/** What `header()` finds out about a function before its code is emitted. */
interface FunctionHead {
  name: string;
  flags: number;
  nparams: number;
  length: number;
}

/** A script's global declarations, emitted before any of its code runs. */
export interface GlobalDeclarations {
  /** Lexical names, with DECL_LEX's mode (0 let/class, 1 const). */
  lexical: [string, number][];
  vars: Iterable<string>;
  /** Names of the top-level function declarations. */
  functions: string[];
}

/** Compiles every function of the analysed program into ctx.functions. */
export function generate(ctx: CodegenContext): void {
  for (const info of ctx.analysis.functions) {
    ctx.functions[info.index] = new FunctionCompiler(ctx, info).compile();
  }
}

/** Compiles one function (whose enclosing functions' code has been generated). */
export function generateFunction(ctx: CodegenContext, info: FunctionInfo): FunctionCode {
  return new FunctionCompiler(ctx, info).compile();
}

/** The code generator of a top level compiled in chunks of statements (stream.ts). */
export type TopLevelStream = Pick<
  FunctionCompiler,
  "streamBegin" | "streamChunk" | "streamEnd" | "nextRegister"
>;

export function topLevelStream(ctx: CodegenContext, top: FunctionInfo): TopLevelStream {
  return new FunctionCompiler(ctx, top);
}

class FunctionCompiler {
  private readonly e = new Emitter();
  private current!: Scope;
  /** Live ranges of block-scoped registers, as FunctionCode.liveRanges (flat triples). */
  private readonly ranges: number[] = [];
  /** Code offset at which each block scope now open was entered. */
  private readonly openedAt = new Map<Scope, number>();
  private readonly control: Control[] = [];
  private readonly localNames: string[] = [];
  private nlocals: number;
  private readonly descs: ScopeDesc[] = [];
  private pendingLabels: string[] = [];
  /** Register holding the completion value of eval code, or -1. */
  private completionReg = -1;
  /**
   * The register a return going through finally bodies keeps its value in, one per
   * depth of finally-body nesting: a return inside a finally body that a break then
   * cancels must not overwrite the return value pending outside that body.
   */
  private readonly returnTemps: number[] = [];
  /** Registers of the disposal stacks of the enclosing `using` scopes. */
  private readonly disposalStacks: number[] = [];
  /** Depth of the operand stack at the start of the current optional chain. */
  private chain: { end: Label; depth: number } | null = null;

  constructor(
    private readonly ctx: CodegenContext,
    private readonly info: FunctionInfo,
  ) {
    this.scope = info.scope;
    this.nlocals = info.nregs;
    this.describeScopes();
    const node = info.node;
    if (node.type !== "Program")
      node.params.forEach((p, i) => {
        if (this.localNames[i] === undefined)
          this.localNames[i] = p.type === "Identifier" ? p.name : `%arg${i}`;
      });
  }

  /** The scope the code being emitted runs in; moving it opens and closes live ranges. */
  private get scope(): Scope {
    return this.current;
  }

  private set scope(to: Scope) {
    const from = this.current;
    this.current = to;
    // A Set, and the walk up from `from` ends at the first scope in it (its parents are
    // in it too): an array searched for each scope of `from` made a change of scope
    // quadratic in the nesting and the compile cubic (5,000 nested blocks, ~20 s of CPU).
    const inner = new Set<Scope>();
    for (let s: Scope | null = to; s && s.fn === this.info; s = s.parent) inner.add(s);
    for (let s: Scope | null = from; s && s.fn === this.info; s = s.parent) {
      if (inner.has(s)) break;
      this.closeRange(s);
    }
    for (const s of inner)
      if (!this.openedAt.has(s) && this.isBlockScope(s)) this.openedAt.set(s, this.e.offset);
  }

  /** A scope whose register bindings exist only in part of the function's code. */
  private isBlockScope(s: Scope): boolean {
    return s !== this.info.scope && s !== this.info.varScope;
  }

  private closeRange(s: Scope): void {
    const start = this.openedAt.get(s);
    if (start === undefined) return;
    this.openedAt.delete(s);
    const end = this.e.offset;
    if (end === start) return;
    for (const b of s.bindings.values())
      if (!b.captured && b.register >= 0) this.ranges.push(b.register, start, end);
  }

  /** Scopes of `info.scopes` already described (a streamed top level gains more). */
  private described = 0;

  /** Describes environment records and names registers, for inspection and snapshots. */
  private describeScopes(): void {
    const scopes = this.info.scopes;
    for (; this.described < scopes.length; this.described++) {
      const s = scopes[this.described];
      const names: string[] = [];
      const kinds: number[] = [];
      for (const b of s.bindings.values()) {
        if (b.captured) {
          names[b.slot] = b.name;
          kinds[b.slot] = SCOPE_KIND_CODE[b.kind];
        } else if (b.register >= 0) this.localNames[b.register] = b.name;
      }
      if (s.needsEnv) {
        s.descIndex = this.descs.length;
        this.descs.push({ names, kinds });
      }
    }
  }

  private temp(name: string): number {
    const r = this.nlocals++;
    this.localNames[r] = name;
    return r;
  }

  // ---- positions -------------------------------------------------------------

  private at(node: N.Node): void {
    if (typeof node.start !== "number" || node.start === this.lastAt) return;
    this.lastAt = node.start;
    const p = this.ctx.lines.at(node.start);
    this.e.line = p.line;
    this.e.col = p.column;
  }
  private lastAt = -1;

  // ---- functions -------------------------------------------------------------

  compile(): FunctionCode {
    const node = this.info.node;
    const e = this.e;
    this.at(node);
    const head = this.header();
    this.prologue();
    // Generators and async functions bind their parameters, then suspend.
    if (node.type !== "Program" && (node.generator || node.async) && !this.asyncEarlySuspend())
      e.emit(Op.GENERATOR);
    if (node.type === "Program" && this.ctx.module) e.emit(Op.GENERATOR);
    const fields = (node as Partial<SyntheticInit>).jauntFields;
    // A base-class constructor defines the instance fields before its body runs.
    if (
      (node as { jauntParent?: string }).jauntParent === "ctor" &&
      (node as { jauntHasFields?: boolean }).jauntHasFields
    )
      e.emit(Op.INIT_FIELDS);
    if (fields) {
      this.fieldInitializers(fields);
      e.emit(Op.UNDEF);
      e.emit(Op.RETURN);
    } else if (node.type === "Program") {
      if (this.ctx.completion) {
        // Eval code returns the value of the last expression statement executed.
        this.completionReg = this.temp("%completion");
        e.emit(Op.UNDEF);
        e.emit(Op.INIT_LOCAL, this.completionReg);
      }
      this.statements(node.body as N.Statement[]);
      this.at(node);
      // The completion of a program run is undefined (CommonJS semantics).
      if (this.completionReg >= 0) e.emit(Op.GET_LOCAL, this.completionReg);
      else e.emit(Op.UNDEF);
      e.emit(Op.RETURN);
    } else if (node.body.type === "BlockStatement") {
      this.statements((node.body as N.BlockStatement).body);
      e.emit(Op.UNDEF);
      e.emit(Op.RETURN);
    } else {
      this.expression(node.body as N.Expression);
      e.emit(Op.RETURN);
    }
    return this.output(head);
  }

  // ---- a top level compiled in chunks of statements (see TopLevelStream) -------

  /** The start of the hoisting code of the next chunk with function declarations. */
  private hoist: Label | null = null;
  /** Where the hoisting code, once run, continues: the first statement. */
  private readonly bodyStart = new Label();
  private head: FunctionHead | null = null;

  /**
   * A streamed top level's prologue. `globals` are a script's global declarations
   * (found before any code is compiled); `hoisting` says whether there are function
   * declarations, whose closures are created by code placed beside each chunk and
   * chained by jumps, run before the first statement.
   */
  streamBegin(globals: GlobalDeclarations | null, hoisting: boolean): void {
    const e = this.e;
    this.at(this.info.node);
    this.head = this.header();
    this.prologue();
    if (globals) {
      // The stand-in Program has no body to find the lexical globals in.
      this.lexicalGlobals = new Set(globals.lexical.map(([name]) => name));
      for (const [name, mode] of globals.lexical) e.emit(Op.DECL_LEX, e.constant(name), mode);
      for (const name of globals.vars) e.emit(Op.DECL_VAR, e.constant(name));
      for (const name of globals.functions) e.emit(Op.DECL_VAR, e.constant(name));
    }
    if (hoisting) {
      this.hoist = new Label();
      e.jump(Op.JUMP, this.hoist);
      e.place(this.bodyStart);
    }
    // A module suspends once its hoisted functions exist, as a whole compile's does.
    if (this.ctx.module) e.emit(Op.GENERATOR);
  }

  /** The next chunk of top-level statements; the analyzer has just seen them. */
  streamChunk(body: N.Statement[]): void {
    const e = this.e;
    this.nlocals = Math.max(this.nlocals, this.info.nregs);
    this.describeScopes();
    const fns = body
      .map((s) => (this.ctx.module ? unwrapExport(s) : s))
      .filter((s): s is N.FunctionDeclaration => s.type === "FunctionDeclaration");
    if (fns.length) {
      if (!this.hoist) throw new CompileError("internal: hoisting not prepared");
      const skip = new Label();
      e.jump(Op.JUMP, skip);
      e.place(this.hoist);
      for (const s of fns) {
        if (!s.id) {
          // `export default function () {}`: hoisted, named "default".
          this.closure(s, "default");
          this.initBinding(this.info.scope.bindings.get(DEFAULT_EXPORT_BINDING)!);
          continue;
        }
        this.closure(s);
        if (this.ctx.globalVars) {
          e.emit(Op.SET_GLOBAL, e.constant(s.id!.name));
          e.emit(Op.POP);
        } else this.initBinding(this.info.scope.bindings.get(s.id!.name)!);
      }
      this.hoist = new Label();
      e.jump(Op.JUMP, this.hoist);
      e.place(skip);
    }
    this.statements(body);
  }

  /** The next free register of the top level (the analyzer numbers block bindings on). */
  get nextRegister(): number {
    return this.nlocals;
  }

  streamEnd(): FunctionCode {
    const e = this.e;
    this.at(this.info.node);
    e.emit(Op.UNDEF);
    e.emit(Op.RETURN);
    if (this.hoist) {
      e.place(this.hoist);
      e.jump(Op.JUMP, this.bodyStart);
    }
    return this.output(this.head!);
  }

  /** Name, flags and parameter counts of the function being compiled. */
  private header(): FunctionHead {
    const info = this.info;
    const node = info.node;
    let flags = 0;
    if (info.strict) flags |= FnFlags.Strict;
    if (info.usesArguments) flags |= FnFlags.UsesArguments;
    // Rest parameters read the saved arguments too.
    if (node.type !== "Program" && node.params.some((p) => p.type === "RestElement"))
      flags |= FnFlags.UsesArguments;
    if (this.ctx.native) flags |= FnFlags.Native;
    let name = "";
    let length = 0;
    let nparams = 0;
    if (node.type === "Program") {
      nparams = this.ctx.topParams;
    } else {
      nparams = node.params.length;
      for (const p of node.params) {
        if (p.type === "AssignmentPattern" || p.type === "RestElement") break;
        length++;
      }
      name = node.id ? node.id.name : ((node as { jauntName?: string }).jauntName ?? "");
      if (node.type === "ArrowFunctionExpression") flags |= FnFlags.Arrow;
      const parent =
        (node as { jauntParent?: string }).jauntParent ??
        ((node as Partial<SyntheticInit>).jauntFields !== undefined ? "method" : undefined);
      if (parent === "ctor" || parent === "derivedCtor") {
        flags |= FnFlags.ClassConstructor | FnFlags.Constructor;
        if (parent === "derivedCtor") flags |= FnFlags.Derived;
      } else if (parent === "method") flags |= FnFlags.Method;
      else if (parent === "get") flags |= FnFlags.Getter | FnFlags.Method;
      else if (parent === "set") flags |= FnFlags.Setter | FnFlags.Method;
      else if (
        node.type !== "ArrowFunctionExpression" &&
        !node.generator &&
        !node.async &&
        !this.ctx.native
      )
        flags |= FnFlags.Constructor;
      if (
        info.usesArguments &&
        !info.strict &&
        node.type !== "ArrowFunctionExpression" &&
        isSimpleParams(node.params)
      )
        flags |= FnFlags.MappedArguments;
      if (node.type === "FunctionExpression" && node.id) flags |= FnFlags.NamedExpr;

      if (node.generator) flags |= FnFlags.Generator;
      if (node.async) flags |= FnFlags.Async;
    }
    if (info.scope.needsEnv) flags |= FnFlags.HasFunctionEnv;
    if ((node as Partial<SyntheticInit>).jauntFields) flags |= FnFlags.FieldInit;
    // A module's top level suspends after its prologue (the environment exists, with
    // hoisted functions): the loader links imports into it before resuming it.
    if (node.type === "Program" && this.ctx.module) flags |= FnFlags.Generator;
    if (node.type === "Program" && this.ctx.completion) flags |= FnFlags.EvalCode;
    return { name, flags, nparams, length };
  }

  private output({ name, flags, nparams, length }: FunctionHead): FunctionCode {
    const info = this.info;
    const node = info.node;
    const e = this.e;
    for (const s of [...this.openedAt.keys()]) this.closeRange(s);
    const out = e.finish();
    const loc = this.ctx.lines.at(node.start);
    const inferred = (node as { jauntInferred?: string }).jauntInferred;
    return {
      index: info.index,
      name,
      ...(inferred ? { inferredName: inferred } : {}),
      flags,
      nparams,
      length,
      nlocals: this.nlocals,
      localNames: Array.from({ length: this.nlocals }, (_, i) => this.localNames[i] ?? ""),
      liveRanges: this.ranges.length ? Int32Array.from(this.ranges) : NO_RANGES,
      maxStack: e.maxDepth,
      code: fuseInstructions(out.code),
      positions: out.positions,
      consts: e.consts,
      handlers: out.handlers,
      scopes: this.descs,
      funcScope: info.scope.needsEnv ? info.scope.descIndex : -1,
      // Only functions with parameter expressions carry a separate var scope.
      ...(info.varScope !== info.scope
        ? { varScope: info.varScope.needsEnv ? info.varScope.descIndex : -1 }
        : {}),
      start: (node as { jauntRange?: [number, number] }).jauntRange?.[0] ?? node.start,
      end: (node as { jauntRange?: [number, number] }).jauntRange?.[1] ?? node.end,
      line: loc.line,
      col: loc.column,
    };
  }

  /** Function entry: environments, pseudo-bindings, TDZ, hoisted functions. */
  private prologue(): void {
    const e = this.e;
    const info = this.info;
    // A named function expression's own name, in the scope before the function's.
    const calleeScope = info.scopes.find((s) => s.kind === "callee");
    if (calleeScope) {
      const b = [...calleeScope.bindings.values()][0];
      if (calleeScope.needsEnv) {
        e.emit(Op.PUSH_ENV, calleeScope.descIndex);
        e.emit(Op.CALLEE);
        e.emit(Op.INIT_ENV, 0, b.slot);
      } else {
        e.emit(Op.CALLEE);
        e.emit(Op.INIT_LOCAL, b.register);
      }
    }
    const scope = info.scope;
    if (scope.needsEnv) {
      e.emit(Op.PUSH_ENV, scope.descIndex);
      for (const b of scope.bindings.values())
        if (b.kind === "param" && b.captured && info.paramExprs) {
          // Bound in order below: closures in defaults see later ones uninitialised.
          e.emit(Op.EMPTY);
          e.emit(Op.INIT_ENV, 0, b.slot);
        } else if (b.kind === "param" && b.captured && b.register >= 0) {
          e.emit(Op.GET_LOCAL, b.register);
          e.emit(Op.INIT_ENV, 0, b.slot);
        }
    }
    if (info.thisBinding) {
      e.emit(Op.THIS);
      this.initBinding(info.thisBinding);
    }
    if (info.newTargetBinding) {
      e.emit(Op.NEW_TARGET);
      this.initBinding(info.newTargetBinding);
    }
    if (info.fnBinding) {
      e.emit(Op.CALLEE);
      this.initBinding(info.fnBinding);
    }
    if (info.argumentsBinding) {
      e.emit(Op.ARGUMENTS);
      this.initBinding(info.argumentsBinding);
    }
    const node = info.node;
    // An async function's promise rejects with errors thrown binding its parameters.
    if (this.asyncEarlySuspend()) e.emit(Op.GENERATOR);
    if (node.type !== "Program") {
      node.params.forEach((p, i) => {
        if (p.type === "Identifier") {
          const b = info.scope.bindings.get(p.name)!;
          if (info.paramExprs && b.captured) {
            this.e.emit(Op.GET_LOCAL, i);
            this.initBinding(b);
          }
          return;
        }
        if (p.type === "RestElement") {
          this.e.emit(Op.REST, i);
          this.bindPattern(p.argument, "init");
          return;
        }
        // Destructuring and default parameters bind from the argument register.
        this.e.emit(Op.GET_LOCAL, i);
        this.bindPattern(p, "init", "param");
      });
    }
    const body =
      node.type === "Program"
        ? (node.body as N.Statement[]).map((s) => (this.ctx.module ? unwrapExport(s) : s))
        : node.body.type === "BlockStatement"
          ? (node.body as N.BlockStatement).body
          : [];
    if (node.type === "Program" && this.ctx.globalVars) this.globalDeclarations(body);
    else if (node.type === "Program" && this.ctx.completion && !info.strict)
      this.evalDeclarations(body);
    else if (info.varScope !== scope) this.enterVarScope(info.varScope, body);
    else this.enterBody(scope, body, false);
  }

  /**
   * The body of a function with parameter expressions runs in a scope of its own: a
   * body var named like a parameter (or `arguments`) starts with its value.
   */
  private enterVarScope(varScope: Scope, body: N.Statement[]): void {
    const e = this.e;
    const params = this.info.scope;
    this.scope = varScope;
    if (varScope.needsEnv) e.emit(Op.PUSH_ENV, varScope.descIndex);
    const fnBody = (this.info.node as N.Function).body;
    for (const b of varScope.bindings.values()) {
      if (b.kind !== "var") continue;
      const pb = params.bindings.get(b.name);
      if (!pb || !(pb.kind === "param" || pb === this.info.argumentsBinding)) continue;
      this.getBinding(pb, fnBody);
      this.initBinding(b);
    }
    this.enterBody(varScope, body, false);
  }

  /**
   * Whether an async (non-generator) function suspends before binding its parameters:
   * only patterns and defaults can throw, and then the error must reject its promise.
   */
  private asyncEarlySuspend(): boolean {
    const node = this.info.node;
    if (node.type === "Program" || !node.async || node.generator) return false;
    return node.params.some(
      (p) =>
        p.type !== "Identifier" && !(p.type === "RestElement" && p.argument.type === "Identifier"),
    );
  }

  /** Script-mode top level: var and function declarations are global properties. */
  private globalDeclarations(body: N.Statement[]): void {
    const e = this.e;
    const vars = varNames(body);
    for (const s of body) {
      if (s.type === "VariableDeclaration" && s.kind !== "var")
        for (const d of s.declarations)
          for (const id of patternNames(d.id))
            e.emit(Op.DECL_LEX, e.constant(id.name), s.kind === "let" ? 0 : 1);
      if (s.type === "ClassDeclaration" && s.id) e.emit(Op.DECL_LEX, e.constant(s.id.name), 0);
    }
    for (const name of vars) e.emit(Op.DECL_VAR, e.constant(name));
    for (const s of body)
      if (s.type === "FunctionDeclaration" && s.id) {
        e.emit(Op.DECL_VAR, e.constant(s.id.name));
        this.closure(s);
        e.emit(Op.SET_GLOBAL, e.constant(s.id.name));
        e.emit(Op.POP);
      }
    this.enterBody(this.info.scope, body, true);
  }

  /**
   * Sloppy eval code: its vars and functions are declared in the caller's variable
   * environment (or on the global object) and reached by name.
   */
  private evalDeclarations(body: N.Statement[]): void {
    const e = this.e;
    // Every name is checked before any is declared (modes 3/2: function/var check).
    const fnNames = new Set<string>();
    for (const s of body) if (s.type === "FunctionDeclaration" && s.id) fnNames.add(s.id.name);
    const vars = [...varNames(body)].filter((n) => !fnNames.has(n));
    for (const name of [...fnNames].reverse()) e.emit(Op.DECL_EVAL_VAR, e.constant(name), 3);
    for (const name of vars) e.emit(Op.DECL_EVAL_VAR, e.constant(name), 2);
    for (const name of vars) e.emit(Op.DECL_EVAL_VAR, e.constant(name), 0);
    for (const s of body)
      if (s.type === "FunctionDeclaration" && s.id) {
        const name = e.constant(s.id.name);
        e.emit(Op.DECL_EVAL_VAR, name, 1);
        e.emit(Op.RESOLVE, name);
        this.closure(s);
        e.emit(Op.SET_REF, name);
        e.emit(Op.POP);
      }
    this.enterBody(this.info.scope, body, true);
  }

  /**
   * Initialises a scope's bindings on entry: TDZ for lexical registers (captured ones
   * start empty in their new environment record) and hoisted function declarations.
   */
  private enterBody(scope: Scope, body: N.Statement[], skipFunctions: boolean): void {
    const e = this.e;
    for (const b of scope.bindings.values()) {
      if (b.lexical && !b.captured && b.register >= 0) {
        e.emit(Op.EMPTY);
        e.emit(Op.INIT_LOCAL, b.register);
      }
    }
    if (skipFunctions) return;
    for (const s of body) {
      if (s.type === "FunctionDeclaration" && !s.id && this.ctx.module) {
        // `export default function () {}`: hoisted like a declaration, named "default".
        this.closure(s, "default");
        this.initBinding(scope.bindings.get(DEFAULT_EXPORT_BINDING)!);
      } else if (s.type === "FunctionDeclaration" && s.id) {
        this.closure(s);
        const b = scope.bindings.get(s.id.name)!;
        this.initBinding(b);
        // Annex B.3.3: a sloppy block function is also assigned to the var binding.
        if (scope !== this.info.varScope && !this.info.strict) {
          const vb = this.info.varScope.bindings.get(s.id.name);
          if (vb && vb !== b && (vb.kind === "var" || vb.kind === "function")) {
            this.getBinding(b, s.id);
            this.initBinding(vb);
          }
        }
      }
    }
  }

  // ---- bindings --------------------------------------------------------------

  private hops(target: Scope): number {
    let hops = 0;
    let s: Scope | null = this.scope;
    while (s && s !== target) {
      if (s.needsEnv) hops++;
      s = s.parent;
    }
    if (!s) throw new CompileError("internal: binding scope not on the scope chain");
    return hops;
  }

  private needsTdzCheck(b: Binding, ref: N.Node): boolean {
    // `this` of a derived constructor is uninitialised until super() returns.
    if (b.name === "%this") return isDerivedCtor(b.scope.fn.node);
    // A closure in a parameter default may run before a later parameter is bound.
    if (b.kind === "param")
      return (
        b.scope.fn !== this.info &&
        b.scope.fn.paramExprs &&
        ref.start < (b.scope.fn.node as N.Function).body.start
      );
    if (!b.lexical) return false;
    if (b.scope.fn !== this.info) return true;
    if (b.scope.kind === "switch") return true;
    return ref.start < b.declEnd;
  }

  /** Whether `id` is looked up by name at run time (with, eval). */
  private isDynamic(id: N.Node): boolean {
    return this.ctx.analysis.dynamic.has(id);
  }

  /**
   * A parameter read by a default value to its left (`function f(a = b, b)`): still
   * uninitialised, so the read throws. Emits the throw and returns true.
   */
  private paramTdz(b: Binding, ref: N.Node): boolean {
    const node = this.info.node;
    if (b.kind !== "param" || b.scope.fn !== this.info || node.type === "Program") return false;
    if (isSimpleParams(node.params) || ref.start >= node.body.start) return false;
    let initEnd = -1;
    for (const q of node.params) if (initEnd < 0) initEnd = bindingInitEnd(q, b.name);
    if (initEnd < 0 || ref.start >= initEnd) return false;
    const r = this.temp("%tdz");
    this.e.emit(Op.EMPTY);
    this.e.emit(Op.INIT_LOCAL, r);
    this.e.emit(Op.GET_LOCAL_CHK, r, this.e.constant(b.name));
    return true;
  }

  /** Pushes a binding's value. */
  private getBinding(b: Binding, ref: N.Node): void {
    const e = this.e;
    if (b.kind === "import") {
      e.emit(Op.GET_IMPORT, this.hops(b.scope), b.slot, e.constant(b.name));
      return;
    }
    if (this.paramTdz(b, ref)) return;
    const check = this.needsTdzCheck(b, ref);
    if (b.captured) {
      const h = this.hops(b.scope);
      if (check) e.emit(Op.GET_ENV_CHK, h, b.slot, e.constant(b.name));
      else e.emit(Op.GET_ENV, h, b.slot);
    } else if (check) e.emit(Op.GET_LOCAL_CHK, b.register, e.constant(b.name));
    else e.emit(Op.GET_LOCAL, b.register);
  }

  /** Initialises a binding from the value on top of the stack (pops it). */
  private initBinding(b: Binding): void {
    if (b.captured) this.e.emit(Op.INIT_ENV, this.hops(b.scope), b.slot);
    else this.e.emit(Op.INIT_LOCAL, b.register);
  }

  /** Assigns the value on top of the stack to an identifier, leaving it there. */
  private assignIdentifier(id: N.Identifier): void {
    const e = this.e;
    const b = this.ctx.analysis.refs.get(id);
    if (this.isDynamic(id)) {
      const name = e.constant(id.name);
      e.emit(Op.RESOLVE, name);
      e.emit(Op.SWAP);
      e.emit(Op.SET_REF, name);
      return;
    }
    if (!b) {
      e.emit(Op.SET_GLOBAL, e.constant(id.name));
      return;
    }
    if (b.kind === "const" || b.kind === "callee" || b.kind === "import") {
      if (b.kind === "callee" && !this.info.strict) return; // silently ignored
      // The TDZ error wins over the const error.
      if (this.needsTdzCheck(b, id)) {
        this.getBinding(b, id);
        e.emit(Op.POP);
      }
      e.emit(Op.THROW_CONST, e.constant(id.name));
      return;
    }
    const check = this.needsTdzCheck(b, id);
    if (b.captured) {
      const h = this.hops(b.scope);
      if (check) e.emit(Op.SET_ENV_CHK, h, b.slot, e.constant(b.name));
      else e.emit(Op.SET_ENV, h, b.slot);
    } else if (check) e.emit(Op.SET_LOCAL_CHK, b.register, e.constant(b.name));
    else e.emit(Op.SET_LOCAL, b.register);
  }

  private identifier(id: N.Identifier): void {
    const b = this.ctx.analysis.refs.get(id);
    this.at(id);
    if (this.isDynamic(id)) {
      const name = this.e.constant(id.name);
      this.e.emit(Op.RESOLVE, name);
      this.e.emit(Op.GET_REF, name);
    } else if (b) this.getBinding(b, id);
    // The global `undefined` is non-writable and non-configurable.
    else if (id.name === "undefined") this.e.emit(Op.UNDEF);
    else this.e.emit(Op.GET_GLOBAL, this.e.constant(id.name));
  }

  /**
   * Binds the value on top of the stack (popped) to a pattern. `init` declares
   * (let/const/var with initialiser, parameters); `assign` is an assignment target.
   */
  private bindPattern(p: N.Pattern, mode: "init" | "assign", src?: PatternSource): void {
    const e = this.e;
    switch (p.type) {
      case "Identifier": {
        const b = this.ctx.analysis.refs.get(p);
        if (
          mode === "init" &&
          b &&
          b.kind !== "var" &&
          b.kind !== "param" &&
          b.kind !== "function"
        ) {
          this.initBinding(b);
        } else if (mode === "init" && !b && this.ctx.globalVars && this.isLexicalGlobal(p)) {
          e.emit(Op.INIT_LEX, e.constant(p.name));
        } else {
          this.assignIdentifier(p);
          e.emit(Op.POP);
        }
        return;
      }
      case "MemberExpression": {
        if (p.object.type === "Super") throw new Unsupported("super", p);
        if (p.property.type === "PrivateIdentifier") {
          // value → (obj #name value): a private field as the target.
          const value = this.temp("%target");
          e.emit(Op.INIT_LOCAL, value);
          const t = this.memberTarget(p, false);
          e.emit(Op.GET_LOCAL, value);
          this.at(p.property);
          this.emitSet(t);
          e.emit(Op.POP);
          return;
        }
        // value obj → obj value
        this.expression(p.object as N.Expression);
        e.emit(Op.SWAP);
        if (p.computed) {
          this.expression(p.property as N.Expression);
          e.emit(Op.SWAP);
          this.at(p.property);
          e.emit(Op.SET_ELEM);
        } else {
          this.at(p.property);
          e.emit(Op.SET_PROP, e.constant(this.propName(p)));
        }
        e.emit(Op.POP);
        return;
      }
      case "AssignmentPattern": {
        const done = new Label();
        e.emit(Op.DUP);
        e.emit(Op.UNDEF);
        e.emit(Op.SEQ);
        e.jump(Op.JUMP_IF_FALSE, done);
        e.emit(Op.POP);
        this.expression(p.right, this.nameOf(p.left));
        e.place(done);
        // A nested object pattern with a default is worded as a destructuring (V8 names
        // the default's source), not as the property read of a plain nested pattern.
        this.bindPattern(
          p.left,
          mode,
          src === "nested" && p.left.type === "ObjectPattern" ? { text: sourceText(p.right) } : src,
        );
        return;
      }
      case "ObjectPattern":
        return this.objectPattern(p, mode, src);
      case "ArrayPattern":
        return this.arrayPattern(p, mode);
      default:
        throw new Unsupported(p.type, p);
    }
  }

  /** Object destructuring of the value on top of the stack (popped). */
  private objectPattern(p: N.ObjectPattern, mode: "init" | "assign", src?: PatternSource): void {
    const e = this.e;
    this.at(p);
    e.emit(Op.REQUIRE_COERCIBLE, e.constant(coercibleMessage(p, src)));
    const hasRest = p.properties.some((q) => q.type === "RestElement");
    // Keys already taken, for the rest element: kept in an array register.
    let keysReg = -1;
    if (hasRest) {
      keysReg = this.temp("%keys");
      e.emit(Op.NEW_ARRAY, 0);
      e.emit(Op.INIT_LOCAL, keysReg);
    }
    let srcReg = -1;
    for (const prop of p.properties) {
      if (prop.type !== "RestElement" && !hasRest && mode === "assign") {
        const target = memberTargetOf(prop.value as N.Pattern);
        if (target) {
          // The target reference is evaluated before the property is read.
          if (srcReg < 0) {
            srcReg = this.temp("%src");
            e.emit(Op.DUP);
            e.emit(Op.INIT_LOCAL, srcReg);
          }
          let keyReg = -1;
          if (prop.computed) {
            keyReg = this.temp("%key");
            this.expression(prop.key);
            e.emit(Op.TO_PROPKEY);
            e.emit(Op.INIT_LOCAL, keyReg);
          }
          const t = this.memberTarget(target, false);
          e.emit(Op.GET_LOCAL, srcReg);
          this.at(prop.key);
          if (keyReg >= 0) {
            e.emit(Op.GET_LOCAL, keyReg);
            e.emit(Op.GET_ELEM);
          } else e.emit(Op.GET_PROP, e.constant(this.keyName(prop.key)!));
          this.applyDefault(prop.value as N.Pattern);
          this.at(target.property);
          this.emitSet(t);
          e.emit(Op.POP);
          continue;
        }
      }
      if (prop.type === "RestElement") {
        // rest = copyDataProperties({}, source, takenKeys)
        e.emit(Op.NEW_OBJECT);
        e.emit(Op.SWAP);
        e.emit(Op.GET_LOCAL, keysReg);
        e.emit(Op.CALL_HELPER, Helper.CopyDataProperties, 3);
        this.bindPattern(prop.argument, mode);
        return;
      }
      e.emit(Op.DUP);
      const name = prop.computed ? null : this.keyName(prop.key);
      if (name !== null) {
        if (hasRest) {
          e.emit(Op.GET_LOCAL, keysReg);
          e.emit(Op.CONST, e.constant(name));
          e.emit(Op.ARRAY_APPEND);
          e.emit(Op.POP);
        }
        this.at(prop.key);
        e.emit(Op.GET_PROP, e.constant(name));
      } else {
        this.expression(prop.key);
        e.emit(Op.TO_PROPKEY);
        if (hasRest) {
          e.emit(Op.DUP);
          e.emit(Op.GET_LOCAL, keysReg);
          e.emit(Op.SWAP);
          e.emit(Op.ARRAY_APPEND);
          e.emit(Op.POP);
        }
        e.emit(Op.GET_ELEM);
      }
      this.bindPattern(prop.value as N.Pattern, mode, "nested");
    }
    e.emit(Op.POP);
  }

  /**
   * Array destructuring: iterates the value on top of the stack (popped). The
   * iterator is closed when the pattern ends before it does, and (ignoring errors
   * from return()) when binding an element throws.
   */
  private arrayPattern(p: N.ArrayPattern, mode: "init" | "assign"): void {
    const e = this.e;
    this.at(p);
    e.emit(Op.GET_ITER);
    const iter = this.temp("%iter");
    const next = this.temp("%next");
    const done = this.temp("%done");
    e.emit(Op.DUP);
    e.emit(Op.GET_PROP, e.constant("next"));
    e.emit(Op.INIT_LOCAL, next);
    e.emit(Op.INIT_LOCAL, iter);
    e.emit(Op.FALSE);
    e.emit(Op.INIT_LOCAL, done);
    const depth = e.depth;
    const envSave = this.info.hasBlockEnvs ? this.temp("%env") : -1;
    if (envSave >= 0) e.emit(Op.SAVE_ENV, envSave);
    const start = e.offset;
    // gen.return() at a `yield` in a default closes the iterator too (if not done).
    this.control.push({ kind: "pattern", iterReg: iter, doneReg: done });
    for (const el of p.elements) {
      if (el && el.type === "RestElement") {
        const skip = new Label();
        const have = new Label();
        e.emit(Op.GET_LOCAL, done);
        e.jump(Op.JUMP_IF_TRUE, skip);
        // Done before the steps: an iterator whose next() throws is not closed.
        e.emit(Op.TRUE);
        e.emit(Op.INIT_LOCAL, done);
        e.emit(Op.GET_LOCAL, iter);
        e.emit(Op.GET_LOCAL, next);
        e.emit(Op.CALL_HELPER, Helper.IterToArray, 2);
        e.jump(Op.JUMP, have);
        e.place(skip);
        e.emit(Op.NEW_ARRAY, 0);
        e.place(have);
        this.bindPattern(el.argument, mode);
        continue;
      }
      const useUndef = new Label();
      const markDone = new Label();
      const have = new Label();
      // A member target is evaluated before the iterator steps.
      const target = mode === "assign" && el ? memberTargetOf(el) : null;
      const t = target ? this.memberTarget(target, false) : null;
      e.emit(Op.GET_LOCAL, done);
      e.jump(Op.JUMP_IF_TRUE, useUndef);
      // IteratorStepValue: if next(), the result check or its done/value getters
      // throw, the iterator counts as done and is not closed. Done until the value is read.
      e.emit(Op.TRUE);
      e.emit(Op.INIT_LOCAL, done);
      e.emit(Op.ITER_NEXT, iter);
      e.emit(Op.ITER_CHECK);
      e.emit(Op.DUP);
      e.emit(Op.GET_PROP, e.constant("done"));
      e.jump(Op.JUMP_IF_TRUE, markDone);
      e.emit(Op.GET_PROP, e.constant("value"));
      e.emit(Op.FALSE);
      e.emit(Op.INIT_LOCAL, done);
      e.jump(Op.JUMP, have);
      e.place(markDone);
      e.emit(Op.POP);
      e.place(useUndef);
      e.emit(Op.UNDEF);
      e.place(have);
      if (t && target && el) {
        this.applyDefault(el);
        this.at(target.property);
        this.emitSet(t);
        e.emit(Op.POP);
      } else if (el) this.bindPattern(el, mode, "nested");
      else e.emit(Op.POP);
    }
    this.control.pop();
    const end = e.offset;
    const after = new Label();
    e.emit(Op.GET_LOCAL, done);
    e.jump(Op.JUMP_IF_TRUE, after);
    e.emit(Op.ITER_CLOSE, iter, 0);
    e.jump(Op.JUMP, after);
    // An exception while binding closes the iterator (unless it is done), then rethrows.
    const handler = new Label();
    e.addHandler(start, end, handler, depth);
    const exc = this.catchIntoRegister(handler, depth, envSave);
    const rethrow = new Label();
    e.emit(Op.GET_LOCAL, done);
    e.jump(Op.JUMP_IF_TRUE, rethrow);
    e.emit(Op.ITER_CLOSE, iter, 1);
    e.place(rethrow);
    e.emit(Op.GET_LOCAL, exc);
    e.emit(Op.RETHROW);
    e.place(after);
  }

  /** `target = default`: replaces an undefined value on top of the stack by the default. */
  private applyDefault(p: N.Pattern): void {
    if (p.type !== "AssignmentPattern") return;
    const e = this.e;
    const done = new Label();
    e.emit(Op.DUP);
    e.emit(Op.UNDEF);
    e.emit(Op.SEQ);
    e.jump(Op.JUMP_IF_FALSE, done);
    e.emit(Op.POP);
    this.expression(p.right);
    e.place(done);
  }

  private lexicalGlobals: Set<string> | null = null;
  private isLexicalGlobal(id: N.Identifier): boolean {
    if (!this.lexicalGlobals) {
      this.lexicalGlobals = new Set();
      const prog = this.info.node as N.Program;
      for (const s of prog.body as N.Statement[]) {
        if (s.type === "VariableDeclaration" && s.kind !== "var")
          for (const d of s.declarations)
            for (const i of patternNames(d.id)) this.lexicalGlobals.add(i.name);
        if (s.type === "ClassDeclaration" && s.id) this.lexicalGlobals.add(s.id.name);
      }
    }
    return this.lexicalGlobals.has(id.name);
  }

  // ---- scopes ----------------------------------------------------------------

  /** Enters the scope opened by `node`, if the analysis made one. */
  private pushScope(node: N.Node): Scope | null {
    const s = this.ctx.analysis.scopeOf.get(node);
    if (!s) return null;
    this.scope = s;
    if (s.needsEnv) {
      this.e.emit(Op.PUSH_ENV, s.descIndex);
      this.control.push({ kind: "env" });
    }
    return s;
  }

  private popScope(s: Scope | null): void {
    if (!s) return;
    if (s.needsEnv) {
      this.e.emit(Op.POP_ENV);
      this.control.pop();
    }
    this.scope = s.parent!;
  }

  // ---- statements ------------------------------------------------------------

  private statements(body: N.Statement[]): void {
    const first = body.findIndex(isUsing);
    if (first < 0) {
      for (const s of body) this.statement(s);
      return;
    }
    // From the first `using` declaration on, the list runs inside a disposal scope.
    for (let i = 0; i < first; i++) this.statement(body[i]);
    const isAsync = body.some((s) => isUsing(s) && (s as N.VariableDeclaration).kind !== "using");
    this.disposalScope(isAsync, () => {
      for (let i = first; i < body.length; i++) this.statement(body[i]);
    });
  }

  /**
   * Runs `inner` like a try/finally whose finally is DisposeResources over a fresh
   * disposal stack (the `using` declarations inside add to it). Leaving normally, by
   * break/continue/return or by an exception all dispose, in reverse order; a throw
   * while disposing after a throw becomes a SuppressedError.
   */
  private disposalScope(isAsync: boolean, inner: () => void): void {
    const e = this.e;
    const depth = e.depth;
    e.emit(Op.CALL_HELPER, Helper.DisposeStack, 0);
    const stack = this.temp("%dispose");
    e.emit(Op.INIT_LOCAL, stack);
    const envSave = this.info.hasBlockEnvs ? this.temp("%env") : -1;
    if (envSave >= 0) e.emit(Op.SAVE_ENV, envSave);
    const fin = new Label();
    const after = new Label();
    this.disposalStacks.push(stack);
    this.control.push({ kind: "finally", finallyLabel: fin });
    const start = e.offset;
    inner();
    const end = e.offset;
    this.control.pop();
    this.disposalStacks.pop();
    e.jump(Op.JSR, fin);
    e.jump(Op.JUMP, after);
    const h = new Label();
    e.addHandler(start, end, h, depth);
    const exc = this.catchIntoRegister(h, depth, envSave);
    this.emitDispose(stack, exc, isAsync);
    // Disposal after a throw always throws; this rethrow is never reached.
    e.emit(Op.GET_LOCAL, exc);
    e.emit(Op.RETHROW);
    e.depth = -1;
    fin.depth = depth + 1;
    e.place(fin);
    this.emitDispose(stack, -1, isAsync);
    e.emit(Op.RET);
    e.place(after);
  }

  /** DisposeResources(stack, completion): `exc` holds the pending exception, or -1. */
  private emitDispose(stack: number, exc: number, isAsync: boolean): void {
    const e = this.e;
    e.emit(Op.GET_LOCAL, stack);
    if (exc >= 0) {
      e.emit(Op.TRUE);
      e.emit(Op.GET_LOCAL, exc);
    } else {
      e.emit(Op.FALSE);
      e.emit(Op.UNDEF);
    }
    e.emit(Op.CALL_HELPER, isAsync ? Helper.AsyncDisposeResources : Helper.DisposeResources, 3);
    if (isAsync) this.emitAwait();
    e.emit(Op.POP);
  }

  private statement(s: N.Statement | N.Node): void {
    this.statementBody(s);
  }

  private statementBody(s: N.Statement | N.Node): void {
    const e = this.e;
    // A statement after a return/throw/jump is unreachable, but its code is still
    // emitted: track it at the depth statements run at, so that its labels and the
    // constructs around it agree on the depth (inside a finally body it is not 0).
    if (e.depth < 0) e.depth = e.statementDepth;
    this.at(s);
    switch (s.type) {
      case "ExpressionStatement":
        if (this.completionReg >= 0) {
          this.expression(s.expression);
          e.emit(Op.INIT_LOCAL, this.completionReg);
        } else this.effect(s.expression);
        return;
      case "VariableDeclaration":
        if (isUsing(s)) {
          const stack = this.disposalStacks[this.disposalStacks.length - 1];
          for (const d of s.declarations) {
            e.emit(Op.GET_LOCAL, stack);
            this.expression(d.init!, d.id.type === "Identifier" ? d.id.name : undefined);
            e.emit(s.kind === "using" ? Op.FALSE : Op.TRUE);
            this.at(d);
            e.emit(Op.CALL_HELPER, Helper.DisposeAdd, 3);
            this.bindPattern(d.id, "init", { text: sourceText(d.init!) });
          }
          return;
        }
        for (const d of s.declarations) {
          if (d.init) {
            if (d.id.type === "Identifier" && LITERALS_NAMED_BY_BINDING.has(d.init.type))
              inferNames(d.init, [d.id.name], this.inferenceScope());
            this.expression(d.init, d.id.type === "Identifier" ? d.id.name : undefined);
            this.bindPattern(d.id, "init", { text: sourceText(d.init) });
          } else if (s.kind !== "var") {
            e.emit(Op.UNDEF);
            this.bindPattern(d.id, "init");
          }
        }
        return;
      case "FunctionDeclaration":
        return; // hoisted
      case "EmptyStatement":
        return;
      case "DebuggerStatement":
        e.emit(Op.DEBUGGER);
        return;
      case "ReturnStatement":
        if (s.argument) {
          this.returnValue(s.argument, s);
          return;
        }
        e.emit(Op.UNDEF);
        this.at(s);
        this.emitReturn();
        return;
      case "ThrowStatement":
        this.expression(s.argument);
        this.at(s);
        e.emit(Op.THROW);
        return;
      case "IfStatement": {
        this.resetCompletion();
        const elseL = new Label();
        this.expression(s.test);
        e.jump(Op.JUMP_IF_FALSE, elseL);
        this.statement(s.consequent);
        if (s.alternate) {
          const end = new Label();
          e.jump(Op.JUMP, end);
          e.place(elseL);
          this.statement(s.alternate);
          e.place(end);
        } else e.place(elseL);
        return;
      }
      case "BlockStatement": {
        const labels = this.takeLabels();
        const breakLabel = new Label();
        if (labels.length) this.control.push({ kind: "label", labels, breakLabel });
        const scope = this.pushScope(s);
        if (scope) this.enterBody(scope, s.body, false);
        this.statements(s.body);
        this.popScope(scope);
        if (labels.length) {
          this.control.pop();
          e.place(breakLabel);
        }
        return;
      }
      case "LabeledStatement": {
        this.pendingLabels.push(s.label.name);
        const body = s.body;
        if (
          body.type === "ForStatement" ||
          body.type === "WhileStatement" ||
          body.type === "DoWhileStatement" ||
          body.type === "ForInStatement" ||
          body.type === "ForOfStatement" ||
          body.type === "LabeledStatement" ||
          body.type === "BlockStatement"
        ) {
          this.statement(body);
        } else {
          const labels = this.takeLabels();
          const breakLabel = new Label();
          this.control.push({ kind: "label", labels, breakLabel });
          this.statement(body);
          this.control.pop();
          e.place(breakLabel);
        }
        return;
      }
      case "WhileStatement": {
        this.resetCompletion();
        const labels = this.takeLabels();
        const top = new Label();
        const end = new Label();
        e.place(top);
        this.expression(s.test);
        e.jump(Op.JUMP_IF_FALSE, end);
        this.loopBody(s.body, labels, end, top);
        e.jump(Op.JUMP, top);
        e.place(end);
        return;
      }
      case "DoWhileStatement": {
        this.resetCompletion();
        const labels = this.takeLabels();
        const top = new Label();
        const cont = new Label();
        const end = new Label();
        e.place(top);
        this.loopBody(s.body, labels, end, cont);
        e.place(cont);
        this.expression(s.test);
        e.jump(Op.JUMP_IF_TRUE, top);
        e.place(end);
        return;
      }
      case "ForStatement":
        this.resetCompletion();
        return this.forStatement(s);
      case "ForInStatement":
        this.resetCompletion();
        return this.forInStatement(s);
      case "ForOfStatement":
        this.resetCompletion();
        return this.forOfStatement(s);
      case "BreakStatement":
      case "ContinueStatement":
        return this.jumpOut(s);
      case "SwitchStatement":
        this.resetCompletion();
        return this.switchStatement(s);
      case "TryStatement":
        this.resetCompletion();
        return this.tryStatement(s);
      case "ImportDeclaration":
      case "ExportAllDeclaration":
        return; // linked by the loader before the module runs
      case "ExportNamedDeclaration":
        if (s.declaration) this.statement(s.declaration);
        return;
      case "ExportDefaultDeclaration": {
        const d = s.declaration;
        if (d.type === "FunctionDeclaration") return; // hoisted
        if (d.type === "ClassDeclaration" && d.id) return this.statement(d);
        // `export default class {}` and `export default <expression>`.
        if (d.type === "ClassDeclaration") this.classDefinition(d, "default");
        else this.expression(d as N.Expression, "default");
        this.initBinding(this.ctx.analysis.refs.get(s)!);
        return;
      }
      case "ClassDeclaration": {
        this.classDefinition(s);
        const id = s.id!;
        const b = this.ctx.analysis.refs.get(id);
        if (b) this.initBinding(b);
        else e.emit(Op.INIT_LEX, e.constant(id.name));
        return;
      }
      case "WithStatement": {
        this.resetCompletion();
        this.expression(s.object);
        this.at(s);
        e.emit(Op.PUSH_WITH);
        this.control.push({ kind: "env" });
        const scope = this.ctx.analysis.scopeOf.get(s)!;
        this.scope = scope;
        this.statement(s.body);
        this.scope = scope.parent!;
        e.emit(Op.POP_ENV);
        this.control.pop();
        return;
      }
      default:
        throw new Unsupported(s.type, s);
    }
  }

  /**
   * Eval code: statements like `if` and loops complete with undefined when their body
   * leaves no value (`eval("1; if (false) 2")` is undefined).
   */
  private resetCompletion(): void {
    if (this.completionReg < 0) return;
    this.e.emit(Op.UNDEF);
    this.e.emit(Op.INIT_LOCAL, this.completionReg);
  }

  private takeLabels(): string[] {
    const l = this.pendingLabels;
    this.pendingLabels = [];
    return l;
  }

  private loopBody(
    body: N.Statement,
    labels: string[],
    breakLabel: Label,
    continueLabel: Label,
  ): void {
    this.control.push({ kind: "loop", labels, breakLabel, continueLabel });
    this.statement(body);
    this.control.pop();
  }

  private forStatement(s: N.ForStatement): void {
    const e = this.e;
    const labels = this.takeLabels();
    const scope = this.pushScope(s);
    if (scope) this.enterBody(scope, [], true);
    // `for (using x = …; …)` disposes x when the whole loop ends.
    if (s.init && isUsing(s.init))
      this.disposalScope((s.init as N.VariableDeclaration).kind !== "using", () =>
        this.forLoop(s, labels, scope),
      );
    else this.forLoop(s, labels, scope);
    this.popScope(scope);
  }

  private forLoop(s: N.ForStatement, labels: string[], scope: Scope | null): void {
    const e = this.e;
    if (s.init) {
      if (s.init.type === "VariableDeclaration") this.statement(s.init);
      else {
        this.expression(s.init);
        e.emit(Op.POP);
      }
    }
    const top = new Label();
    const cont = new Label();
    const end = new Label();
    e.place(top);
    if (s.test) {
      this.expression(s.test);
      e.jump(Op.JUMP_IF_FALSE, end);
    }
    this.loopBody(s.body, labels, end, cont);
    e.place(cont);
    // Each iteration gets a fresh copy of captured let bindings (closures in the
    // body see the value of their own iteration).
    if (scope && scope.needsEnv) e.emit(Op.COPY_ENV);
    if (s.update) this.effect(s.update);
    e.jump(Op.JUMP, top);
    e.place(end);
  }

  /** Binds the loop variable of for-in/for-of from the value on top of the stack. */
  private bindLoopTarget(left: N.VariableDeclaration | N.Pattern): void {
    if (left.type === "VariableDeclaration") this.bindPattern(left.declarations[0].id, "init");
    else this.bindPattern(left, "assign");
  }

  /** Per-iteration scope of for-in/for-of: entered once per iteration. */
  private iterationScope(s: N.Node): Scope | null {
    const scope = this.ctx.analysis.scopeOf.get(s) ?? null;
    if (!scope) return null;
    this.scope = scope;
    if (scope.needsEnv) {
      this.e.emit(Op.PUSH_ENV, scope.descIndex);
      this.control.push({ kind: "env" });
    }
    this.enterBody(scope, [], true);
    return scope;
  }

  /**
   * Enters a catch-everything handler (for cleanup, then a rethrow): restores the
   * block environment and keeps the exception in a fresh register, which it returns.
   */
  private catchIntoRegister(handler: Label, depth: number, envSave: number): number {
    const e = this.e;
    e.handlerEntry(handler, depth + 1);
    if (envSave >= 0) e.emit(Op.RESTORE_ENV, envSave);
    const exc = this.temp("%exc");
    e.emit(Op.INIT_LOCAL, exc);
    return exc;
  }

  /**
   * The object of for-in/of, evaluated where the loop's let/const names exist but are
   * uninitialised (ForIn/OfHeadEvaluation's TDZ environment): scope analysis resolves
   * names in it to the loop's scope, so a closure there sees that TDZ binding.
   */
  private loopHeadExpression(s: N.ForInStatement | N.ForOfStatement): void {
    const scope = this.ctx.analysis.scopeOf.get(s) ?? null;
    if (!scope || scope.bindings.size === 0) {
      this.expression(s.right);
      return;
    }
    this.iterationScope(s);
    this.expression(s.right);
    this.popScope(scope);
  }

  private forInStatement(s: N.ForInStatement): void {
    const e = this.e;
    const labels = this.takeLabels();
    this.loopHeadExpression(s);
    e.emit(Op.FOR_IN_START);
    const it = this.temp("%forin");
    e.emit(Op.INIT_LOCAL, it);
    const head = new Label();
    const end = new Label();
    e.place(head);
    e.jump(Op.FOR_IN_NEXT, end, it);
    this.control.push({ kind: "loop", labels, breakLabel: end, continueLabel: head });
    const scope = this.iterationScope(s);
    this.bindLoopTarget(s.left);
    this.statement(s.body);
    this.popScope(scope);
    this.control.pop();
    e.jump(Op.JUMP, head);
    e.place(end);
  }

  private forOfStatement(s: N.ForOfStatement): void {
    const e = this.e;
    const isAsync = s.await;
    const labels = this.takeLabels();
    this.loopHeadExpression(s);
    this.at(s.right);
    if (isAsync) e.emit(Op.CALL_HELPER, Helper.GetAsyncIterator, 1);
    else e.emit(Op.GET_ITER);
    const iter = this.temp("%iter");
    const next = this.temp("%next");
    if (next !== iter + 1) throw new CompileError("internal: iterator registers must be adjacent");
    e.emit(Op.DUP);
    e.emit(Op.GET_PROP, e.constant("next"));
    e.emit(Op.INIT_LOCAL, next);
    e.emit(Op.INIT_LOCAL, iter);
    const envSave = this.info.hasBlockEnvs ? this.temp("%env") : -1;
    if (envSave >= 0) e.emit(Op.SAVE_ENV, envSave);
    const head = new Label();
    const close = new Label();
    const donePop = new Label();
    const after = new Label();
    const handler = new Label();
    e.place(head);
    const depth = e.depth;
    this.at(s.right);
    e.emit(Op.ITER_NEXT, iter);
    if (isAsync) this.emitAwait();
    e.emit(Op.ITER_CHECK);
    e.emit(Op.DUP);
    e.emit(Op.GET_PROP, e.constant("done"));
    e.jump(Op.JUMP_IF_TRUE, donePop);
    e.emit(Op.GET_PROP, e.constant("value"));
    // From here to the end of the body, an exception closes the iterator; break
    // closes it too (the break target below), continue does not.
    const protectedStart = e.offset;
    this.control.push({ kind: "forof", iterReg: iter, async: isAsync });
    this.control.push({ kind: "loop", labels, breakLabel: close, continueLabel: head });
    const scope = this.iterationScope(s);
    if (isUsing(s.left)) {
      // `for (using x of …)`: each iteration's value is disposed when it ends.
      const valueReg = this.temp("%value");
      e.emit(Op.INIT_LOCAL, valueReg);
      const left = s.left as N.VariableDeclaration;
      this.disposalScope(left.kind !== "using", () => {
        const stack = this.disposalStacks[this.disposalStacks.length - 1];
        e.emit(Op.GET_LOCAL, stack);
        e.emit(Op.GET_LOCAL, valueReg);
        e.emit(left.kind === "using" ? Op.FALSE : Op.TRUE);
        e.emit(Op.CALL_HELPER, Helper.DisposeAdd, 3);
        this.bindLoopTarget(left);
        this.statement(s.body);
      });
    } else {
      this.bindLoopTarget(s.left);
      this.statement(s.body);
    }
    this.popScope(scope);
    this.control.pop();
    this.control.pop();
    const protectedEnd = e.offset;
    e.jump(Op.JUMP, head);
    e.addHandler(protectedStart, protectedEnd, handler, depth);
    const exc = this.catchIntoRegister(handler, depth, envSave);
    this.closeIterator(iter, isAsync, true);
    e.emit(Op.GET_LOCAL, exc);
    e.emit(Op.RETHROW);
    e.place(close);
    this.closeIterator(iter, isAsync, false);
    e.jump(Op.JUMP, after);
    e.place(donePop);
    e.emit(Op.POP);
    e.place(after);
  }

  /** IteratorClose (or AsyncIteratorClose, which awaits return()); quiet on a throw. */
  private closeIterator(iter: number, isAsync: boolean, quiet: boolean): void {
    const e = this.e;
    if (!isAsync) {
      e.emit(Op.ITER_CLOSE, iter, quiet ? 1 : 0);
      return;
    }
    e.emit(Op.GET_LOCAL, iter);
    e.emit(quiet ? Op.TRUE : Op.FALSE);
    e.emit(Op.CALL_HELPER, Helper.AsyncIteratorClose, 2);
    this.emitAwait();
    if (!quiet) e.emit(Op.ITER_CHECK);
    e.emit(Op.POP);
  }

  private switchStatement(s: N.SwitchStatement): void {
    const e = this.e;
    const labels = this.takeLabels();
    this.expression(s.discriminant);
    const disc = this.temp("%switch");
    e.emit(Op.INIT_LOCAL, disc);
    const scope = this.pushScope(s);
    const body: N.Statement[] = [];
    for (const c of s.cases) body.push(...c.consequent);
    if (scope) this.enterBody(scope, body, false);
    const end = new Label();
    const caseLabels = s.cases.map(() => new Label());
    let defaultIndex = -1;
    s.cases.forEach((c, i) => {
      if (!c.test) {
        defaultIndex = i;
        return;
      }
      e.emit(Op.GET_LOCAL, disc);
      this.expression(c.test);
      this.at(c);
      e.emit(Op.SEQ);
      e.jump(Op.JUMP_IF_TRUE, caseLabels[i]);
    });
    e.jump(Op.JUMP, defaultIndex >= 0 ? caseLabels[defaultIndex] : end);
    this.control.push({ kind: "switch", labels, breakLabel: end });
    s.cases.forEach((c, i) => {
      e.place(caseLabels[i]);
      this.statements(c.consequent);
    });
    this.control.pop();
    e.place(end);
    this.popScope(scope);
  }

  private tryStatement(s: N.TryStatement): void {
    const e = this.e;
    const depth = e.depth;
    const after = new Label();
    const finallyLabel = s.finalizer ? new Label() : null;
    // Exceptions leave block environments behind: each try saves the env to restore.
    const envSave = this.info.hasBlockEnvs ? this.temp("%env") : -1;
    if (envSave >= 0) e.emit(Op.SAVE_ENV, envSave);
    if (finallyLabel) this.control.push({ kind: "finally", finallyLabel });
    const tryStart = e.offset;
    this.statement(s.block);
    const tryEnd = e.offset;
    if (finallyLabel) e.jump(Op.JSR, finallyLabel);
    e.jump(Op.JUMP, after);
    let catchStart = 0;
    let catchEnd = 0;
    if (s.handler) {
      const h = new Label();
      e.addHandler(tryStart, tryEnd, h, depth);
      e.handlerEntry(h, depth + 1);
      catchStart = e.offset;
      if (envSave >= 0) e.emit(Op.RESTORE_ENV, envSave);
      const scope = this.pushScope(s.handler);
      if (scope) this.enterBody(scope, [], true);
      this.at(s.handler);
      if (s.handler.param) this.bindPattern(s.handler.param, "init");
      else e.emit(Op.POP);
      this.statement(s.handler.body);
      this.popScope(scope);
      catchEnd = e.offset;
      if (finallyLabel) e.jump(Op.JSR, finallyLabel);
      e.jump(Op.JUMP, after);
    }
    if (finallyLabel) {
      this.control.pop();
      // Any exception in the try block (or in the catch block) runs the finally
      // body, then is rethrown.
      const h = new Label();
      e.addHandler(tryStart, tryEnd, h, depth);
      if (s.handler) e.addHandler(catchStart, catchEnd, h, depth);
      const exc = this.catchIntoRegister(h, depth, envSave);
      e.jump(Op.JSR, finallyLabel);
      e.emit(Op.GET_LOCAL, exc);
      e.emit(Op.RETHROW);
      // The finally body, a subroutine: its return address is on the stack.
      e.depth = -1;
      finallyLabel.depth = depth + 1;
      e.place(finallyLabel);
      this.control.push({ kind: "finallyBody" });
      const statementDepth = e.statementDepth;
      e.statementDepth = depth + 1;
      // A finally body's statements do not change the completion value.
      const completion = this.completionReg;
      this.completionReg = -1;
      this.statement(s.finalizer!);
      this.completionReg = completion;
      e.statementDepth = statementDepth;
      this.control.pop();
      e.emit(Op.RET);
    }
    e.place(after);
  }

  /** Emits what leaving `c` requires. */
  private exitControl(c: Control): void {
    switch (c.kind) {
      case "env":
        this.e.emit(Op.POP_ENV);
        break;
      case "finally":
        this.e.jump(Op.JSR, c.finallyLabel);
        break;
      case "finallyBody":
        this.e.emit(Op.POP);
        break;
      case "forof": {
        // Leaving by return or a jump to an outer loop closes the iterator inside the
        // loop's own exception handler: it is moved out of its register first, so
        // that handler does not call return() again when return() throws.
        const e = this.e;
        c.closing ??= this.temp("%closing");
        e.emit(Op.GET_LOCAL, c.iterReg);
        e.emit(Op.INIT_LOCAL, c.closing);
        e.emit(Op.UNDEF);
        e.emit(Op.INIT_LOCAL, c.iterReg);
        this.closeIterator(c.closing, c.async, false);
        break;
      }
      case "pattern": {
        // Only a return (from a yield in a default) leaves a pattern early. Marked
        // done first, so the pattern's exception handler does not close it again.
        const e = this.e;
        const skip = new Label();
        e.emit(Op.GET_LOCAL, c.doneReg);
        e.jump(Op.JUMP_IF_TRUE, skip);
        e.emit(Op.TRUE);
        e.emit(Op.INIT_LOCAL, c.doneReg);
        e.emit(Op.ITER_CLOSE, c.iterReg, 0);
        e.place(skip);
        break;
      }
      default:
    }
  }

  private jumpOut(s: N.BreakStatement | N.ContinueStatement): void {
    const isBreak = s.type === "BreakStatement";
    const label = s.label?.name;
    // Statements run with an empty operand stack except inside finally bodies, whose
    // return address the exits below pop, so the depth at the jump is the target's.
    for (let i = this.control.length - 1; i >= 0; i--) {
      const c = this.control[i];
      const matches =
        (c.kind === "loop" && (label ? c.labels.includes(label) : true)) ||
        (isBreak && c.kind === "switch" && (label ? c.labels.includes(label) : true)) ||
        (isBreak && label !== undefined && c.kind === "label" && c.labels.includes(label));
      if (matches) {
        const target = isBreak
          ? (c as { breakLabel: Label }).breakLabel
          : (c as { continueLabel: Label }).continueLabel;
        this.e.jump(Op.JUMP, target);
        return;
      }
      this.exitControl(c);
    }
    throw new CompileError(`internal: no target for ${s.type}`);
  }

  /**
   * `return value`. A conditional returns from each branch (`return a ? b : c` is
   * `if (a) return b; else return c;`): the taken branch needs no jump to a shared
   * RETURN, one dispatch less per call of `fib(n) { return n < 2 ? n : … }`. Only where
   * a return is one instruction (no finally or iterator to leave first).
   */
  private returnValue(value: N.Expression, s: N.ReturnStatement): void {
    const e = this.e;
    if (value.type === "ConditionalExpression" && !this.returnUnwinds()) {
      const elseL = new Label();
      this.expression(value.test);
      e.jump(Op.JUMP_IF_FALSE, elseL);
      this.returnValue(value.consequent, s);
      e.place(elseL);
      this.returnValue(value.alternate, s);
      return;
    }
    this.expression(value);
    this.awaitReturnValue();
    this.at(s);
    this.emitReturn();
  }

  /** Whether a return here must leave finally blocks, loops over iterators or patterns first. */
  private returnUnwinds(): boolean {
    return this.control.some(
      (c) =>
        c.kind === "finally" ||
        c.kind === "forof" ||
        c.kind === "finallyBody" ||
        c.kind === "pattern",
    );
  }

  private emitReturn(): void {
    const e = this.e;
    if (!this.returnUnwinds()) {
      e.emit(Op.RETURN);
      return;
    }
    let nesting = 0;
    for (const c of this.control) if (c.kind === "finallyBody") nesting++;
    const temp = (this.returnTemps[nesting] ??= this.temp("%return"));
    e.emit(Op.INIT_LOCAL, temp);
    // A generator's return() resuming a `yield` inside an expression leaves that
    // expression's operands on the stack: drop them, as the finally subroutines
    // and the exits below expect the depth statements run at.
    while (e.depth > e.statementDepth) e.emit(Op.POP);
    for (let i = this.control.length - 1; i >= 0; i--) this.exitControl(this.control[i]);
    e.emit(Op.GET_LOCAL, temp);
    e.emit(Op.RETURN);
  }

  // ---- expressions -----------------------------------------------------------

  /** A name for an anonymous function assigned to `target`. */
  private nameOf(target: N.Node): string | undefined {
    return target.type === "Identifier" ? target.name : undefined;
  }

  private propName(m: N.MemberExpression): string {
    const p = m.property;
    if (p.type === "Identifier") return p.name;
    if (p.type === "PrivateIdentifier") throw new Unsupported("private names", p);
    throw new CompileError("internal: computed property used as a name");
  }

  private keyName(key: N.Node): string | null {
    if (key.type === "Identifier") return key.name;
    if (key.type === "Literal") {
      const v = key.value;
      if (typeof v === "string") return v;
      if (typeof v === "number") return String(v);
      if (typeof v === "bigint") return String(v);
    }
    return null;
  }

  private closure(node: N.Function, name?: string, parent?: string): void {
    const info = this.ctx.analysis.fnOf.get(node)!;
    if (name !== undefined && !node.id) (node as { jauntName?: string }).jauntName = name;
    if (parent) (node as { jauntParent?: string }).jauntParent = parent;
    this.at(node);
    this.e.emit(Op.CLOSURE, info.index);
  }

  /**
   * A method's source text, for Function.prototype.toString, starts at its name with
   * any get/set/async/* before it (after `static`), as the spec's MethodDefinition.
   */
  private markMethodSource(fn: N.FunctionExpression, start: number, isStatic: boolean): void {
    if (isStatic) {
      const src = this.ctx.source;
      const skip = /static(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n\r\u2028\u2029]*)*/y;
      skip.lastIndex = start;
      if (skip.test(src)) start = skip.lastIndex;
    }
    (fn as { jauntRange?: [number, number] }).jauntRange = [start, fn.end];
  }

  /** The text V8 uses in "x is not a function" messages: the source of simple callees. */
  private calleeText(node: N.Node): string {
    const simple = (n: N.Node): boolean =>
      n.type === "Identifier" ||
      n.type === "ThisExpression" ||
      n.type === "Literal" ||
      (n.type === "MemberExpression" && simple(n.object) && (!n.computed || simple(n.property)));
    if (simple(node)) return this.ctx.source.slice(node.start, node.end);
    if (node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier")
      return `${this.calleeText(node.object)}.${node.property.name}`;
    return "(intermediate value)";
  }

  expression(node: N.Expression | N.Node, nameHint?: string): void {
    const e = this.e;
    switch (node.type) {
      case "Literal": {
        this.at(node);
        const v = node.value;
        if (node.regex) {
          // A fresh object per evaluation, from the intrinsic %RegExp% (not the global).
          e.emit(Op.CONST, e.constant(node.regex.pattern));
          e.emit(Op.CONST, e.constant(node.regex.flags));
          e.emit(Op.CALL_HELPER, Helper.RegexpCreate, 2);
        } else if (v === null) e.emit(Op.NULL);
        else if (v === true) e.emit(Op.TRUE);
        else if (v === false) e.emit(Op.FALSE);
        else if (typeof v === "number") {
          if (Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0))
            e.emit(Op.INT, v);
          else e.emit(Op.CONST, e.constant(v));
        } else if (typeof v === "string") e.emit(Op.CONST, e.constant(v));
        else if (typeof v === "bigint") e.emit(Op.CONST, e.constant(v));
        else if (node.bigint !== undefined) e.emit(Op.CONST, e.constant(BigInt(node.bigint)));
        else throw new Unsupported("this literal", node);
        return;
      }
      case "Identifier":
        this.identifier(node);
        return;
      case "ThisExpression":
        this.at(node);
        return this.pushThis(node);
      case "MetaProperty": {
        this.at(node);
        const b = this.ctx.analysis.refs.get(node);
        if (node.meta.name === "import") {
          if (!b) throw new Unsupported("import.meta outside a module", node);
          return this.getBinding(b, node);
        }
        if (this.ctx.analysis.lexical.has(node)) e.emit(Op.LEXICAL, e.constant("%newtarget"));
        else if (b) this.getBinding(b, node);
        else e.emit(Op.NEW_TARGET);
        return;
      }
      case "TemplateLiteral": {
        this.at(node);
        e.emit(Op.CONST, e.constant(node.quasis[0].value.cooked ?? ""));
        node.expressions.forEach((x, i) => {
          this.expression(x);
          e.emit(Op.TO_STRING);
          e.emit(Op.ADD);
          const q = node.quasis[i + 1].value.cooked ?? "";
          if (q !== "") {
            e.emit(Op.CONST, e.constant(q));
            e.emit(Op.ADD);
          }
        });
        return;
      }
      case "ArrayExpression": {
        this.at(node);
        const firstSpread = node.elements.findIndex(
          (el) => el !== null && el.type === "SpreadElement",
        );
        const leading = firstSpread < 0 ? node.elements.length : firstSpread;
        for (let i = 0; i < leading; i++) {
          const el = node.elements[i];
          if (el) this.expression(el);
          else e.emit(Op.EMPTY);
        }
        this.at(node);
        e.emit(Op.NEW_ARRAY, leading);
        for (let i = leading; i < node.elements.length; i++) this.appendElement(node.elements[i]);
        return;
      }
      case "ObjectExpression":
        return this.objectLiteral(node);
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        this.closure(node, nameHint);
        return;
      case "ClassExpression":
        this.classDefinition(node, nameHint);
        return;
      case "ImportExpression": {
        // import(specifier[, options]): the loader resolves against this file.
        this.expression(node.source);
        if ((node as { options?: N.Expression | null }).options) {
          this.expression((node as { options: N.Expression }).options);
          e.emit(Op.POP);
        }
        e.emit(Op.CONST, e.constant(this.ctx.filename ?? ""));
        this.at(node);
        e.emit(Op.CALL_HELPER, Helper.DynamicImport, 2);
        return;
      }
      case "SequenceExpression":
        node.expressions.forEach((x, i) => {
          this.expression(x);
          if (i < node.expressions.length - 1) e.emit(Op.POP);
        });
        return;
      case "UnaryExpression":
        return this.unary(node);
      case "UpdateExpression":
        return this.update(node);
      case "BinaryExpression": {
        if (node.left.type === "PrivateIdentifier") {
          this.privateName(node.left);
          this.expression(node.right);
          this.at(node);
          e.emit(Op.PRIVATE_HAS);
          return;
        }
        this.expression(node.left);
        this.expression(node.right);
        this.at(node);
        e.emit(BINARY_OPS[node.operator]);
        return;
      }
      case "LogicalExpression": {
        const end = new Label();
        this.expression(node.left);
        this.at(node);
        e.jump(
          node.operator === "&&"
            ? Op.JUMP_IF_FALSE_KEEP
            : node.operator === "||"
              ? Op.JUMP_IF_TRUE_KEEP
              : Op.JUMP_IF_NOT_NULLISH_KEEP,
          end,
        );
        this.expression(node.right);
        e.place(end);
        return;
      }
      case "ConditionalExpression": {
        const elseL = new Label();
        const end = new Label();
        this.expression(node.test);
        e.jump(Op.JUMP_IF_FALSE, elseL);
        this.expression(node.consequent, nameHint);
        e.jump(Op.JUMP, end);
        e.place(elseL);
        this.expression(node.alternate, nameHint);
        e.place(end);
        return;
      }
      case "AssignmentExpression":
        return this.assignment(node);
      case "MemberExpression":
        return this.member(node);
      case "ChainExpression": {
        const outer = this.chain;
        this.chain = { end: new Label(), depth: e.depth };
        this.expression(node.expression);
        e.place(this.chain.end);
        this.chain = outer;
        return;
      }
      case "CallExpression":
        return this.call(node);
      case "NewExpression": {
        this.expression(node.callee);
        const argc = this.callArguments(node.arguments);
        this.at(node);
        if (argc < 0) e.emit(Op.NEW_ARRAY_ARGS, e.constant(this.calleeText(node.callee)));
        else e.emit(Op.NEW, argc, e.constant(this.calleeText(node.callee)));
        return;
      }
      case "ParenthesizedExpression":
        this.expression(node.expression, nameHint);
        return;
      case "TaggedTemplateExpression":
        return this.taggedTemplate(node);
      case "YieldExpression":
        if (node.delegate)
          return this.yieldStar(node.argument!, (this.info.node as N.Function).async);
        if (node.argument) this.expression(node.argument);
        else e.emit(Op.UNDEF);
        this.at(node);
        e.emit(Op.YIELD, 0);
        this.afterResume(true);
        return;
      case "AwaitExpression":
        this.expression(node.argument);
        this.at(node);
        this.emitAwait();
        return;
      default:
        throw new Unsupported(node.type, node);
    }
  }

  // ---- generators ------------------------------------------------------------------

  /** Awaits the value on top of the stack (a YIELD the async driver turns into a wait). */
  private emitAwait(): void {
    const fn = this.info.node as N.Function;
    if (this.info.node.type === "Program") {
      // Top-level await: the module loader drives the top level like an async function.
      if (!this.ctx.module) throw new Unsupported("top-level await", this.info.node);
      this.e.emit(Op.YIELD, 0);
      this.afterResume(false);
      return;
    }
    if (!fn.async) throw new Unsupported("top-level await", this.info.node);
    // In async generators YIELD 3 marks an await, so the driver can tell it from a yield.
    this.e.emit(Op.YIELD, fn.generator ? 3 : 0);
    this.afterResume(false);
  }

  /** After YIELD resumes with [value, mode]: return (through finally) or throw or go on. */
  private afterResume(canReturn: boolean): void {
    const e = this.e;
    if (canReturn) {
      const notReturn = new Label();
      e.emit(Op.DUP);
      e.emit(Op.INT, 2);
      e.emit(Op.SEQ);
      e.jump(Op.JUMP_IF_FALSE, notReturn);
      e.emit(Op.POP);
      this.awaitReturnValue();
      this.returnFromExpression();
      e.place(notReturn);
    }
    e.emit(Op.RESUME_CHECK);
  }

  /**
   * yield*: forwards next/throw/return to the inner iterator until it is done. In an
   * async generator the inner iterator is async (sync ones wrapped), each of its
   * results is awaited, and its values are yielded on.
   */
  private yieldStar(arg: N.Expression, async: boolean): void {
    const e = this.e;
    this.expression(arg);
    if (async) e.emit(Op.CALL_HELPER, Helper.GetAsyncIterator, 1);
    else e.emit(Op.GET_ITER);
    const iter = this.temp("%iter");
    const next = this.temp("%next");
    const received = this.temp("%received");
    const mode = this.temp("%mode");
    e.emit(Op.DUP);
    e.emit(Op.GET_PROP, e.constant("next"));
    e.emit(Op.INIT_LOCAL, next);
    e.emit(Op.INIT_LOCAL, iter);
    e.emit(Op.UNDEF);
    e.emit(Op.INIT_LOCAL, received);
    e.emit(Op.INT, 0);
    e.emit(Op.INIT_LOCAL, mode);
    const loop = new Label();
    const finished = new Label();
    const done = new Label();
    e.place(loop);
    e.emit(Op.GET_LOCAL, iter);
    e.emit(Op.GET_LOCAL, next);
    e.emit(Op.GET_LOCAL, received);
    e.emit(Op.GET_LOCAL, mode);
    if (async) {
      e.emit(Op.CALL_HELPER, Helper.AsyncYieldStarStep, 4);
      this.emitAwait();
      e.emit(Op.ITER_CHECK);
    } else e.emit(Op.CALL_HELPER, Helper.YieldStarStep, 4);
    e.emit(Op.DUP);
    e.emit(Op.GET_PROP, e.constant("done"));
    e.jump(Op.JUMP_IF_TRUE, finished);
    if (async) {
      e.emit(Op.GET_PROP, e.constant("value"));
      e.emit(Op.YIELD, 0);
    } else e.emit(Op.YIELD, 1);
    e.emit(Op.INIT_LOCAL, mode);
    e.emit(Op.INIT_LOCAL, received);
    e.jump(Op.JUMP, loop);
    e.place(finished);
    e.emit(Op.GET_PROP, e.constant("value"));
    e.emit(Op.GET_LOCAL, mode);
    e.emit(Op.INT, 2);
    e.emit(Op.SEQ);
    e.jump(Op.JUMP_IF_FALSE, done);
    if (async) this.awaitReturnValue();
    this.returnFromExpression();
    e.place(done);
  }

  /**
   * In an async generator every return completion awaits its value before the
   * unwinding (finally blocks) runs: `return v`, a return() resuming a yield, and a
   * yield* whose inner iterator returned. A rejection throws at that point.
   */
  private awaitReturnValue(): void {
    const fn = this.info.node;
    if (fn.type !== "Program" && (fn as N.Function).async && (fn as N.Function).generator)
      this.emitAwait();
  }

  /**
   * A return out of the middle of an expression (generator.return() resuming a yield
   * in `f(a, yield b)`): emitReturn drops the operands the expression had pushed, so
   * the unwinding (finally subroutines, iterator closes) runs at statement depth.
   */
  private returnFromExpression(): void {
    this.emitReturn();
  }

  // ---- classes -------------------------------------------------------------------

  /** Pushes `this`: checked in derived constructors, lexical in arrows. */
  private pushThis(node: N.Node): void {
    const b = this.ctx.analysis.refs.get(node);
    if (this.ctx.analysis.lexical.has(node)) this.e.emit(Op.LEXICAL, this.e.constant("%this"));
    else if (b) this.getBinding(b, node);
    else if (isDerivedCtor(this.info.node)) this.e.emit(Op.THIS_CHK);
    else this.e.emit(Op.THIS);
  }

  /** Pushes the PrivateName that `#x` denotes in this class scope. */
  private privateName(id: N.PrivateIdentifier): void {
    const b = this.ctx.analysis.refs.get(id);
    if (!b)
      throw new CompileError(`Private field '#${id.name}' must be declared in an enclosing class`);
    this.getBinding(b, id);
  }

  /** super(...args) in a derived constructor: construct the parent, bind `this`, fields. */
  private superCall(node: N.CallExpression): void {
    const e = this.e;
    if (this.ctx.analysis.lexical.has(node)) {
      // In an arrow or eval code: the constructor and its bindings are found by name.
      e.emit(Op.LEXICAL, e.constant("%fn"));
      e.emit(Op.DUP);
      e.emit(Op.LEXICAL, e.constant("%newtarget"));
      const argc = this.callArguments(node.arguments);
      this.at(node);
      e.emit(Op.SUPER_CALL_LEX, argc);
      e.emit(Op.BIND_THIS_LEX);
      return;
    }
    if (this.info.isArrow || !isDerivedCtor(this.info.node))
      throw new Unsupported("super() outside a derived constructor body", node);
    const argc = this.callArguments(node.arguments);
    this.at(node);
    if (argc < 0) e.emit(Op.SUPER_CALL_ARRAY);
    else e.emit(Op.SUPER_CALL, argc);
    e.emit(Op.BIND_THIS);
    if (this.info.thisBinding) {
      e.emit(Op.DUP);
      this.initBinding(this.info.thisBinding);
    }
    if ((this.info.node as { jauntHasFields?: boolean }).jauntHasFields) e.emit(Op.INIT_FIELDS);
  }

  /** Defines the fields of a synthetic initializer on `this`. */
  private fieldInitializers(fields: FieldEntry[]): void {
    const e = this.e;
    for (const f of fields) {
      e.emit(Op.THIS);
      if (f.isPrivate) {
        this.getBinding(this.ctx.analysis.refs.get(f.keyRef!)!, f.keyRef!);
        if (f.kind === "field") {
          if (f.value) this.expression(f.value, "#" + f.keyRef!.name.slice(1));
          else e.emit(Op.UNDEF);
          e.emit(Op.PRIVATE_DEFINE, 0);
        } else {
          this.getBinding(this.ctx.analysis.refs.get(f.fnRef!)!, f.fnRef!);
          e.emit(Op.PRIVATE_DEFINE, f.kind === "method" ? 1 : f.kind === "get" ? 2 : 3);
        }
      } else {
        if (f.name !== null) e.emit(Op.CONST, e.constant(f.name));
        else this.getBinding(this.ctx.analysis.refs.get(f.keyRef!)!, f.keyRef!);
        if (f.value) this.expression(f.value, f.name ?? undefined);
        else e.emit(Op.UNDEF);
        e.emit(Op.DEFINE_FIELD);
      }
      e.emit(Op.POP);
    }
  }

  /** Evaluates a class definition; leaves the constructor on the stack. */
  private classDefinition(node: N.Class, nameHint?: string): void {
    const e = this.e;
    const plan = classPlan(node);
    this.at(node);
    const scope = this.pushScope(node);
    if (scope) this.enterBody(scope, [], true);
    const refOf = (name: string): Binding => scope!.bindings.get(name)!;
    for (const h of plan.hidden)
      if (h.startsWith("#")) {
        // Methods and accessors carry their brand for V8's "Receiver must be …" error.
        const m = node.body.body.find(
          (d) =>
            d.type === "MethodDefinition" &&
            d.key.type === "PrivateIdentifier" &&
            "#" + d.key.name === h,
        ) as N.MethodDefinition | undefined;
        const cls = `class ${node.id?.name ?? "anonymous"}`;
        const brand = m ? `\0${m.static ? cls : `an instance of ${cls}`}` : "";
        e.emit(Op.NEW_PRIVATE_NAME, e.constant(h + brand));
        this.initBinding(refOf(h));
      }
    if (plan.derived) this.expression(node.superClass!);
    const ctorNode = plan.ctor as N.FunctionExpression & {
      jauntParent?: string;
      jauntHasFields?: boolean;
      jauntName?: string;
      jauntRange?: [number, number];
    };
    ctorNode.jauntParent = plan.derived ? "derivedCtor" : "ctor";
    ctorNode.jauntHasFields = plan.instanceInit !== null;
    ctorNode.jauntName = node.id ? node.id.name : (nameHint ?? "");
    const inferred = (node as { jauntInferred?: string }).jauntInferred;
    if (inferred !== undefined) (ctorNode as { jauntInferred?: string }).jauntInferred = inferred;
    ctorNode.jauntRange = [node.start, node.end];
    const ctorInfo = this.ctx.analysis.fnOf.get(plan.ctor)!;
    this.at(node);
    e.emit(Op.CLASS, ctorInfo.index, plan.derived ? 1 : 0);
    const protoReg = this.temp("%proto");
    const classReg = this.temp("%class");
    e.emit(Op.INIT_LOCAL, protoReg);
    e.emit(Op.INIT_LOCAL, classReg);
    for (const el of node.body.body) {
      if (el.type === "MethodDefinition" && el.kind !== "constructor") {
        this.markMethodSource(el.value as N.FunctionExpression, el.start, el.static);
        const kind = el.kind === "get" ? 1 : el.kind === "set" ? 2 : 0;
        const parent = el.kind === "get" ? "get" : el.kind === "set" ? "set" : "method";
        const fn = el.value as N.FunctionExpression;
        const home = el.static ? classReg : protoReg;
        if (el.key.type === "PrivateIdentifier") {
          const pname = "#" + el.key.name;
          this.closure(fn, pname, parent);
          e.emit(Op.GET_LOCAL, home);
          e.emit(Op.SET_HOME);
          if (el.static) {
            // Static private methods live on the class itself.
            e.emit(Op.GET_LOCAL, classReg);
            e.emit(Op.SWAP);
            this.getBinding(refOf(pname), el.key);
            e.emit(Op.SWAP);
            e.emit(Op.PRIVATE_DEFINE, kind === 0 ? 1 : kind + 1);
            e.emit(Op.POP);
          } else this.initBinding(refOf(plan.computedKey.get(el)!));
          continue;
        }
        e.emit(Op.GET_LOCAL, home);
        const name = el.computed ? null : this.keyName(el.key);
        if (name !== null) e.emit(Op.CONST, e.constant(name));
        else {
          this.expression(el.key);
          e.emit(Op.TO_PROPKEY);
        }
        this.closure(fn, name ?? "", parent);
        this.at(el);
        e.emit(Op.DEF_METHOD, kind);
        e.emit(Op.POP);
      } else if (
        el.type === "PropertyDefinition" &&
        el.computed &&
        el.key.type !== "PrivateIdentifier"
      ) {
        this.expression(el.key);
        e.emit(Op.TO_PROPKEY);
        this.initBinding(refOf(plan.computedKey.get(el)!));
      }
    }
    if (plan.instanceInit) {
      e.emit(Op.GET_LOCAL, classReg);
      this.closure(plan.instanceInit);
      e.emit(Op.GET_LOCAL, protoReg);
      e.emit(Op.SET_HOME);
      e.emit(Op.SET_CLASS_FIELDS);
    }
    if (node.id) {
      e.emit(Op.GET_LOCAL, classReg);
      this.initBinding(refOf(node.id.name));
    }
    for (const st of plan.statics) {
      this.closure(st);
      e.emit(Op.GET_LOCAL, classReg);
      e.emit(Op.SET_HOME);
      e.emit(Op.GET_LOCAL, classReg);
      e.emit(Op.CALL, 0, e.constant("static initializer"));
      e.emit(Op.POP);
    }
    e.emit(Op.GET_LOCAL, classReg);
    this.popScope(scope);
  }

  /** Appends one array-literal element (value, spread or hole) to the array on top. */
  private appendElement(el: N.Expression | N.SpreadElement | null): void {
    const e = this.e;
    if (!el) e.emit(Op.ARRAY_HOLE);
    else if (el.type === "SpreadElement") {
      this.expression(el.argument);
      this.at(el);
      e.emit(Op.CALL_HELPER, Helper.SpreadInto, 2);
    } else {
      this.expression(el);
      e.emit(Op.ARRAY_APPEND);
    }
  }

  /** Pushes a call's arguments: their count, or -1 when spread made them one array. */
  private callArguments(args: (N.Expression | N.SpreadElement)[]): number {
    if (!args.some((a) => a.type === "SpreadElement")) {
      for (const a of args) this.expression(a);
      return args.length;
    }
    this.e.emit(Op.NEW_ARRAY, 0);
    for (const a of args) this.appendElement(a);
    return -1;
  }

  /** In an optional chain: if the value on top is nullish, the chain yields undefined. */
  private optionalCheck(): void {
    const e = this.e;
    const chain = this.chain!;
    const ok = new Label();
    e.jump(Op.JUMP_IF_NOT_NULLISH_KEEP, ok);
    // Nullish: drop whatever the chain pushed so far, yield undefined.
    for (let d = e.depth; d > chain.depth; d--) e.emit(Op.POP);
    e.emit(Op.UNDEF);
    e.jump(Op.JUMP, chain.end);
    e.place(ok);
  }

  private member(node: N.MemberExpression): void {
    const e = this.e;
    if (node.object.type === "Super") {
      this.pushThis(node.object);
      if (node.computed) {
        this.expression(node.property);
        e.emit(Op.TO_PROPKEY);
        this.at(node.property);
        e.emit(Op.SUPER_GET_ELEM);
      } else {
        this.at(node.property);
        e.emit(Op.SUPER_GET, e.constant(this.propName(node)));
      }
      return;
    }
    this.expression(node.object);
    if (node.optional) this.optionalCheck();
    if (node.property.type === "PrivateIdentifier") {
      this.privateName(node.property);
      this.at(node.property);
      e.emit(Op.PRIVATE_GET);
      return;
    }
    if (node.computed) {
      this.expression(node.property);
      this.at(node.property);
      e.emit(Op.GET_ELEM);
    } else {
      this.at(node.property);
      e.emit(Op.GET_PROP, e.constant(this.propName(node)));
    }
  }

  /** tag`a${x}b`: tag(strings, x) with the site's cached strings array. */
  private taggedTemplate(node: N.TaggedTemplateExpression): void {
    const e = this.e;
    const tag = node.tag;
    if (
      tag.type === "MemberExpression" &&
      tag.object.type !== "Super" &&
      tag.property.type !== "PrivateIdentifier"
    ) {
      this.expression(tag.object);
      if (tag.computed) {
        this.expression(tag.property);
        e.emit(Op.GET_METHOD_ELEM);
      } else e.emit(Op.GET_METHOD, e.constant(this.propName(tag)));
    } else {
      this.expression(tag);
      e.emit(Op.UNDEF);
    }
    const q = node.quasi;
    const strings = JSON.stringify({
      site: node.start,
      c: q.quasis.map((x) => (x.value.cooked === undefined ? null : x.value.cooked)),
      r: q.quasis.map((x) => x.value.raw),
    });
    this.at(node);
    e.emit(Op.TEMPLATE_OBJECT, e.constant(strings));
    for (const x of q.expressions) this.expression(x);
    this.at(q); // V8 places a tagged call at its template.
    e.emit(Op.CALL, q.expressions.length + 1, e.constant(this.calleeText(tag)));
  }

  /**
   * Where a call is in stack traces and errors, as V8 places it: at the callee's last
   * token when that is a name (`f(`, `o.method(`), else at the "(" of the arguments
   * (`o[k](`, `(0, o.f)(`, `f?.(`, `p.catch(`: a keyword is not a name here).
   */
  private callSite(node: N.CallExpression): N.Node {
    const callee = node.callee;
    const src = this.ctx.source;
    let i = callee.end;
    let named = true;
    for (;;) {
      const c = src.charCodeAt(i);
      if (c === 0x28 /* ( */ || i >= node.end) break;
      if (c === 0x2f /* / */ && src[i + 1] === "/") i = src.indexOf("\n", i) >>> 0;
      else if (c === 0x2f && src[i + 1] === "*") i = src.indexOf("*/", i) + 2;
      else {
        if (c === 0x29 /* ) */ || c === 0x3f /* ?. */) named = false;
        i++;
      }
    }
    if (named) {
      if (callee.type === "Identifier") return callee;
      if (callee.type === "MemberExpression" && !callee.computed) {
        const key = callee.property;
        if (key.type === "PrivateIdentifier" || !RESERVED_WORDS.has((key as N.Identifier).name))
          return key;
      }
    }
    return { start: Math.min(i, node.end) } as N.Node;
  }

  private call(node: N.CallExpression): void {
    const e = this.e;

    const callee = node.callee;
    if (callee.type === "Super") return this.superCall(node);
    if (callee.type === "MemberExpression" && callee.object.type === "Super") {
      this.pushThis(callee.object);
      if (callee.computed) {
        e.emit(Op.DUP);
        this.expression(callee.property);
        e.emit(Op.TO_PROPKEY);
        e.emit(Op.SUPER_GET_ELEM);
        e.emit(Op.SWAP);
      } else e.emit(Op.SUPER_METHOD, e.constant(this.propName(callee)));
    } else if (callee.type === "MemberExpression") {
      this.expression(callee.object);
      if (callee.optional) this.optionalCheck();
      if (callee.property.type === "PrivateIdentifier") {
        e.emit(Op.DUP);
        this.privateName(callee.property);
        this.at(callee.property);
        e.emit(Op.PRIVATE_GET);
        e.emit(Op.SWAP);
      } else if (callee.computed) {
        this.expression(callee.property);
        this.at(callee.property);
        e.emit(Op.GET_METHOD_ELEM);
      } else {
        this.at(callee.property);
        e.emit(Op.GET_METHOD, e.constant(this.propName(callee)));
      }
    } else if (callee.type === "Identifier" && this.isDynamic(callee)) {
      // f() through `with` gets the object as `this`.
      const name = e.constant(callee.name);
      this.at(callee);
      e.emit(Op.RESOLVE, name);
      e.emit(Op.DUP);
      e.emit(Op.GET_REF, name);
      e.emit(Op.SWAP);
      e.emit(Op.REF_THIS);
    } else {
      this.expression(callee);
      e.emit(Op.UNDEF);
    }
    if (node.optional) {
      // f?.(): check the callee, which sits under `this`.
      e.emit(Op.SWAP);
      this.optionalCheck();
      e.emit(Op.SWAP);
    }
    const argc = this.callArguments(node.arguments);
    this.at(this.callSite(node));
    if (callee.type === "Identifier" && callee.name === "eval" && !node.optional)
      e.emit(Op.CALL_EVAL, argc, e.constant("eval"));
    else if (argc < 0) e.emit(Op.CALL_ARRAY, e.constant(this.calleeText(callee)));
    else e.emit(Op.CALL, argc, e.constant(this.calleeText(callee)));
  }

  private objectLiteral(node: N.ObjectExpression): void {
    const e = this.e;
    this.at(node);
    e.emit(Op.NEW_OBJECT);
    for (const p of node.properties) {
      if (p.type === "SpreadElement") {
        e.emit(Op.DUP);
        this.expression(p.argument);
        e.emit(Op.CALL_HELPER, Helper.CopyDataProperties, 2);
        e.emit(Op.POP);
        continue;
      }
      const name = p.computed ? null : this.keyName(p.key);
      if (p.method || p.kind !== "init")
        this.markMethodSource(p.value as N.FunctionExpression, p.start, false);
      if (p.kind === "init") {
        if (!p.computed && !p.shorthand && !p.method && name === "__proto__") {
          this.expression(p.value);
          e.emit(Op.SET_PROTO);
          continue;
        }
        if (name !== null) {
          if (p.method) this.closure(p.value as N.FunctionExpression, name, "method");
          else this.expression(p.value, name);
          this.at(p.key);
          e.emit(Op.DEF_PROP, e.constant(name));
        } else {
          this.expression(p.key);
          e.emit(Op.TO_PROPKEY);
          if (p.method) this.closure(p.value as N.FunctionExpression, "", "method");
          else this.expression(p.value);
          e.emit(Op.DEF_ELEM);
        }
      } else {
        if (name !== null) e.emit(Op.CONST, e.constant(name));
        else {
          this.expression(p.key);
          e.emit(Op.TO_PROPKEY);
        }
        this.closure(p.value as N.FunctionExpression, name ?? "", p.kind);
        e.emit(p.kind === "get" ? Op.DEF_GETTER : Op.DEF_SETTER);
      }
    }
  }

  private unary(node: N.UnaryExpression): void {
    const e = this.e;
    const arg = node.argument;
    switch (node.operator) {
      case "typeof":
        if (arg.type === "Identifier" && this.isDynamic(arg)) {
          this.at(arg);
          e.emit(Op.RESOLVE, e.constant(arg.name));
          e.emit(Op.GET_REF_TYPEOF, e.constant(arg.name));
          e.emit(Op.TYPEOF);
          return;
        }
        if (arg.type === "Identifier" && !this.ctx.analysis.refs.get(arg)) {
          this.at(arg);
          e.emit(Op.TYPEOF_GLOBAL, e.constant(arg.name));
          return;
        }
        this.expression(arg);
        e.emit(Op.TYPEOF);
        return;
      case "delete":
        if (arg.type === "MemberExpression") {
          this.expression(arg.object as N.Expression);
          this.at(arg);
          if (arg.computed) {
            this.expression(arg.property);
            e.emit(Op.DEL_ELEM);
          } else e.emit(Op.DEL_PROP, e.constant(this.propName(arg)));
        } else if (arg.type === "ChainExpression") {
          this.deleteChain(arg);
        } else if (arg.type === "Identifier" && this.isDynamic(arg)) {
          e.emit(Op.RESOLVE, e.constant(arg.name));
          e.emit(Op.DEL_REF, e.constant(arg.name));
        } else if (arg.type === "Identifier") {
          if (this.ctx.analysis.refs.get(arg)) e.emit(Op.FALSE);
          else e.emit(Op.DEL_GLOBAL, e.constant(arg.name));
        } else {
          this.expression(arg);
          e.emit(Op.POP);
          e.emit(Op.TRUE);
        }
        return;
      case "void":
        this.expression(arg);
        e.emit(Op.POP);
        e.emit(Op.UNDEF);
        return;
      default:
        this.expression(arg);
        this.at(node);
        e.emit(
          node.operator === "-"
            ? Op.NEG
            : node.operator === "+"
              ? Op.PLUS
              : node.operator === "!"
                ? Op.NOT
                : Op.BITNOT,
        );
    }
  }

  /** `delete a?.b`: true when the chain short-circuits. */
  private deleteChain(node: N.ChainExpression): void {
    const e = this.e;
    const m = node.expression;
    if (m.type !== "MemberExpression" || m.property.type === "PrivateIdentifier") {
      this.expression(node);
      e.emit(Op.POP);
      e.emit(Op.TRUE);
      return;
    }
    const outer = this.chain;
    const chain = { end: new Label(), depth: e.depth };
    this.chain = chain;
    this.expression(m.object as N.Expression);
    if (m.optional) this.optionalCheck();
    this.at(m);
    if (m.computed) {
      this.expression(m.property);
      e.emit(Op.DEL_ELEM);
    } else e.emit(Op.DEL_PROP, e.constant(this.propName(m)));
    const done = new Label();
    e.jump(Op.JUMP, done);
    e.place(chain.end);
    e.emit(Op.POP);
    e.emit(Op.TRUE);
    e.place(done);
    this.chain = outer;
  }

  /**
   * Pushes the parts of a member target: [obj] for a static name, else [obj, key]
   * (a computed key, a PrivateName, or for `super.x` the receiver and key). Returns
   * the read and write opcodes, which all share those stack layouts.
   */
  private memberTarget(
    m: N.MemberExpression,
    convertKey: boolean,
  ): { keyed: boolean; get: Op; set: Op; name: number } {
    const e = this.e;
    if (m.object.type === "Super") {
      this.pushThis(m.object);
      if (m.computed) {
        this.expression(m.property);
        e.emit(Op.TO_PROPKEY);
      } else e.emit(Op.CONST, e.constant(this.propName(m)));
      return { keyed: true, get: Op.SUPER_GET_ELEM, set: Op.SUPER_SET_ELEM, name: -1 };
    }
    this.expression(m.object as N.Expression);
    if (m.property.type === "PrivateIdentifier") {
      this.privateName(m.property);
      return { keyed: true, get: Op.PRIVATE_GET, set: Op.PRIVATE_SET, name: -1 };
    }
    if (m.computed) {
      this.expression(m.property);
      if (convertKey) e.emit(Op.TO_PROPKEY);
      return { keyed: true, get: Op.GET_ELEM, set: Op.SET_ELEM, name: -1 };
    }
    return { keyed: false, get: Op.GET_PROP, set: Op.SET_PROP, name: e.constant(this.propName(m)) };
  }

  private emitGet(t: { keyed: boolean; get: Op; name: number }): void {
    if (t.keyed) this.e.emit(t.get);
    else this.e.emit(t.get, t.name);
  }

  private emitSet(t: { keyed: boolean; set: Op; name: number }): void {
    if (t.keyed) this.e.emit(t.set);
    else this.e.emit(t.set, t.name);
  }

  /**
   * An expression evaluated for its effects only: `i++` compiles as `++i` (no copy of
   * the old value), and a store into a register followed by the drop becomes one
   * pop-and-store instruction.
   */
  private effect(node: N.Expression): void {
    if (node.type === "UpdateExpression") this.update(node, true);
    else this.expression(node);
    this.e.dropValue();
  }

  private update(node: N.UpdateExpression, valueUnused = false): void {
    const e = this.e;
    const prefix = node.prefix || valueUnused;
    const op = node.operator === "++" ? Op.INC : Op.DEC;
    const arg = node.argument;
    if (arg.type === "Identifier" && this.isDynamic(arg)) {
      const name = e.constant(arg.name);
      this.at(arg);
      e.emit(Op.RESOLVE, name);
      e.emit(Op.DUP);
      e.emit(Op.GET_REF, name);
      this.at(node);
      e.emit(Op.TO_NUMERIC);
      if (prefix) {
        e.emit(op);
        e.emit(Op.SET_REF, name);
      } else {
        // [base old] → [old base new] → set → [old]
        e.emit(Op.DUP);
        e.emit(Op.ROT3);
        e.emit(op);
        e.emit(Op.SET_REF, name);
        e.emit(Op.POP);
      }
      return;
    }
    if (arg.type === "Identifier") {
      this.identifier(arg);
      this.at(node);
      e.emit(Op.TO_NUMERIC);
      if (prefix) {
        e.emit(op);
        this.assignIdentifier(arg);
      } else {
        e.emit(Op.DUP);
        e.emit(op);
        this.assignIdentifier(arg);
        e.emit(Op.POP);
      }
      return;
    }
    if (arg.type !== "MemberExpression")
      throw new CompileError("Invalid left-hand side expression in postfix operation");
    const t = this.memberTarget(arg, true);
    e.emit(t.keyed ? Op.DUP2 : Op.DUP);
    this.at(arg.property);
    this.emitGet(t);
    e.emit(Op.TO_NUMERIC);
    if (prefix) {
      e.emit(op);
      this.emitSet(t);
    } else {
      // Keep the old value under the target: [old obj (key) old] → set → [old new].
      e.emit(Op.DUP);
      e.emit(t.keyed ? Op.ROT4 : Op.ROT3);
      e.emit(op);
      this.emitSet(t);
      e.emit(Op.POP);
    }
  }

  /** The enclosing function's name when V8's name inference puts it first (see inferNames). */
  private inferenceScope(): string[] {
    const own = this.info.node.type === "Program" ? "" : this.header().name;
    return startsUpperCase(own) ? [own] : [];
  }

  private assignment(node: N.AssignmentExpression): void {
    const e = this.e;
    const left = node.left;
    if (left.type === "MemberExpression" && !INFERENCE_STOPS.has(node.right.type))
      inferNames(node.right, storedUnder(left), this.inferenceScope());
    else if (left.type === "Identifier" && LITERALS_NAMED_BY_BINDING.has(node.right.type))
      inferNames(node.right, [left.name], this.inferenceScope());
    const op = node.operator;
    const logical = op === "&&=" || op === "||=" || op === "??=";
    const jumpOp =
      op === "&&="
        ? Op.JUMP_IF_FALSE_KEEP
        : op === "||="
          ? Op.JUMP_IF_TRUE_KEEP
          : Op.JUMP_IF_NOT_NULLISH_KEEP;
    if (left.type === "Identifier" && this.isDynamic(left)) {
      // The reference is resolved before the right-hand side runs.
      const name = e.constant(left.name);
      this.at(left);
      e.emit(Op.RESOLVE, name);
      if (op === "=") this.expression(node.right, left.name);
      else if (logical) {
        const end = new Label();
        const done = new Label();
        e.emit(Op.DUP);
        e.emit(Op.GET_REF, name);
        e.jump(jumpOp, end);
        this.expression(node.right, left.name);
        this.at(node);
        e.emit(Op.SET_REF, name);
        e.jump(Op.JUMP, done);
        e.place(end);
        e.emit(Op.SWAP);
        e.emit(Op.POP);
        e.place(done);
        return;
      } else {
        e.emit(Op.DUP);
        e.emit(Op.GET_REF, name);
        this.expression(node.right);
        this.at(node);
        e.emit(BINARY_OPS[op.slice(0, -1)]);
      }
      this.at(node);
      e.emit(Op.SET_REF, name);
      return;
    }
    if (left.type === "Identifier") {
      if (op === "=") {
        this.expression(node.right, left.name);
      } else if (logical) {
        const end = new Label();
        this.identifier(left);
        e.jump(jumpOp, end);
        this.expression(node.right, left.name);
        this.at(node);
        this.assignIdentifier(left);
        e.place(end);
        return;
      } else {
        this.identifier(left);
        this.expression(node.right);
        this.at(node);
        e.emit(BINARY_OPS[op.slice(0, -1)]);
      }
      this.at(node);
      this.assignIdentifier(left);
      return;
    }
    if (left.type === "MemberExpression") {
      const t = this.memberTarget(left, op !== "=");
      if (op === "=") {
        this.expression(node.right);
      } else if (logical) {
        const end = new Label();
        const done = new Label();
        e.emit(t.keyed ? Op.DUP2 : Op.DUP);
        this.emitGet(t);
        e.jump(jumpOp, end);
        this.expression(node.right);
        this.at(left.property);
        this.emitSet(t);
        e.jump(Op.JUMP, done);
        // Short-circuit: [obj (key) value] → [value]
        e.place(end);
        if (t.keyed) {
          e.emit(Op.ROT3);
          e.emit(Op.POP);
          e.emit(Op.POP);
        } else {
          e.emit(Op.SWAP);
          e.emit(Op.POP);
        }
        e.place(done);
        return;
      } else {
        e.emit(t.keyed ? Op.DUP2 : Op.DUP);
        this.at(left.property);
        this.emitGet(t);
        this.expression(node.right);
        this.at(node);
        e.emit(BINARY_OPS[op.slice(0, -1)]);
      }
      this.at(left.property);
      this.emitSet(t);
      return;
    }
    // Destructuring assignment: the expression's value is the right-hand side.
    this.expression(node.right);
    e.emit(Op.DUP);
    this.bindPattern(left as N.Pattern, "assign", { text: sourceText(node.right) });
  }
}

const BINARY_OPS: Record<string, Op> = {
  "+": Op.ADD,
  "-": Op.SUB,
  "*": Op.MUL,
  "/": Op.DIV,
  "%": Op.MOD,
  "**": Op.EXP,
  "&": Op.BAND,
  "|": Op.BOR,
  "^": Op.BXOR,
  "<<": Op.SHL,
  ">>": Op.SAR,
  ">>>": Op.SHR,
  "==": Op.EQ,
  "!=": Op.NE,
  "===": Op.SEQ,
  "!==": Op.SNE,
  "<": Op.LT,
  "<=": Op.LE,
  ">": Op.GT,
  ">=": Op.GE,
  instanceof: Op.INSTANCEOF,
  in: Op.IN,
};

/** Whether a function node is the constructor of a class with `extends`. */
function isDerivedCtor(node: N.Node): boolean {
  return (node as { jauntParent?: string }).jauntParent === "derivedCtor";
}

/** A `using` or `await using` declaration. */
function isUsing(s: N.Node): boolean {
  return (
    s.type === "VariableDeclaration" && s.kind !== "var" && s.kind !== "let" && s.kind !== "const"
  );
}

/** The names declared by `var` anywhere in a body, outside nested functions. */
export function varNames(body: N.Statement[]): Set<string> {
  const vars = new Set<string>();
  const collect = (s: N.Node | null | undefined): void => {
    if (!s) return;
    switch (s.type) {
      case "VariableDeclaration":
        if (s.kind === "var")
          for (const d of s.declarations) for (const id of patternNames(d.id)) vars.add(id.name);
        break;
      case "IfStatement":
        collect(s.consequent);
        collect(s.alternate);
        break;
      case "BlockStatement":
        s.body.forEach(collect);
        break;
      case "ForStatement":
        collect(s.init);
        collect(s.body);
        break;
      case "ForInStatement":
      case "ForOfStatement":
        collect(s.left);
        collect(s.body);
        break;
      case "WhileStatement":
      case "DoWhileStatement":
      case "LabeledStatement":
      case "WithStatement":
        collect(s.body);
        break;
      case "TryStatement":
        collect(s.block);
        collect(s.handler?.body);
        collect(s.finalizer);
        break;
      case "SwitchStatement":
        s.cases.forEach((c) => c.consequent.forEach(collect));
        break;
      default:
    }
  };
  body.forEach(collect);
  return vars;
}

/** The member expression a destructuring assignment element writes to, if it is one. */
function memberTargetOf(p: N.Pattern): N.MemberExpression | null {
  const t = p.type === "AssignmentPattern" ? p.left : p;
  if (t.type !== "MemberExpression" || t.object.type === "Super") return null;
  if (t.property.type === "PrivateIdentifier") return null;
  return t;
}

/**
 * Where the binding of `name` inside a parameter pattern is initialised: the end of
 * its identifier, or of `name = default` (the default runs before the binding is set).
 * -1 when the pattern does not bind it.
 */
/** Words that end a callee without being a name in V8's sense (see callSite). */
const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export " +
    "extends false finally for function if import in instanceof new null return switch " +
    "this throw true try typeof var void while with"
  ).split(" "),
);

/** Values whose functions no stored name reaches (most right-hand sides: skip the walk). */
const INFERENCE_STOPS = new Set([
  "Identifier",
  "Literal",
  "MemberExpression",
  "CallExpression",
  "NewExpression",
  "ThisExpression",
  "BinaryExpression",
  "UnaryExpression",
  "TemplateLiteral",
]);

/**
 * Values stored into a variable whose functions V8's name inference names after it
 * (`const list = [function () {}]` is "Array.list"; a function stored directly gets
 * the variable's name as its own).
 */
const LITERALS_NAMED_BY_BINDING = new Set([
  "ArrayExpression",
  "ObjectExpression",
  "SequenceExpression",
  "ParenthesizedExpression",
]);

/**
 * The names V8 gives anonymous functions stored into a property, for stack traces
 * (its FuncNameInferrer): the target's chain of names ("prototype" left out, computed
 * keys other than string literals as "<computed>", a call by its callee's name), after
 * the name of the enclosing function when that starts with a capital letter (a
 * constructor). `a.x = b.y = function () {}` names the function "a.x.b.y", as V8 does;
 * the elements of an array literal take its name, an object literal's values its name
 * and their key (`o = { list: [function () {}] }` is "o.list").
 */
function inferNames(value: N.Node, names: string[], enclosing: string[]): void {
  switch (value.type) {
    case "FunctionExpression":
    case "ArrowFunctionExpression":
    case "ClassExpression": {
      const v = value as { id?: N.Identifier | null; jauntInferred?: string };
      // The outermost assignment names it first (see above).
      if (!v.id && v.jauntInferred === undefined)
        v.jauntInferred = [...enclosing, ...names].join(".");
      return;
    }
    case "ParenthesizedExpression":
      return inferNames(value.expression, names, enclosing);
    case "SequenceExpression":
      return inferNames(value.expressions[value.expressions.length - 1], names, enclosing);
    case "LogicalExpression":
      inferNames(value.left, names, enclosing);
      return inferNames(value.right, names, enclosing);
    case "ConditionalExpression":
      inferNames(value.consequent, names, enclosing);
      return inferNames(value.alternate, names, enclosing);
    case "AssignmentExpression":
      if (value.left.type === "MemberExpression")
        inferNames(value.right, [...names, ...storedUnder(value.left)], enclosing);
      return;
    case "ArrayExpression":
      for (const el of value.elements)
        if (el) inferNames(el.type === "SpreadElement" ? el.argument : el, names, enclosing);
      return;
    case "ObjectExpression":
      // A computed key adds no name (V8: `{ [k]: [function () {}] }` in `o` is "o").
      for (const p of value.properties) {
        if (p.type !== "Property" || p.kind !== "init" || p.method) continue;
        if (p.computed) inferNames(p.value, names, enclosing);
        else {
          const key = p.key.type === "Identifier" ? p.key.name : (p.key as N.Literal).value;
          if (typeof key === "string" || typeof key === "number")
            inferNames(p.value, [...names, String(key)], enclosing);
        }
      }
      return;
  }
}

/** The chain of names of an assignment target, as V8's name inference collects them. */
function storedUnder(target: N.Node): string[] {
  switch (target.type) {
    case "Identifier":
      return [target.name];
    case "MemberExpression": {
      const key = target.property;
      const name = !target.computed
        ? key.type === "PrivateIdentifier"
          ? `#${key.name}`
          : (key as N.Identifier).name
        : key.type === "Literal" && typeof key.value === "string"
          ? key.value
          : "<computed>";
      const head = storedUnder(target.object);
      return name === "prototype" ? head : [...head, name];
    }
    case "CallExpression":
      return storedUnder(target.callee);
    case "ChainExpression":
      return storedUnder(target.expression);
    default:
      return [];
  }
}

function bindingInitEnd(p: N.Pattern, name: string): number {
  switch (p.type) {
    case "Identifier":
      return p.name === name ? p.end : -1;
    case "AssignmentPattern":
      if (p.left.type === "Identifier") return p.left.name === name ? p.end : -1;
      return bindingInitEnd(p.left, name);
    case "RestElement":
      return bindingInitEnd(p.argument, name);
    case "ArrayPattern":
      for (const el of p.elements) {
        const r = el ? bindingInitEnd(el, name) : -1;
        if (r >= 0) return r;
      }
      return -1;
    case "ObjectPattern":
      for (const prop of p.properties) {
        const r = bindingInitEnd(
          prop.type === "RestElement" ? prop.argument : (prop.value as N.Pattern),
          name,
        );
        if (r >= 0) return r;
      }
      return -1;
    default:
      return -1;
  }
}

/**
 * Where a destructured value came from, for V8's wording of the TypeError when it is
 * null or undefined: an initializer's source text (null when V8 would not print it),
 * a parameter, or a property/element of an outer pattern.
 */
type PatternSource = { text: string | null } | "param" | "nested";

/** The source of an initializer as V8 prints it in destructuring errors, or null. */
function sourceText(node: N.Expression): string | null {
  switch (node.type) {
    case "Identifier":
      return node.name;
    case "ObjectExpression":
      // Only met as the default of a nested pattern (`[{ k } = {}] = [null]`).
      return node.properties.length ? "{(intermediate value)}" : "{}";
    case "ThisExpression":
      return "this";
    case "Literal":
      return node.value === null && !("regex" in node) ? "null" : null;
    case "MemberExpression": {
      if (node.optional || node.object.type === "Super") return null;
      const obj = sourceText(node.object as N.Expression);
      if (obj === null) return null;
      const key = node.property;
      if (!node.computed && key.type === "Identifier") return `${obj}.${key.name}`;
      if (key.type === "Literal" && typeof key.value === "string") return `${obj}.${key.value}`;
      if (key.type === "Literal" && typeof key.value === "number") return `${obj}[${key.raw}]`;
      if (key.type === "Identifier") return `${obj}[${key.name}]`;
      return null;
    }
    case "CallExpression": {
      if (node.optional || node.callee.type === "Super") return null;
      const callee = sourceText(node.callee as N.Expression);
      return callee === null ? null : `${callee}(...)`;
    }
    default:
      return null;
  }
}

/**
 * REQUIRE_COERCIBLE's message operand: "mode\0key\0source". Mode "r" words the error
 * as a property read (a nested pattern, or a first property with a default, as V8
 * does), "p" is a parameter, "d" a declaration or assignment.
 */
function coercibleMessage(p: N.ObjectPattern, src: PatternSource | undefined): string {
  const first = p.properties[0];
  let key = "";
  if (first && first.type !== "RestElement" && !first.computed) {
    if (first.key.type === "Identifier") key = first.key.name;
    else if (first.key.type === "Literal") key = String(first.key.value);
  }
  const defaulted = first?.type === "Property" && first.value.type === "AssignmentPattern";
  if (key && (src === "nested" || defaulted)) return `r\0${key}\0`;
  if (src === "param") return `p\0${key}\0`;
  const text = src && typeof src === "object" ? (src.text ?? "") : "";
  return `d\0${key}\0${text}`;
}

// Built from a string on first use: V8 builds a `\p{…}` literal's Unicode sets when it
// parses the literal, even in a function never called (test/startup-regexps.test.ts).
let upperStart: RegExp | null = null;
function startsUpperCase(name: string): boolean {
  return (upperStart ??= new RegExp(String.raw`^\p{Lu}`, "u")).test(name);
}
