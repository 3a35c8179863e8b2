// Scope analysis: the first compiler pass. It builds the tree of scopes, declares
// every binding (with var/function hoisting), resolves each identifier to a binding
// or to the global object, and marks bindings captured by inner functions. Captured
// bindings live in environment records (data on the heap); the rest live in frame
// registers. The code generator reads the result; it never re-resolves names.

import type * as N from "./estree";
import { classPlan, type SyntheticInit } from "./classes";

export type BindingKind =
  | "var"
  | "param"
  | "let"
  | "const"
  | "class"
  | "function"
  | "catch"
  | "simpleCatch" // `catch (e)`: sloppy eval may declare `var e` over it (Annex B.3.4)
  | "callee" // the name of a named function expression
  | "import" // an ES module import: the slot holds a link to the exporter's binding
  | "internal"; // this / arguments / new.target pseudo-bindings

export const SCOPE_KIND_CODE: Record<BindingKind, number> = {
  var: 0,
  param: 0,
  let: 1,
  const: 2,
  class: 3,
  function: 4,
  catch: 1,
  simpleCatch: 7,
  callee: 2,
  internal: 5,
  import: 6,
};

/** The binding kind of a lexical declaration: `using` and `await using` bind constants. */
export function lexicalKind(kind: string): BindingKind {
  return kind === "let" ? "let" : "const";
}

export class Binding {
  captured = false;
  /** Register index when not captured. */
  register = -1;
  /** Slot in its scope's environment record when captured. */
  slot = -1;
  constructor(
    readonly name: string,
    readonly kind: BindingKind,
    readonly scope: Scope,
    /** The declaring node's end offset, for eliding TDZ checks. */
    readonly declEnd: number,
  ) {}
  get lexical(): boolean {
    return this.kind === "let" || this.kind === "const" || this.kind === "class";
  }
}

/**
 * "with" is the object environment of a `with` statement's body; "body" is the
 * variable scope of a function with parameter expressions, separate from its
 * parameters' (see FunctionInfo.varScope).
 */
export type ScopeKind =
  "function" | "block" | "catch" | "callee" | "switch" | "for" | "with" | "body";

export class Scope {
  readonly bindings = new Map<string, Binding>();
  /** Set after analysis: whether this scope materialises an environment record. */
  needsEnv = false;
  /** Index into the function's scope descriptors when needsEnv. */
  descIndex = -1;
  /** Materialise an environment record even without captured bindings (eval's var scope). */
  forceEnv = false;
  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | null,
    readonly fn: FunctionInfo,
  ) {}

  lookupLocal(name: string): Binding | undefined {
    return this.bindings.get(name);
  }
}

export class FunctionInfo {
  readonly scopes: Scope[] = [];
  strict: boolean;
  usesArguments = false;
  usesThis = false;
  usesNewTarget = false;
  /** Set when a nested arrow reads `this`: it is stored in the environment on entry. */
  thisBinding: Binding | null = null;
  argumentsBinding: Binding | null = null;
  newTargetBinding: Binding | null = null;
  /** Whether any block-level scope of this function materialises an environment. */
  hasBlockEnvs = false;
  /** A direct `eval(…)` call in this function's own body (not in nested functions). */
  hasDirectEval = false;
  /** %fn: the function itself, for super() in nested arrows and eval code. */
  fnBinding: Binding | null = null;
  index = -1;
  readonly children: FunctionInfo[] = [];
  constructor(
    readonly node: N.Function | N.Program,
    readonly parent: FunctionInfo | null,
    readonly isArrow: boolean,
    strict: boolean,
  ) {
    this.strict = strict;
  }
  /** The function-level scope (params, vars, top-level lexicals). */
  scope!: Scope;
  /**
   * The scope of the body's vars, functions and top-level lexicals: the function
   * scope, or for a function with parameter expressions a "body" scope of its own
   * (ECMA-262 FunctionDeclarationInstantiation step 28), so that closures in
   * parameter defaults do not see the body's declarations.
   */
  varScope!: Scope;
  /** The parameter list contains expressions (defaults, computed keys). */
  paramExprs = false;
  /** Set while the parameter list is visited (a direct eval there declares vars in `scope`). */
  inParams = false;
  /** A direct eval in the body (not in the parameters): the var scope can gain bindings. */
  bodyEval = false;
  /** Registers used by bindings, before the code generator adds temporaries. */
  nregs = 0;
}

export interface Analysis {
  readonly top: FunctionInfo;
  readonly functions: FunctionInfo[];
  /** Identifier node → binding; absent or null means a global reference. */
  readonly refs: Map<N.Node, Binding | null>;
  /** Node → the scope it opens (functions, blocks, loops, catch clauses, switch). */
  readonly scopeOf: Map<N.Node, Scope>;
  /** Function node → its info. */
  readonly fnOf: Map<N.Node, FunctionInfo>;
  /**
   * Identifiers resolved at run time by name: they cross a `with` scope or the var
   * scope of a sloppy function with a direct eval, or are free names of eval code.
   */
  readonly dynamic: Set<N.Node>;
  /**
   * `this`, `new.target` and `super(…)` whose binding is found at run time up the
   * environment chain (in eval code, and super() in arrows): node → %this/%newtarget.
   */
  readonly lexical: Map<N.Node, string>;
}

