// The one table of opcodes. The emitter (stack-depth tracking), the interpreter,
// the disassembler and the snapshot validator all read it: adding an opcode is one
// edit to `Op` and one row in OPS (a test checks the two agree).
//
// Instruction format: one int32 word for the opcode followed by `operands.length`
// int32 words, inline in the function's Int32Array. Jump operands are absolute
// instruction offsets. Stack effects are [popped, pushed]; a function computes them
// for opcodes whose effect depends on an operand.

export const enum Op {
  NOP,
  UNDEF,
  NULL,
  TRUE,
  FALSE,
  INT,
  CONST,
  EMPTY,
  THIS,
  CALLEE,
  NEW_TARGET,
  POP,
  DUP,
  DUP2,
  SWAP,
  ROT3,
  ROT4,
  GET_LOCAL,
  GET_LOCAL_CHK,
  SET_LOCAL,
  SET_LOCAL_CHK,
  INIT_LOCAL,
  GET_ENV,
  GET_ENV_CHK,
  SET_ENV,
  SET_ENV_CHK,
  INIT_ENV,
  THROW_CONST,
  PUSH_ENV,
  POP_ENV,
  COPY_ENV,
  GET_GLOBAL,
  TYPEOF_GLOBAL,
  SET_GLOBAL,
  DECL_VAR,
  DECL_LEX,
  INIT_LEX,
  DEL_GLOBAL,
  GET_PROP,
  GET_ELEM,
  SET_PROP,
  SET_ELEM,
  DEL_PROP,
  DEL_ELEM,
  GET_METHOD,
  GET_METHOD_ELEM,
  NEW_OBJECT,
  NEW_ARRAY,
  DEF_PROP,
  DEF_ELEM,
  DEF_GETTER,
  DEF_SETTER,
  SET_PROTO,
  CLOSURE,
  ARGUMENTS,
  CALL,
  NEW,
  RETURN,
  THROW,
  /** Rethrow of a caught value by compiler-made code (finally, for-of close): keeps the throw site. */
  RETHROW,
  JUMP,
  JUMP_IF_FALSE,
  JUMP_IF_TRUE,
  JUMP_IF_FALSE_KEEP,
  JUMP_IF_TRUE_KEEP,
  JUMP_IF_NOT_NULLISH_KEEP,
  JSR,
  RET,
  NEG,
  PLUS,
  NOT,
  BITNOT,
  TYPEOF,
  TO_NUMERIC,
  TO_STRING,
  TO_PROPKEY,
  INC,
  DEC,
  ADD,
  SUB,
  MUL,
  DIV,
  MOD,
  EXP,
  BAND,
  BOR,
  BXOR,
  SHL,
  SAR,
  SHR,
  EQ,
  NE,
  SEQ,
  SNE,
  LT,
  LE,
  GT,
  GE,
  INSTANCEOF,
  IN,
  FOR_IN_START,
  FOR_IN_NEXT,
  GET_ITER,
  ITER_NEXT,
  ITER_CHECK,
  ITER_CLOSE,
  SAVE_ENV,
  RESTORE_ENV,
  CALL_HELPER,
  ARRAY_APPEND,
  ARRAY_HOLE,
  CALL_ARRAY,
  NEW_ARRAY_ARGS,
  REST,
  REQUIRE_COERCIBLE,
  CLASS,
  DEF_METHOD,
  SET_HOME,
  SET_CLASS_FIELDS,
  INIT_FIELDS,
  SUPER_CALL,
  SUPER_CALL_ARRAY,
  BIND_THIS,
  THIS_CHK,
  SUPER_GET,
  SUPER_GET_ELEM,
  SUPER_SET,
  SUPER_SET_ELEM,
  SUPER_METHOD,
  NEW_PRIVATE_NAME,
  PRIVATE_GET,
  PRIVATE_SET,
  PRIVATE_DEFINE,
  PRIVATE_HAS,
  DEFINE_FIELD,
  GENERATOR,
  YIELD,
  RESUME_CHECK,
  TEMPLATE_OBJECT,
  DEBUGGER,
  GET_IMPORT,
  RESOLVE,
  GET_REF,
  GET_REF_TYPEOF,
  SET_REF,
  DEL_REF,
  REF_THIS,
  PUSH_WITH,
  LEXICAL,
  DECL_EVAL_VAR,
  CALL_EVAL,
  SUPER_CALL_LEX,
  BIND_THIS_LEX,
  // Fused instructions (compiler/fuse.ts): each replaces the opcode word of the first
  // instruction of a common sequence, keeps its operands, and runs the whole sequence
  // in one dispatch when it can; otherwise it does what that first instruction does.
  GET_LOCAL_GET_LOCAL,
  GET_LOCAL_INT,
  GET_LOCAL_INC,
  LT_JUMP_IF_FALSE,
  LE_JUMP_IF_FALSE,
  GT_JUMP_IF_FALSE,
  GE_JUMP_IF_FALSE,
  SEQ_JUMP_IF_FALSE,
  SNE_JUMP_IF_FALSE,
  GET_ENV_UNDEF,
  SET_LOCAL_POP,
  INT_ARITH,
  CONST_ARITH,
  GET_LOCAL_INT_ARITH,
  GET_LOCAL_INT_JUMP,
  THIS_GET_PROP,
  GET_LOCAL_GET_PROP,
  SET_PROP_POP,
  EQ_JUMP_IF_FALSE,
  NE_JUMP_IF_FALSE,
  NULL_JUMP,
  // speed8's fused instructions (compiler/fuse.ts fuseLocalsAndTests).
  GET_LOCAL_UNDEF,
  GET_LOCALS_ELEM,
  GET_LOCALS_ARITH,
  GET_LOCALS_JUMP,
  TYPEOF_IS,
  SET_ELEM_POP,
  GET_LOCALS_IN_JUMP,
  GET_LOCALS_SET_ELEM,
  // speed11's fused instructions (compiler/fuse.ts fusePostfixAndDeclarations).
  GET_LOCAL_POSTINC,
  EMPTY_INIT_LOCAL,
  GET_LOCAL_CONST_ARITH,
  GET_LOCALS_GET_PROP,
  // speed12's fused instructions (compiler/fuse.ts fuseReturns).
  UNDEF_RETURN,
  GET_LOCAL_RETURN,
  GET_LOCAL_CALL,
  GET_METHOD_CALL,
  // speed16's fused instructions (compiler/fuse.ts fuseIterationAndResume).
  ITER_RESULT,
  RESUME_NEXT,
  // Keep this last: the number of opcodes.
  COUNT,
}

