// The compiler's output: plain, typed data. The VM imports only these types.

/** A constant-pool entry. Template objects and regexps come later as tagged records. */
export type Constant = number | string | bigint;

export const enum FnFlags {
  Strict = 1,
  Arrow = 2,
  /** May be called with `new`. */
  Constructor = 4,
  /** Reads `arguments`: the call saves all arguments for it. */
  UsesArguments = 8,
  /** Sloppy function with simple parameters whose `arguments` aliases them. */
  MappedArguments = 16,
  /** Has its own environment record created on entry (captured params/vars). */
  HasFunctionEnv = 32,
  /** Self-hosted built-in: hidden from stack traces, prints as native code. */
  Native = 64,
  Method = 128,
  Getter = 256,
  Setter = 512,
  /** A named function expression: its own name is bound to the callee. */
  NamedExpr = 1024,
  /** A class constructor: [[Call]] throws; `new` only. */
  ClassConstructor = 2048,
  /** The constructor of a class with `extends`: `this` starts uninitialised. */
  Derived = 4096,
  Generator = 8192,
  Async = 16384,
  /** The top level of eval code: sloppy eval code declares its vars in the caller's scope. */
  EvalCode = 32768,
  /** A class's field initializers: direct eval in them may not contain `arguments`. */
  FieldInit = 65536,
  /**
   * Set at run time, never by the compiler: the intrinsic Promise constructor, whose
   * `new` makes a PromiseObject (builtins/internals.ts registerPromiseConstructor).
   */
  PromiseConstructor = 131072,
}

/** Context of a direct eval call site, which decides what its code may contain. */
export const enum EvalFlags {
  /** The calling code is strict: the eval code is strict too. */
  Strict = 1,
  /** Inside a non-arrow function (or an arrow in one): `new.target` is allowed. */
  InFunction = 2,
  /** Inside a method: `super.x` is allowed. */
  InMethod = 4,
  /** Inside a derived class constructor: `super()` is allowed. */
  InDerivedCtor = 8,
  /** A direct eval (sees the caller's scope) rather than an indirect one. */
  Direct = 16,
  /** Inside a class field initializer: `arguments` is a SyntaxError (PerformEval). */
  InFieldInit = 32,
}

/** Describes the slots of one environment record, for inspection and snapshots. */
export interface ScopeDesc {
  readonly names: readonly string[];
  /**
   * Per slot: 0 = var/param, 1 = let, 2 = const, 3 = class, 4 = function, 5 = internal,
   * 6 = import, 7 = simple catch parameter
   */
  readonly kinds: readonly number[];
}

export interface FunctionCode {
  /** Index of this function in its program's `functions`. */
  readonly index: number;
  readonly name: string;
  /**
   * For a function without a name of its own: the name V8 infers from where it is
   * stored (`Parser.prototype.next = function …` → "Parser.next"), for stack traces only.
   */
  readonly inferredName?: string;
  readonly flags: number;
  /** Declared parameter count (registers 0..nparams-1). */
  readonly nparams: number;
  /** The function's `length` property. */
  readonly length: number;
  /** Total registers, parameters included. */
  readonly nlocals: number;
  readonly localNames: readonly string[];
  /**
   * Where block-scoped registers are in scope: (register, start, end) triples, end
   * exclusive, one per stretch of code emitted inside the block. A register with no
   * triple is in scope in the whole function. Only inspection reads it.
   */
  readonly liveRanges: Int32Array;
  /** Maximum operand-stack depth above the registers. */
  readonly maxStack: number;
  readonly code: Int32Array;
  /**
   * Source positions as triples (offset, line 1-based, column 0-based), by increasing
   * offset, one where the position changes: an instruction is at the last triple whose
   * offset is not after it (see `positionAt`). Most instructions share their
   * statement's position, so this is a few words per statement, not per code word.
   */
  readonly positions: Int32Array;
  readonly consts: readonly Constant[];
  /** Exception table: [start, end, handler, depth] per entry, innermost first. */
  readonly handlers: Int32Array;
  readonly scopes: readonly ScopeDesc[];
  /** Scope descriptor of the function-level environment, or -1. */
  readonly funcScope: number;
  /**
   * Only for functions with parameter expressions: the scope descriptor of the body's
   * variable environment, separate from the parameters' (funcScope), or -1 if it has
   * no environment record.
   */
  readonly varScope?: number;
  /** Source range, for Function.prototype.toString. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly col: number;
}

/** "eval" is a script whose run returns the completion value of its statements. */
/** The source line (1-based) and column (0-based) of the code word at `ip`. */
export function positionAt(fn: FunctionCode, ip: number): { line: number; col: number } {
  const p = fn.positions;
  let lo = 0;
  let hi = p.length / 3 - 1;
  if (hi < 0 || ip < p[0]) return { line: fn.line, col: fn.col };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p[mid * 3] <= ip) lo = mid;
    else hi = mid - 1;
  }
  return { line: p[lo * 3 + 1], col: p[lo * 3 + 2] };
}

export type ProgramKind = "script" | "commonjs" | "module" | "prelude" | "eval";