export interface AnalyzeOptions {
  /** Top-level var and function declarations become global object properties. */
  globalVars: boolean;
  /** Names bound as parameters of the top-level function (CommonJS wrapper). */
  topParams: readonly string[];
  strict: boolean;
  /** An ES module: imports are bindings and every top-level binding lives in the module environment. */
  module?: boolean;
  /** Eval code: free names are resolved at run time; sloppy vars go to the caller. */
  evalCode?: boolean;
  /**
   * Indirect eval code: its caller's scope is the global one, so its free names are
   * global references (GET_GLOBAL…, as a script's are), not RESOLVE by name.
   */
  indirectEval?: boolean;
  /** Eval code called in a derived constructor (super() is allowed). */
  derivedCtor?: boolean;
}

/** The hidden module-scope bindings of `export default <expression>` and `import.meta`. */
export const DEFAULT_EXPORT_BINDING = "*default*";
export const IMPORT_META_BINDING = "%importmeta";

/**
 * A module's top-level statement with `export` taken off: the declaration it exports
 * (with a synthetic name for anonymous default functions/classes), or the statement.
 */
export function unwrapExport(s: N.Statement): N.Statement {
  const any = s as unknown as { type: string; declaration?: N.Node | null };
  if (any.type === "ExportNamedDeclaration" && any.declaration)
    return any.declaration as N.Statement;
  if (any.type === "ExportDefaultDeclaration") {
    const d = any.declaration as N.Node;
    if (d.type === "FunctionDeclaration" || d.type === "ClassDeclaration") return d as N.Statement;
  }
  return s;
}

function hasUseStrict(body: N.Statement[]): boolean {
  for (const s of body) {
    if (s.type !== "ExpressionStatement" || !(s as N.ExpressionStatement).directive) break;
    if ((s as N.ExpressionStatement).directive === "use strict") return true;
  }
  return false;
}

/** Names bound by a pattern (identifiers, destructuring, rest, defaults). */
export function patternNames(p: N.Pattern, out: N.Identifier[] = []): N.Identifier[] {
  switch (p.type) {
    case "Identifier":
      out.push(p);
      break;
    case "ObjectPattern":
      for (const prop of p.properties) {
        if (prop.type === "RestElement") patternNames(prop.argument, out);
        else patternNames(prop.value as N.Pattern, out);
      }
      break;
    case "ArrayPattern":
      for (const el of p.elements) if (el) patternNames(el, out);
      break;
    case "RestElement":
      patternNames(p.argument, out);
      break;
    case "AssignmentPattern":
      patternNames(p.left, out);
      break;
    default:
      break;
  }
  return out;
}

export function isSimpleParams(params: N.Pattern[]): boolean {
  return params.every((p) => p.type === "Identifier");
}

/** ECMA-262 ContainsExpression over a parameter list: defaults or computed keys. */
export function hasParameterExpressions(params: N.Pattern[]): boolean {
  const walk = (p: N.Pattern | null): boolean => {
    if (!p) return false;
    switch (p.type) {
      case "AssignmentPattern":
        return true;
      case "ObjectPattern":
        return p.properties.some((prop) =>
          prop.type === "RestElement"
            ? walk(prop.argument)
            : prop.computed || walk(prop.value as N.Pattern),
        );
      case "ArrayPattern":
        return p.elements.some(walk);
      case "RestElement":
        return walk(p.argument);
      default:
        return false;
    }
  };
  return params.some(walk);
}

/** A declaration found before it is declared (see `Analyzer.streamHoist`). */
export interface PendingDeclaration {
  name: string;
  kind: BindingKind;
  declEnd: number;
}

/** The let/const/class/function declarations directly inside a body, in order. */
function lexicalDeclarations(
  body: N.Statement[],
  global: boolean,
  skipFunctions: boolean,
  out: PendingDeclaration[] = [],
): PendingDeclaration[] {
  if (global) return out;
  for (const s of body) {
    if (s.type === "VariableDeclaration" && s.kind !== "var") {
      for (const d of s.declarations)
        for (const id of patternNames(d.id))
          out.push({ name: id.name, kind: lexicalKind(s.kind), declEnd: d.end });
    } else if (s.type === "ClassDeclaration" && s.id) {
      out.push({ name: s.id.name, kind: "class", declEnd: s.end });
    } else if (s.type === "FunctionDeclaration" && s.id && !skipFunctions) {
      out.push({ name: s.id.name, kind: "function", declEnd: s.start });
    }
  }
  return out;
}