/** Kinds of operand words, for the disassembler and the snapshot validator. */
export type Operand =
  | "int" // an immediate integer
  | "const" // index into the function's constant pool
  | "name" // index into the constant pool; the constant is a string
  | "local" // register index
  | "hops" // number of environment records to walk up
  | "slot" // slot index inside an environment record
  | "scope" // index into the function's scope descriptors
  | "func" // index into the program's functions
  | "target" // absolute instruction offset
  | "argc"; // argument count

export interface OpInfo {
  readonly name: string;
  readonly operands: readonly Operand[];
  /** [popped, pushed]; a function of the operand words when it varies. */
  readonly stack:
    readonly [number, number] | ((code: ArrayLike<number>, at: number) => [number, number]);
  /** True when executing the opcode may push a guest frame (calls, getters, coercions). */
  readonly mayCall: boolean;
  /** For jumps: the stack depth change when the branch is taken, relative to before. */
  readonly branchDelta?: number;
}

const op = (
  name: string,
  operands: Operand[],
  stack: OpInfo["stack"],
  mayCall = false,
  branchDelta?: number,
): OpInfo => ({ name, operands, stack, mayCall, branchDelta });

const N: [number, number] = [0, 0];
const PUSH: [number, number] = [0, 1];
const UNARY: [number, number] = [1, 1];
const BINARY: [number, number] = [2, 1];