export interface Program {
  /** Content hash of (compiler version, kind, filename, source). */
  readonly hash: string;
  readonly kind: ProgramKind;
  readonly filename: string;
  readonly source: string;
  /** functions[0] is the top level. */
  readonly functions: readonly FunctionCode[];
  /** For eval code: the EvalFlags of its call site (part of the hash). */
  readonly evalFlags?: number;
  /** For an ES module: what it imports and exports (the loader links by this). */
  readonly module?: ModuleInfo;
}

/**
 * The static import/export shape of an ES module. Slots are indices into the module
 * environment (the top-level function's scope, where every top-level binding lives).
 */
export interface ModuleInfo {
  /** Module specifiers in first-appearance order; entries below refer to them by index. */
  readonly requests: readonly string[];
  /** Import bindings: a name, or "*" for a namespace import. */
  readonly imports: readonly { slot: number; request: number; name: string }[];
  /** `export { local as name }` and exported declarations. */
  readonly localExports: readonly { name: string; slot: number }[];
  /** `export { name as alias } from "m"`; name "*" for `export * as ns from "m"`. */
  readonly indirectExports: readonly { alias: string; request: number; name: string }[];
  /** `export * from "m"`. */
  readonly starExports: readonly number[];
  /** Slot of the hidden binding holding `import.meta`, or -1 if the module never reads it. */
  readonly metaSlot: number;
  /** Whether the top level uses `await` (the module evaluates asynchronously). */
  readonly hasTopLevelAwait: boolean;
}

/**
 * Bumped whenever emitted bytecode changes shape: snapshots record it. 7: sources of
 * 1 MB or more compile in chunks of statements (stream.ts), with different code.
 * 10: fused instructions (fuse.ts). 11: fused arithmetic with an integer or constant
 * operand, a local compared with an integer before a conditional jump, `this.x`.
 * 12: private methods installed before instance fields; modules of 1 MB or more stream.
 * 13: `o.x` on a local and `o.x = v;` fused; indirect eval code reads free names as
 * globals (GET_GLOBAL), not by RESOLVE. 14: `return a ? b : c` returns from each branch.
 * 15: two locals and their element read, arithmetic or jump, a local function and its
 * undefined `this`, `typeof x === "s"` and an element store as a statement fused.
 * 16: a postfix update of a local whose value is used (`a[i++]`), a block
 * declaration's TDZ mark, a local with a constant operand and a local then another's
 * property fused; two locals no longer fused ahead of a longer fusion.
 * 17: functions carry the name V8 infers for stack traces (`inferredName`), and a call
 * is placed where V8 places it (the callee's last name, else the "(").
 * 18: `return;` (and a function's end) and `return x` of a local fused with their RETURN,
 * a call's last argument when a local with its CALL, a method read with its call of no
 * arguments.
 * 19: functions in an array or object literal stored in a variable or property carry
 * the name V8 infers for them (`const list = [function () {}]` is "Array.list"), and a
 * class's initializers are "<static_initializer>" and "<instance_members_initializer>".
 * 20: a for-of step's look at its iterator result (ITER_CHECK through the value's
 * GET_PROP) and a generator's check of how it was resumed (DUP through RESUME_CHECK)
 * fused.
 */
export const COMPILER_VERSION = 20;

/**
 * Self-hosted helpers compiled code may call with CALL_HELPER, by index. The realm
 * resolves each name in the prelude's exports.
 */
export const HELPER_NAMES = [
  "copyDataProperties", // (target, source, excludedKeys?) → target
  "spreadInto", // (array, iterable) → array
  "iterToArray", // (iterator, next) → array of the remaining values
  "yieldStarStep", // (iterator, next, received, mode) → the inner iterator's result
  "getAsyncIterator", // (iterable) → async iterator (sync ones wrapped)
  "asyncIteratorClose", // (iterator, quiet) → promise of return()'s result (quiet: never rejects)
  "dynamicImport", // (specifier, referrer filename) → promise of the module namespace
  "disposeStack", // () → a new disposal stack for a scope with `using` declarations
  "disposeAdd", // (stack, value, async) → value, its dispose method recorded
  "disposeResources", // (stack, hasError, error) → undefined, or throws the final error
  "asyncDisposeResources", // (stack, hasError, error) → promise of the same
  "regexpCreate", // (pattern, flags) → a new RegExp (regex literals; SyntaxError if bad)
  "asyncYieldStarStep", // (iterator, next, received, mode) → the inner call's result, to await
  "resolveSlow", // (env, object, name) → reference base: `with` lookups that need guest code
] as const;

export const enum Helper {
  CopyDataProperties,
  SpreadInto,
  IterToArray,
  YieldStarStep,
  GetAsyncIterator,
  AsyncIteratorClose,
  DynamicImport,
  DisposeStack,
  DisposeAdd,
  DisposeResources,
  AsyncDisposeResources,
  RegexpCreate,
  AsyncYieldStarStep,
  ResolveSlow,
}

/** The live-range table of functions without block-scoped registers (shared, never written). */
export const NO_RANGES = new Int32Array(0);

/** Whether register `reg` of `fn` is in scope at code offset `ip` (see liveRanges). */
export function registerInScope(fn: FunctionCode, reg: number, ip: number): boolean {
  const r = fn.liveRanges;
  let ranged = false;
  for (let k = 0; k < r.length; k += 3) {
    if (r[k] !== reg) continue;
    if (ip >= r[k + 1] && ip < r[k + 2]) return true;
    ranged = true;
  }
  return !ranged;
}