class Analyzer {
  readonly refs = new Map<N.Node, Binding | null>();
  readonly scopeOf = new Map<N.Node, Scope>();
  readonly fnOf = new Map<N.Node, FunctionInfo>();
  readonly functions: FunctionInfo[] = [];
  readonly dynamic = new Set<N.Node>();
  readonly lexical = new Map<N.Node, string>();
  /**
   * Identifier references, resolved once the whole program is known: whether a name
   * crosses a scope that eval can add to depends on evals later in the function.
   */
  private readonly pending: {
    id: N.Identifier | N.PrivateIdentifier;
    name: string;
    scope: Scope;
  }[] = [];
  /** The scopes direct evals are called in: every binding they can see is captured. */
  private readonly evalScopes: Scope[] = [];
  private scope!: Scope;
  private fn!: FunctionInfo;
  private classDepth = 0;

  constructor(private readonly opts: AnalyzeOptions) {}

  analyze(program: N.Program): Analysis {
    const top = this.newFunction(
      program,
      null,
      false,
      this.opts.strict || hasUseStrict(program.body as N.Statement[]),
    );
    const scope = this.enterScope("function", program, top);
    this.opts.topParams.forEach((name) => this.declare(scope, name, "param", program.start));
    const body = (program.body as N.Statement[]).map((s) =>
      this.opts.module ? unwrapExport(s) : s,
    );
    if (this.opts.module) {
      this.declare(scope, IMPORT_META_BINDING, "const", 0);
      this.declareImports(program.body as N.Statement[], scope);
    }
    // Sloppy eval code declares its vars and functions in the caller's var scope.
    const evalVars = this.opts.evalCode === true && !top.strict;
    this.hoistVars(body, scope, this.opts.globalVars || evalVars);
    this.declareLexical(body, scope, this.opts.globalVars, evalVars);
    for (const s of program.body as N.Statement[]) this.visit(s);
    this.exitScope();
    this.resolvePending();
    // Importers link to a module's top-level bindings: all of them live in its environment.
    if (this.opts.module) for (const b of scope.bindings.values()) b.captured = true;
    this.finish();
    return this.result(top);
  }

  private newFunction(
    node: N.Function | N.Program,
    parent: FunctionInfo | null,
    arrow: boolean,
    strict: boolean,
  ): FunctionInfo {
    const info = new FunctionInfo(node, parent, arrow, strict);
    info.index = this.functions.length;
    this.functions.push(info);
    parent?.children.push(info);
    this.fnOf.set(node, info);
    return info;
  }

  private enterScope(kind: ScopeKind, node: N.Node, fn: FunctionInfo = this.fn): Scope {
    const s = new Scope(kind, kind === "function" ? (this.scope ?? null) : this.scope, fn);
    fn.scopes.push(s);
    if (kind === "function") fn.scope = fn.varScope = s;
    this.scopeOf.set(node, s);
    this.scope = s;
    this.fn = fn;
    return s;
  }

  private exitScope(): void {
    const parent = this.scope.parent;
    if (parent) {
      this.scope = parent;
      this.fn = parent.fn;
    }
  }

  private declare(scope: Scope, name: string, kind: BindingKind, declEnd: number): Binding {
    const existing = scope.bindings.get(name);
    if (existing) {
      // var/function redeclarations share one binding; lexical conflicts are
      // SyntaxErrors that acorn already reported.
      if (existing.kind === "param" || existing.kind === "var" || existing.kind === "function") {
        if (kind === "function" && existing.kind !== "param") {
          const b = new Binding(name, "function", scope, declEnd);
          scope.bindings.set(name, b);
          return b;
        }
        return existing;
      }
      return existing;
    }
    const b = new Binding(name, kind, scope, declEnd);
    scope.bindings.set(name, b);
    return b;
  }

  /** Declares every `var` (and, at function level, every function) of a body. */
  private hoistVars(body: N.Statement[], scope: Scope, global: boolean): void {
    const visitStmt = (s: N.Statement | null | undefined, top: boolean): void => {
      if (!s) return;
      switch (s.type) {
        case "VariableDeclaration":
          if (s.kind === "var")
            for (const d of s.declarations)
              for (const id of patternNames(d.id))
                if (!global) this.declare(scope, id.name, "var", d.end);
          break;
        case "FunctionDeclaration":
          // Top-level functions are declared by declareLexical with the body's
          // other declarations; block functions also get a var binding in sloppy mode
          // (Annex B.3.3) so that they are visible after the block.
          if (
            !top &&
            !scope.fn.strict &&
            s.id &&
            !global &&
            !scope.bindings.has(s.id.name) &&
            scope.fn.scope.bindings.get(s.id.name)?.kind !== "param"
          )
            this.declare(scope, s.id.name, "var", s.end);
          break;
        case "IfStatement":
          visitStmt(s.consequent, false);
          visitStmt(s.alternate, false);
          break;
        case "BlockStatement":
        case "StaticBlock" as never:
          for (const t of (s as N.BlockStatement).body) visitStmt(t, false);
          break;
        case "ForStatement":
          if (s.init && s.init.type === "VariableDeclaration") visitStmt(s.init, false);
          visitStmt(s.body, false);
          break;
        case "ForInStatement":
        case "ForOfStatement":
          if (s.left.type === "VariableDeclaration") visitStmt(s.left, false);
          visitStmt(s.body, false);
          break;
        case "WhileStatement":
        case "DoWhileStatement":
          visitStmt(s.body, false);
          break;
        case "LabeledStatement":
          visitStmt(s.body, false);
          break;
        case "TryStatement":
          visitStmt(s.block, false);
          if (s.handler) visitStmt(s.handler.body, false);
          visitStmt(s.finalizer, false);
          break;
        case "SwitchStatement":
          for (const c of s.cases) for (const t of c.consequent) visitStmt(t, false);
          break;
        case "WithStatement":
          visitStmt(s.body, false);
          break;
        default:
          break;
      }
    };
    for (const s of body) visitStmt(s, true);
  }