export const OPS: readonly OpInfo[] = [
  op("NOP", [], N),
  op("UNDEF", [], PUSH),
  op("NULL", [], PUSH),
  op("TRUE", [], PUSH),
  op("FALSE", [], PUSH),
  op("INT", ["int"], PUSH),
  op("CONST", ["const"], PUSH),
  op("EMPTY", [], PUSH),
  op("THIS", [], PUSH),
  op("CALLEE", [], PUSH),
  op("NEW_TARGET", [], PUSH),
  op("POP", [], [1, 0]),
  op("DUP", [], [1, 2]),
  op("DUP2", [], [2, 4]),
  op("SWAP", [], [2, 2]),
  op("ROT3", [], [3, 3]),
  op("ROT4", [], [4, 4]),
  op("GET_LOCAL", ["local"], PUSH),
  op("GET_LOCAL_CHK", ["local", "name"], PUSH),
  op("SET_LOCAL", ["local"], UNARY),
  op("SET_LOCAL_CHK", ["local", "name"], UNARY),
  op("INIT_LOCAL", ["local"], [1, 0]),
  op("GET_ENV", ["hops", "slot"], PUSH),
  op("GET_ENV_CHK", ["hops", "slot", "name"], PUSH),
  op("SET_ENV", ["hops", "slot"], UNARY),
  op("SET_ENV_CHK", ["hops", "slot", "name"], UNARY),
  op("INIT_ENV", ["hops", "slot"], [1, 0]),
  op("THROW_CONST", ["name"], N),
  op("PUSH_ENV", ["scope"], N),
  op("POP_ENV", [], N),
  op("COPY_ENV", [], N),
  op("GET_GLOBAL", ["name"], PUSH, true),
  op("TYPEOF_GLOBAL", ["name"], PUSH, true),
  op("SET_GLOBAL", ["name"], UNARY, true),
  op("DECL_VAR", ["name"], N),
  op("DECL_LEX", ["name", "int"], N),
  op("INIT_LEX", ["name"], [1, 0]),
  op("DEL_GLOBAL", ["name"], PUSH),
  op("GET_PROP", ["name"], UNARY, true),
  op("GET_ELEM", [], BINARY, true),
  op("SET_PROP", ["name"], BINARY, true),
  op("SET_ELEM", [], [3, 1], true),
  op("DEL_PROP", ["name"], UNARY, true),
  op("DEL_ELEM", [], BINARY, true),
  op("GET_METHOD", ["name"], [1, 2], true),
  op("GET_METHOD_ELEM", [], [2, 2], true),
  op("NEW_OBJECT", [], PUSH),
  op("NEW_ARRAY", ["int"], (c, at) => [c[at + 1], 1]),
  op("DEF_PROP", ["name"], BINARY),
  op("DEF_ELEM", [], [3, 1], true),
  op("DEF_GETTER", [], [3, 1], true),
  op("DEF_SETTER", [], [3, 1], true),
  op("SET_PROTO", [], BINARY),
  op("CLOSURE", ["func"], PUSH),
  op("ARGUMENTS", [], PUSH),
  op("CALL", ["argc", "const"], (c, at) => [c[at + 1] + 2, 1], true),
  op("NEW", ["argc", "const"], (c, at) => [c[at + 1] + 1, 1], true),
  op("RETURN", [], [1, 0], true),
  op("THROW", [], [1, 0]),
  op("RETHROW", [], [1, 0]),
  op("JUMP", ["target"], N),
  op("JUMP_IF_FALSE", ["target"], [1, 0], false, -1),
  op("JUMP_IF_TRUE", ["target"], [1, 0], false, -1),
  op("JUMP_IF_FALSE_KEEP", ["target"], [1, 0], false, 0),
  op("JUMP_IF_TRUE_KEEP", ["target"], [1, 0], false, 0),
  op("JUMP_IF_NOT_NULLISH_KEEP", ["target"], [1, 0], false, 0),
  op("JSR", ["target"], N, false, 1),
  op("RET", [], [1, 0]),
  op("NEG", [], UNARY, true),
  op("PLUS", [], UNARY, true),
  op("NOT", [], UNARY),
  op("BITNOT", [], UNARY, true),
  op("TYPEOF", [], UNARY),
  op("TO_NUMERIC", [], UNARY, true),
  op("TO_STRING", [], UNARY, true),
  op("TO_PROPKEY", [], UNARY, true),
  op("INC", [], UNARY),
  op("DEC", [], UNARY),
  op("ADD", [], BINARY, true),
  op("SUB", [], BINARY, true),
  op("MUL", [], BINARY, true),
  op("DIV", [], BINARY, true),
  op("MOD", [], BINARY, true),
  op("EXP", [], BINARY, true),
  op("BAND", [], BINARY, true),
  op("BOR", [], BINARY, true),
  op("BXOR", [], BINARY, true),
  op("SHL", [], BINARY, true),
  op("SAR", [], BINARY, true),
  op("SHR", [], BINARY, true),
  op("EQ", [], BINARY, true),
  op("NE", [], BINARY, true),
  op("SEQ", [], BINARY),
  op("SNE", [], BINARY),
  op("LT", [], BINARY, true),
  op("LE", [], BINARY, true),
  op("GT", [], BINARY, true),
  op("GE", [], BINARY, true),
  op("INSTANCEOF", [], BINARY, true),
  op("IN", [], BINARY, true),
  op("FOR_IN_START", [], UNARY, true),
  // Iteration state lives in registers: the for-in iterator, or an iterator and its
  // `next` method in registers r and r+1, so break/continue/throw need no stack fixup.
  // It may call a helper (a proxy's traps while filtering keys) and run again after.
  op("FOR_IN_NEXT", ["local", "target"], [0, 1], true, 0),
  op("GET_ITER", [], UNARY, true),
  op("ITER_NEXT", ["local"], PUSH, true),
  op("ITER_CHECK", [], UNARY),
  op("ITER_CLOSE", ["local", "int"], N, true),
  op("SAVE_ENV", ["local"], N),
  op("RESTORE_ENV", ["local"], N),
  // Calls a self-hosted helper (HELPER_NAMES in bytecode.ts) on the top argc values.
  op("CALL_HELPER", ["int", "argc"], (c, at) => [c[at + 2], 1], true),
  op("ARRAY_APPEND", [], BINARY),
  op("ARRAY_HOLE", [], UNARY),
  // f this argsArray → result: a call whose arguments come from an array (spread).
  op("CALL_ARRAY", ["const"], [3, 1], true),
  // ctor argsArray → object: `new` with spread arguments.
  op("NEW_ARRAY_ARGS", ["const"], [2, 1], true),
  // The arguments from index `int` on, as a new array (rest parameters).
  op("REST", ["int"], PUSH),
  // Throws TypeError when the top value is undefined or null (destructuring).
  op("REQUIRE_COERCIBLE", ["const"], UNARY),
  // Classes. CLASS: [superclass if the int is 1] → [constructor, prototype].
  op("CLASS", ["func", "int"], (c, at) => [c[at + 2], 2], false),
  // obj key fn → obj: a non-enumerable method (0), getter (1) or setter (2).
  op("DEF_METHOD", ["int"], [3, 1]),
  op("SET_HOME", [], BINARY),
  // constructor initFn →: the function that defines instance fields.
  op("SET_CLASS_FIELDS", [], [2, 0]),
  op("INIT_FIELDS", [], N, true),
  // args → new object: [[Construct]] of the parent class with this new.target.
  op("SUPER_CALL", ["argc"], (c, at) => [c[at + 1], 1], true),
  op("SUPER_CALL_ARRAY", [], UNARY, true),
  // obj → obj: binds `this` in a derived constructor (ReferenceError if bound).
  op("BIND_THIS", [], UNARY),
  op("THIS_CHK", [], PUSH),
  // super.x with the receiver on the stack: [this] → value, etc.
  op("SUPER_GET", ["name"], UNARY, true),
  op("SUPER_GET_ELEM", [], BINARY, true),
  op("SUPER_SET", ["name"], BINARY, true),
  op("SUPER_SET_ELEM", [], [3, 1], true),
  op("SUPER_METHOD", ["name"], [1, 2], true),
  op("NEW_PRIVATE_NAME", ["name"], PUSH),
  op("PRIVATE_GET", [], BINARY, true),
  op("PRIVATE_SET", [], [3, 1], true),
  // obj name value → obj: a private field (0), method (1), getter (2) or setter (3).
  op("PRIVATE_DEFINE", ["int"], [3, 1]),
  op("PRIVATE_HAS", [], BINARY),
  // obj key value → obj: CreateDataPropertyOrThrow (class fields).
  op("DEFINE_FIELD", [], [3, 1]),
  // Generators and async functions: coroutines whose frame is parked in an object.
  // GENERATOR ends the call, returning the generator (or, for async functions, the
  // promise the driver makes); YIELD parks the frame; on resume the stack holds
  // [value, mode] (mode 0 next, 1 throw, 2 return). The int of YIELD is 0 to wrap
  // the value in {value, done: false}, 1 to yield an iterator result as is (yield*).
  op("GENERATOR", [], N, true),
  op("YIELD", ["int"], [1, 2], true),
  // [value mode] → [value]; throws value when mode is 1.
  op("RESUME_CHECK", [], BINARY),
  // The frozen strings array of a tagged template call site (cached per site); the
  // constant is JSON {c: cooked strings (null if invalid), r: raw strings}.
  op("TEMPLATE_OBJECT", ["const"], PUSH),
  op("DEBUGGER", [], N),
  // An ES module import binding: its slot links to the exporter's binding (TDZ-checked).
  op("GET_IMPORT", ["hops", "slot", "name"], PUSH),
  // Names resolved at run time (inside `with`, around and inside direct eval): RESOLVE
  // walks the environment chain and pushes the reference's base (an environment
  // record, a `with` object, or undefined for the global scope); the others use it.
  op("RESOLVE", ["name"], PUSH, true),
  op("GET_REF", ["name"], UNARY, true),
  // Like GET_REF, but an unresolvable name reads as undefined (typeof).
  op("GET_REF_TYPEOF", ["name"], UNARY, true),
  // base value → value
  op("SET_REF", ["name"], BINARY, true),
  op("DEL_REF", ["name"], UNARY, true),
  // base → the `this` of a call through the reference (the `with` object or undefined)
  op("REF_THIS", [], UNARY),
  // obj →: enters a `with` object environment (popped with POP_ENV).
  op("PUSH_WITH", [], [1, 0]),
  // The nearest %this / %newtarget / %fn binding up the environment chain (eval code
  // and arrows), or the global this / undefined when there is none.
  op("LEXICAL", ["name"], PUSH),
  // Sloppy eval code's var (int 0) or function (int 1) declaration, made in the
  // caller's variable environment (or the global object).
  op("DECL_EVAL_VAR", ["name", "int"], N),
  // Like CALL; when the callee is the realm's eval, a direct eval in this scope.
  // argc -1: the arguments are one array (eval(...args)).
  op("CALL_EVAL", ["argc", "const"], (c, at) => [c[at + 1] < 0 ? 3 : c[at + 1] + 2, 1], true),
  // fn newTarget args → object: super(...) where the constructor is not the running
  // frame (arrows, eval code); argc -1 means one array of arguments.
  op("SUPER_CALL_LEX", ["int"], (c, at) => [c[at + 1] < 0 ? 3 : c[at + 1] + 2, 1], true),
  // fn obj → obj: binds the constructor's %this binding and runs its field initializers.
  op("BIND_THIS_LEX", [], [2, 1], true),
  // Fused instructions: operands and stack effect of the first instruction they stand
  // for (what the validators see), which stays in the code after them.
  op("GET_LOCAL_GET_LOCAL", ["local"], PUSH),
  op("GET_LOCAL_INT", ["local"], PUSH),
  op("GET_LOCAL_INC", ["local"], PUSH),
  op("LT_JUMP_IF_FALSE", [], BINARY, true),
  op("LE_JUMP_IF_FALSE", [], BINARY, true),
  op("GT_JUMP_IF_FALSE", [], BINARY, true),
  op("GE_JUMP_IF_FALSE", [], BINARY, true),
  op("SEQ_JUMP_IF_FALSE", [], BINARY),
  op("SNE_JUMP_IF_FALSE", [], BINARY),
  op("GET_ENV_UNDEF", ["hops", "slot"], PUSH),
  op("SET_LOCAL_POP", ["local"], UNARY),
  op("INT_ARITH", ["int"], PUSH),
  op("CONST_ARITH", ["const"], PUSH),
  op("GET_LOCAL_INT_ARITH", ["local"], PUSH),
  op("GET_LOCAL_INT_JUMP", ["local"], PUSH),
  op("THIS_GET_PROP", [], PUSH),
  op("GET_LOCAL_GET_PROP", ["local"], PUSH),
  op("SET_PROP_POP", ["name"], BINARY, true),
  op("EQ_JUMP_IF_FALSE", [], BINARY, true),
  op("NE_JUMP_IF_FALSE", [], BINARY, true),
  op("NULL_JUMP", [], PUSH),
  op("GET_LOCAL_UNDEF", ["local"], PUSH),
  op("GET_LOCALS_ELEM", ["local"], PUSH),
  op("GET_LOCALS_ARITH", ["local"], PUSH),
  op("GET_LOCALS_JUMP", ["local"], PUSH),
  op("TYPEOF_IS", [], UNARY),
  op("SET_ELEM_POP", [], [3, 1], true),
  op("GET_LOCALS_IN_JUMP", ["local"], PUSH),
  op("GET_LOCALS_SET_ELEM", ["local"], PUSH),
  op("GET_LOCAL_POSTINC", ["local"], PUSH),
  op("EMPTY_INIT_LOCAL", [], PUSH),
  op("GET_LOCAL_CONST_ARITH", ["local"], PUSH),
  op("GET_LOCALS_GET_PROP", ["local"], PUSH),
  op("UNDEF_RETURN", [], PUSH),
  op("GET_LOCAL_RETURN", ["local"], PUSH),
  op("GET_LOCAL_CALL", ["local"], PUSH),
  op("GET_METHOD_CALL", ["name"], [1, 2], true),
  op("ITER_RESULT", [], UNARY),
  op("RESUME_NEXT", [], [1, 2]),
];

/** Total size in words of the instruction starting at `at`. */
export function instructionSize(code: ArrayLike<number>, at: number): number {
  return 1 + OPS[code[at]].operands.length;
}

export function stackEffect(code: ArrayLike<number>, at: number): [number, number] {
  const s = OPS[code[at]].stack;
  return typeof s === "function" ? s(code, at) : (s as [number, number]);
}