  /** A module's import bindings and default-export binding. */
  private declareImports(body: N.Statement[], scope: Scope): void {
    for (const s of body) {
      const any = s as unknown as {
        type: string;
        specifiers?: { type: string; local: N.Identifier }[];
        declaration?: N.Node;
      };
      if (any.type === "ImportDeclaration")
        for (const spec of any.specifiers!)
          this.declare(
            scope,
            spec.local.name,
            spec.type === "ImportNamespaceSpecifier" ? "const" : "import",
            0,
          );
      else if (any.type === "ExportDefaultDeclaration") {
        const d = any.declaration as N.Node & { id?: N.Identifier | null };
        if (d.type === "FunctionDeclaration" && !d.id)
          this.declare(scope, DEFAULT_EXPORT_BINDING, "function", s.start);
        else if (!((d.type === "FunctionDeclaration" || d.type === "ClassDeclaration") && d.id))
          this.declare(scope, DEFAULT_EXPORT_BINDING, "const", s.end);
      }
    }
  }

  /** Declares the let/const/class/function declarations directly inside a body. */
  private declareLexical(
    body: N.Statement[],
    scope: Scope,
    global: boolean,
    skipFunctions = false,
  ): void {
    for (const d of lexicalDeclarations(body, global, skipFunctions))
      this.declare(scope, d.name, d.kind, d.declEnd);
  }

  private resolve(id: N.Identifier): void {
    this.pending.push({ id, name: id.name, scope: this.scope });
  }

  /** A node that stands for a hidden module binding (`import.meta`, `export default`). */
  private resolveHidden(node: N.Node, name: string): void {
    this.pending.push({ id: node as unknown as N.Identifier, name, scope: this.scope });
  }

  /** `#x` resolves to the class-scope binding holding that PrivateName. */
  private resolvePrivate(id: N.PrivateIdentifier): void {
    this.pending.push({ id, name: "#" + id.name, scope: this.scope });
  }

  /**
   * Resolves every reference. A name that crosses a `with` scope, or the var scope of
   * a sloppy function calling eval, is looked up by name at run time: the binding it
   * finds statically (if any) must then live in a named environment slot.
   */
  private resolvePending(): void {
    for (const { id, name, scope } of this.pending) {
      let dynamic = false;
      let found: Binding | null = null;
      for (let s: Scope | null = scope; s; s = s.parent) {
        const b = s.bindings.get(name);
        if (b) {
          found = b;
          break;
        }
        if (s.kind === "with") dynamic = true;
        else if (s.kind === "function" && s.fn.hasDirectEval && !s.fn.strict) dynamic = true;
        else if (s.kind === "body" && s.fn.bodyEval && !s.fn.strict) dynamic = true;
      }
      if (found && found.scope.fn !== scope.fn) found.captured = true;
      if (found && dynamic) found.captured = true;
      if (!found && this.opts.evalCode && !this.opts.indirectEval && !name.startsWith("#"))
        dynamic = true;
      if (dynamic && !name.startsWith("#")) this.dynamic.add(id);
      this.refs.set(id, found);
    }
    // A direct eval sees every binding in scope at its call: they all get named slots.
    for (const start of this.evalScopes)
      for (let s: Scope | null = start; s; s = s.parent)
        for (const b of s.bindings.values()) b.captured = true;
  }

  /** A direct eval call: its scope chain is kept by name; `this` & co. are bindings. */
  private directEval(): void {
    const fn = this.fn;
    fn.hasDirectEval = true;
    // A script's top level has no variable environment of its own: its vars are global.
    const scriptTop = fn.node.type === "Program" && this.opts.globalVars;
    if (!scriptTop) fn.scope.forceEnv = true;
    // Eval in the body declares its vars in the body's scope, not the parameters'.
    if (!fn.inParams && !scriptTop) {
      fn.bodyEval = true;
      fn.varScope.forceEnv = true;
    }
    this.evalScopes.push(this.scope);
    const owner = this.nonArrow();
    this.lexicalBindings(owner);
    if (owner.node.type !== "Program" && !owner.isArrow) {
      let shadowed = false;
      for (let s: Scope | null = this.scope; s; s = s.parent) {
        const b = s.bindings.get("arguments");
        if (b) {
          shadowed = b.kind !== "internal";
          break;
        }
        if (s === owner.scope) break;
      }
      if (!shadowed && !owner.argumentsBinding) {
        owner.usesArguments = true;
        owner.argumentsBinding = this.declare(owner.scope, "arguments", "internal", 0);
      }
      if (owner.argumentsBinding) owner.argumentsBinding.captured = true;
    }
  }

  /** Gives a function %this, %newtarget and %fn bindings that nested code finds by name. */
  private lexicalBindings(owner: FunctionInfo): void {
    // Script top levels have no bindings of their own: their `this` is the global one.
    if (owner.node.type === "Program" && (this.opts.globalVars || this.opts.evalCode)) return;
    owner.usesThis = true;
    owner.thisBinding ??= this.declare(owner.scope, "%this", "internal", 0);
    owner.thisBinding.captured = true;
    if (owner.node.type === "Program") return;
    owner.usesNewTarget = true;
    owner.newTargetBinding ??= this.declare(owner.scope, "%newtarget", "internal", 0);
    owner.newTargetBinding.captured = true;
    owner.fnBinding ??= this.declare(owner.scope, "%fn", "internal", 0);
    owner.fnBinding.captured = true;
  }

  /** Whether `this` & co. at this point belong to the eval code's caller. */
  private inEvalTop(): boolean {
    return this.opts.evalCode === true && this.nonArrow().node.type === "Program";
  }

  /** The function whose `this`/`arguments` an arrow sees. */
  private nonArrow(): FunctionInfo {
    let f: FunctionInfo = this.fn;
    while (f.isArrow && f.parent) f = f.parent;
    return f;
  }

  private useThis(node: N.Node): void {
    if (this.inEvalTop()) {
      this.lexical.set(node, "%this");
      return;
    }
    const owner = this.nonArrow();
    owner.usesThis = true;
    if (owner !== this.fn) {
      if (!owner.thisBinding) owner.thisBinding = this.declare(owner.scope, "%this", "internal", 0);
      owner.thisBinding.captured = true;
      this.refs.set(node, owner.thisBinding);
    }
  }

  private useArguments(id: N.Identifier): boolean {
    // A declared `arguments` binding (param, var, let…) shadows the implicit one.
    let s: Scope | null = this.scope;
    const owner = this.nonArrow();
    // A CommonJS program's top level is a function: its `arguments` are the wrapper's.
    if (owner.node.type === "Program" && this.opts.topParams.length === 0) return false;
    while (s) {
      const b = s.bindings.get("arguments");
      // `var arguments` still holds the arguments object; other declarations shadow it.
      if (b && b.kind === "var" && s === owner.scope && owner.node.type !== "Program") {
        owner.usesArguments = true;
        owner.argumentsBinding = b;
        if (owner !== this.fn) b.captured = true;
        this.resolve(id);
        return true;
      }
      if (b) return false;
      if (s === owner.scope) break;
      s = s.parent;
    }
    owner.usesArguments = true;
    if (!owner.argumentsBinding)
      owner.argumentsBinding = this.declare(owner.scope, "arguments", "internal", 0);
    if (owner !== this.fn) owner.argumentsBinding.captured = true;
    // Resolved with the other names: an eval on the way may declare `arguments`.
    this.resolve(id);
    return true;
  }

  private visitFunction(node: N.Function): void {
    const arrow = node.type === "ArrowFunctionExpression";
    const body = node.body;
    const strict =
      this.fn.strict ||
      this.classDepth > 0 ||
      (body.type === "BlockStatement" && hasUseStrict((body as N.BlockStatement).body));
    const info = this.newFunction(node, this.fn, arrow, strict);
    const outer = this.scope;
    // A named function expression binds its own name in a scope of its own, the
    // function's first: the prologue initialises it from the callee.
    if (node.type === "FunctionExpression" && node.id) {
      const cs = this.enterScope("callee", node.id, info);
      this.declare(cs, node.id.name, "callee", node.start);
    }
    const scope = this.enterScope("function", node, info);
    node.params.forEach((p) => {
      for (const id of patternNames(p)) this.declare(scope, id.name, "param", node.start);
    });
    // With parameter expressions the body's declarations get a scope of their own.
    info.paramExprs = hasParameterExpressions(node.params);
    const separate = info.paramExprs;
    const varScope = separate ? new Scope("body", scope, info) : scope;
    if (separate) {
      info.scopes.push(varScope);
      info.varScope = varScope;
    }
    if (body.type === "BlockStatement") {
      this.hoistVars((body as N.BlockStatement).body, varScope, false);
      this.declareLexical((body as N.BlockStatement).body, varScope, false);
    }
    // A body `var arguments` starts as the arguments object, which lives with the parameters.
    if (separate && !arrow && varScope.bindings.get("arguments")?.kind === "var") {
      if (!scope.bindings.has("arguments")) {
        info.usesArguments = true;
        info.argumentsBinding = this.declare(scope, "arguments", "internal", 0);
      }
    }
    info.inParams = true;
    for (const p of node.params) this.visitPattern(p);
    info.inParams = false;
    if (separate) this.scope = varScope;
    const fields = (node as Partial<SyntheticInit>).jauntFields;
    if (fields)
      for (const f of fields) {
        if (f.keyRef) this.resolve(f.keyRef);
        if (f.fnRef) this.resolve(f.fnRef);
        if (f.value) this.visit(f.value);
      }
    if (body.type === "BlockStatement")
      for (const s of (body as N.BlockStatement).body) this.visit(s);
    else this.visit(body);
    // Sloppy functions with simple parameters that read `arguments` alias their
    // parameters: both live in the function's environment record.
    if (info.usesArguments && !info.strict && !arrow && isSimpleParams(node.params))
      for (const b of scope.bindings.values()) if (b.kind === "param") b.captured = true;
    this.scope = outer;
    this.fn = outer.fn;
  }

  private visitPattern(p: N.Pattern): void {
    switch (p.type) {
      case "Identifier":
        this.resolve(p);
        break;
      case "ObjectPattern":
        for (const prop of p.properties) {
          if (prop.type === "RestElement") this.visitPattern(prop.argument);
          else {
            if (prop.computed) this.visit(prop.key);
            this.visitPattern(prop.value as N.Pattern);
          }
        }
        break;
      case "ArrayPattern":
        for (const el of p.elements) if (el) this.visitPattern(el);
        break;
      case "RestElement":
        this.visitPattern(p.argument);
        break;
      case "AssignmentPattern":
        this.visitPattern(p.left);
        this.visit(p.right);
        break;
      default:
        // MemberExpression targets in assignment patterns.
        this.visit(p as N.Node);
    }
  }

  private visitBlockBody(node: N.Node, body: N.Statement[], kind: ScopeKind): void {
    const scope = this.enterScope(kind, node);
    this.declareLexical(body, scope, false);
    for (const s of body) this.visit(s);
    this.exitScope();
  }

  private visit(node: N.Node | null | undefined): void {
    if (!node) return;
    switch (node.type) {
      case "Identifier":
        if (node.name === "arguments" && this.useArguments(node)) return;
        this.resolve(node);
        return;
      case "ThisExpression":
      case "Super":
        // `super` also needs the method's `this` (lexically, inside arrows).
        this.useThis(node);
        return;
      case "MetaProperty":
        if (node.meta.name === "import") {
          this.resolveHidden(node, IMPORT_META_BINDING);
          return;
        }
        if (node.meta.name === "new" && this.inEvalTop()) this.lexical.set(node, "%newtarget");
        else if (node.meta.name === "new") {
          const owner = this.nonArrow();
          owner.usesNewTarget = true;
          if (owner !== this.fn) {
            if (!owner.newTargetBinding)
              owner.newTargetBinding = this.declare(owner.scope, "%newtarget", "internal", 0);
            owner.newTargetBinding.captured = true;
            this.refs.set(node, owner.newTargetBinding);
          }
        }
        return;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        if (node.type === "FunctionDeclaration" && node.id) this.resolve(node.id);
        this.visitFunction(node);
        return;
      case "ImportDeclaration" as never:
      case "ExportAllDeclaration" as never:
        return;
      case "ExportNamedDeclaration" as never: {
        const ex = node as unknown as {
          declaration: N.Node | null;
          source: unknown;
          specifiers: { local: N.Identifier }[];
        };
        if (ex.declaration) this.visit(ex.declaration);
        else if (!ex.source) for (const spec of ex.specifiers) this.resolve(spec.local);
        return;
      }
      case "ExportDefaultDeclaration" as never: {
        const d = (node as unknown as { declaration: N.Node }).declaration;
        if (d.type === "FunctionDeclaration" && !(d as N.Function).id)
          this.visitFunction(d as N.Function);
        else this.visit(d);
        this.resolveHidden(node, DEFAULT_EXPORT_BINDING);
        return;
      }
      case "BlockStatement":
        this.visitBlockBody(node, node.body, "block");
        return;
      case "StaticBlock":
        this.visitBlockBody(node, (node as N.StaticBlock).body, "block");
        return;
      case "SwitchStatement": {
        this.visit(node.discriminant);
        const scope = this.enterScope("switch", node);
        for (const c of node.cases) this.declareLexical(c.consequent, scope, false);
        for (const c of node.cases) {
          this.visit(c.test);
          for (const s of c.consequent) this.visit(s);
        }
        this.exitScope();
        return;
      }
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement": {
        const scope = this.enterScope("for", node);
        const decl = node.type === "ForStatement" ? node.init : node.left;
        // In for-in/of the names are initialised only after the head's expression ran
        // (it is evaluated in their TDZ), so references up to its end are checked.
        const initAt = node.type === "ForStatement" ? -1 : node.right.end;
        if (decl && decl.type === "VariableDeclaration" && decl.kind !== "var")
          for (const d of decl.declarations)
            for (const id of patternNames(d.id))
              this.declare(scope, id.name, lexicalKind(decl.kind), initAt < 0 ? d.end : initAt);
        if (node.type === "ForStatement") {
          this.visit(node.init);
          this.visit(node.test);
          this.visit(node.update);
        } else {
          this.visit(node.left);
          this.visit(node.right);
        }
        this.visit(node.body);
        this.exitScope();
        return;
      }
      case "CatchClause": {
        const scope = this.enterScope("catch", node);
        if (node.param)
          for (const id of patternNames(node.param))
            this.declare(
              scope,
              id.name,
              node.param.type === "Identifier" ? "simpleCatch" : "catch",
              node.param.end,
            );
        if (node.param) this.visitPattern(node.param);
        this.visitBlockBody(node.body, node.body.body, "block");
        this.exitScope();
        return;
      }
      case "VariableDeclaration":
        for (const d of node.declarations) {
          this.visitPattern(d.id);
          this.visit(d.init);
        }
        return;
      case "MemberExpression":
        this.visit(node.object);
        if (node.computed) this.visit(node.property);
        else if (node.property.type === "PrivateIdentifier") this.resolvePrivate(node.property);
        return;
      case "BinaryExpression":
        if (node.left.type === "PrivateIdentifier") this.resolvePrivate(node.left);
        else this.visit(node.left);
        this.visit(node.right);
        return;
      case "Property":
        if (node.computed) this.visit(node.key);
        this.visit(node.value);
        return;
      case "MethodDefinition":
      case "PropertyDefinition":
        if (node.computed) this.visit(node.key);
        this.visit(node.value);
        return;
      case "LabeledStatement":
        this.visit(node.body);
        return;
      case "BreakStatement":
      case "ContinueStatement":
        return;
      case "AssignmentExpression":
        this.visitPattern(node.left as N.Pattern);
        this.visit(node.right);
        return;
      case "CallExpression":
        if (node.callee.type === "Identifier" && node.callee.name === "eval" && !node.optional)
          this.directEval();
        if (node.callee.type === "Super" && (this.fn.isArrow || this.inEvalTop())) {
          // super() outside the constructor's own body finds it by name at run time.
          this.lexical.set(node, "%fn");
          if (!this.inEvalTop()) this.lexicalBindings(this.nonArrow());
        }
        this.visitChildren(node);
        return;
      case "WithStatement": {
        this.visit(node.object);
        this.enterScope("with", node);
        this.visit(node.body);
        this.exitScope();
        return;
      }
      case "ClassDeclaration":
      case "ClassExpression":
        this.visitClass(node);
        return;
      default:
        this.visitChildren(node);
    }
  }

  /** A class: its scope holds the inner name, private names and hidden bindings. */
  private visitClass(node: N.Class): void {
    const plan = classPlan(node);
    // All parts of a class are strict mode code.
    this.classDepth++;
    if (node.type === "ClassDeclaration" && node.id) this.resolve(node.id);
    const scope = this.enterScope("block", node);
    // The inner name is in TDZ until the class is defined (`class A extends A`).
    if (node.id) this.declare(scope, node.id.name, "const", node.end);
    for (const h of plan.hidden) this.declare(scope, h, "const", node.start);
    this.visit(node.superClass);
    for (const el of node.body.body)
      if (el.type !== "StaticBlock" && el.computed) this.visit(el.key);
    this.visitFunction(plan.ctor);
    for (const el of node.body.body)
      if (el.type === "MethodDefinition" && el.kind !== "constructor")
        this.visitFunction(el.value as N.Function);
    if (plan.instanceInit) this.visitFunction(plan.instanceInit);
    for (const st of plan.statics) this.visitFunction(st);
    this.exitScope();
    this.classDepth--;
  }

  private visitChildren(node: N.Node): void {
    for (const key in node) {
      if (key === "loc" || key === "type" || key === "start" || key === "end") continue;
      const v = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(v)) {
        for (const c of v)
          if (c && typeof c === "object" && typeof (c as N.Node).type === "string")
            this.visit(c as N.Node);
      } else if (v && typeof v === "object" && typeof (v as N.Node).type === "string") {
        this.visit(v as N.Node);
      }
    }
  }

  /** Assigns registers and environment slots once capture is known. */
  private finish(): void {
    for (const fn of this.functions) if (fn) this.finishFunction(fn, 0, -1);
  }

  /**
   * Assigns registers and environment slots to the bindings of `fn`'s scopes from
   * index `fromScope` on, registers from `register` (-1: after the parameters).
   */
  private finishFunction(fn: FunctionInfo, fromScope: number, register: number): void {
    // Parameters arrive in registers 0..n-1; a simple parameter's binding is its
    // register (the last one wins for sloppy duplicates). Captured ones are copied
    // into the environment by the prologue.
    const simple = new Map<string, number>();
    if (fn.node.type === "Program") this.opts.topParams.forEach((n, i) => simple.set(n, i));
    else fn.node.params.forEach((p, i) => p.type === "Identifier" && simple.set(p.name, i));
    if (register < 0)
      register = fn.node.type === "Program" ? this.opts.topParams.length : fn.node.params.length;
    for (let i = fromScope; i < fn.scopes.length; i++) {
      const scope = fn.scopes[i];
      let slot = 0;
      for (const b of scope.bindings.values()) {
        if (b.captured) b.slot = slot++;
        if (b.kind === "param" && simple.has(b.name)) b.register = simple.get(b.name)!;
        else if (!b.captured) b.register = register++;
      }
      scope.needsEnv = slot > 0 || scope.forceEnv || scope.kind === "with";
      if (scope.needsEnv && scope.kind !== "function") fn.hasBlockEnvs = true;
    }
    fn.nregs = register;
  }

  // ---- top-level statements in chunks (compiler/stream.ts) --------------------
  //
  // A long script is analysed and compiled a chunk of top-level statements at a time,
  // so that only one chunk's syntax tree is alive. The top level's declarations are
  // found first (`streamHoist` per statement, `streamDeclare`), and every top-level
  // binding lives in the environment: whether a later chunk's closure captures one is
  // unknown when the first chunks are compiled. The stream driver only streams code
  // whose top level needs no other fact from later chunks (no this/arguments at top
  // level, no eval, no with), and checks after each chunk that none appeared.

  private streamLexical: PendingDeclaration[] = [];
  /** Functions already handed to the code generator (their entries are cleared). */
  private streamDone = 0;

  /** The top level of a streamed program: `program` is a stub whose body stays empty. */
  streamBegin(program: N.Program, strict: boolean): FunctionInfo {
    const top = this.newFunction(program, null, false, this.opts.strict || strict);
    const scope = this.enterScope("function", program, top);
    this.opts.topParams.forEach((name) => this.declare(scope, name, "param", program.start));
    if (this.opts.module) this.declare(scope, IMPORT_META_BINDING, "const", 0);
    return top;
  }

  /**
   * Declares one top-level statement's vars (and a module's imports) now and records
   * its lexical declarations.
   */
  streamHoist(statement: N.Statement): void {
    const scope = this.functions[0]!.scope;
    const s = this.opts.module ? unwrapExport(statement) : statement;
    if (this.opts.module) this.declareImports([statement], scope);
    this.hoistVars([s], scope, this.opts.globalVars);
    lexicalDeclarations([s], this.opts.globalVars, false, this.streamLexical);
  }

  /** After every statement's `streamHoist`: the lexical declarations, all in the environment. */
  streamDeclare(): Analysis {
    const top = this.functions[0]!;
    for (const d of this.streamLexical) this.declare(top.scope, d.name, d.kind, d.declEnd);
    this.streamLexical = [];
    for (const b of top.scope.bindings.values()) b.captured = true;
    this.finishFunction(top, 0, -1);
    // Block scopes of later chunks may need environments: saved and restored as if so.
    top.hasBlockEnvs = true;
    this.streamDone = 1;
    return this.result(top);
  }

  /**
   * Analyses the next chunk of top-level statements. The maps of the previous chunk
   * are cleared (its syntax tree can go); `nregs` is the top level's next free register.
   * Returns the infos of the functions the chunk contains, in index order.
   */
  streamChunk(program: N.Program, body: N.Statement[], nregs: number): FunctionInfo[] {
    const top = this.functions[0]!;
    // The previous chunk's functions have been compiled: their trees can go.
    for (; this.streamDone < this.functions.length; this.streamDone++)
      this.functions[this.streamDone] = null!;
    top.children.length = 0;
    this.refs.clear();
    this.scopeOf.clear();
    this.fnOf.clear();
    this.dynamic.clear();
    this.lexical.clear();
    this.scopeOf.set(program, top.scope);
    this.fnOf.set(program, top);
    const firstScope = top.scopes.length;
    const firstFn = this.functions.length;
    this.scope = top.scope;
    this.fn = top;
    for (const s of body) this.visit(s);
    this.resolvePending();
    this.pending.length = 0;
    this.finishFunction(top, firstScope, nregs);
    const fns = this.functions.slice(firstFn);
    for (const fn of fns) this.finishFunction(fn, 0, -1);
    return fns;
  }

  private result(top: FunctionInfo): Analysis {
    return {
      top,
      functions: this.functions,
      refs: this.refs,
      scopeOf: this.scopeOf,
      fnOf: this.fnOf,
      dynamic: this.dynamic,
      lexical: this.lexical,
    };
  }
}

export function analyze(program: N.Program, opts: AnalyzeOptions): Analysis {
  return new Analyzer(opts).analyze(program);
}

/** An analyzer for a program compiled in chunks of top-level statements. */
export function streamAnalyzer(opts: AnalyzeOptions): StreamAnalyzer {
  return new Analyzer(opts);
}

export type StreamAnalyzer = Pick<
  Analyzer,
  "streamBegin" | "streamHoist" | "streamDeclare" | "streamChunk"
>;
