// The realm: intrinsic objects, the global object, the self-hosted prelude and the
// job queue. A realm is built the same way every time, so every intrinsic gets the
// same index in every VM: snapshots refer to intrinsics by that index and copy only
// those the program changed.

import * as fs from "node:fs";
import * as path from "node:path";
import { compile } from "../../compiler";
import { HELPER_NAMES, type Program } from "../../compiler/bytecode";
import { Env } from "../model/env";
import { cachedPreludeFiles } from "./prelude-cache";
import {
  ArrayObject,
  BoundFunction,
  ErrorObject,
  FunctionObject,
  GeneratorObject,
  JSObject,
  NativeFunction,
  PF,
  PrimitiveObject,
  Prop,
  UNLISTED_INTRINSIC,
  objectBirth,
} from "../model/object";
import { JSSymbol, PrivateName, type Value } from "../model/value";
import { DEFAULT_MAX_CALL_DEPTH, VM } from "../interpreter/interpreter";
import { silentHost } from "../host";
import { enterAccount } from "../model/heap";
import {
  copyPristine,
  describePristine,
  numberReachable,
  settleIntrinsicModes,
  type PristineRealm,
} from "./realm-clone";
import { installObject } from "../builtins/object";
import { installFunction, installFunctionKinds } from "../builtins/function";
import {
  installErrors,
  installAggregateError,
  installSuppressedError,
  captureErrorStack,
  siteOf,
} from "../builtins/error";
import { installGlobals } from "../builtins/global";
import { installArray } from "../builtins/array";
import { installGenerator } from "../builtins/generator";
import { installIterator } from "../builtins/iterator";
import { installString } from "../builtins/string";
import { installNumber } from "../builtins/number";
import { installMath } from "../builtins/math";
import { installJSON } from "../builtins/json";
import { installSymbol } from "../builtins/symbol";
import { installConsole } from "../builtins/console";
import { installProcess, hasTicks, takeTick } from "../builtins/process";
import { installInternals, installMoreInternals } from "../builtins/internals";
import { installNameInternals } from "../interpreter/names";
import { installTimers, type Timer } from "../builtins/timers";
import { installHostInternals, keepsAlive, newHostOpsState } from "../host-ops/gateway";
import { installCollections } from "../builtins/collections";
import { installReflect } from "../builtins/reflect";
import { installModuleInternals } from "./esm";
import { installNodeInternals } from "../builtins/node-internals";
import { installDate } from "../builtins/date";
import { installIntl } from "../builtins/intl";
import { installRegExp } from "../builtins/regexp";
import { installProxy } from "../builtins/proxy";
import { installTypedArrays } from "../builtins/typedarray";
import { installSharedMemory } from "../builtins/shared-memory";
import { installURL } from "../builtins/url";
import { installWork } from "../builtins/work";
import { installRegExpWork } from "../builtins/regexp-work";
import { Op } from "../../compiler/opcodes";

import { WELL_KNOWN } from "../model/well-known";
export { WELL_KNOWN };

/** Self-hosted helpers the interpreter calls for slow paths (see prelude/). */
export interface Helpers {
  add: JSObject;
  toNumber: JSObject;
  toNumeric: JSObject;
  toString: JSObject;
  toPropertyKey: JSObject;
  looseEquals: JSObject;
  looseNotEquals: JSObject;
  lt: JSObject;
  le: JSObject;
  gt: JSObject;
  ge: JSObject;
  instanceOf: JSObject;
  numericOp: JSObject;
  getIterator: JSObject;
  iteratorClose: JSObject;
  coerceThenCall: JSObject;
  arrayIteratorSlowNext: JSObject;
  stringReplace: JSObject;
  stringMatch: JSObject;
  stringMatchAll: JSObject;
  stringSearch: JSObject;
  stringSplit: JSObject;
  stringSearchNoRegExp: JSObject;
  inspectGuestLoop: JSObject;
  regexpConstruct: JSObject;
  regexpExecSlow: JSObject;
  stringRaw: JSObject;
  jsonRevive: JSObject;
  /** prelude/00-core.js: finishes a native's sliced work (builtins/work.ts). */
  finishWork: JSObject;
  /** prelude/99-exports.js: `typeof g` of a global accessor g runs its getter. */
  typeofGetter: JSObject;
  /** prelude/00-core.js: a for-in start over a chain with a huge object (for-in-work.ts). */
  forInSliced: JSObject;
  /** prelude/40-promise.js: an async function's await and return when guest code may run. */
  asyncAwaitSlow: JSObject;
  asyncResolveSlow: JSObject;
  /** prelude/40-promise.js: what the promise fast paths of builtins/promise-core.ts need. */
  asyncStep: JSObject;
  promiseCtor: JSObject;
  promisePrototype: JSObject;
  promiseSpeciesGetter: JSObject;
  promiseReactionJob: JSObject;
  resolveThenableJob: JSObject;
  runMain: JSObject;
  runMainModule: JSObject;
  dynamicImport: JSObject;
  asyncGenStart: JSObject;
  objectToStringTag: JSObject;
  aggregateErrorFromIterable: JSObject;
  /** prelude/25-error.js: Error.captureStackTrace with Error.prepareStackTrace set. */
  prepareStackTraceCall: JSObject;
  collectionInit: JSObject;
  collectionFillSliced: JSObject;
  mapInsertComputed: JSObject;
  reflectSetterCall: JSObject;
  reflectSetSlow: JSObject;
  dateConstruct: JSObject;
  uspInit: JSObject;
  urlConstruct: JSObject;
  ordinaryToPrimitive: JSObject;
  /** prelude/55-proxy.js: a proxy's internal methods and friends (see builtins/proxy.ts). */
  proxy: JSObject;
  typedArrayStore: JSObject;
}

/**
 * A microtask: a call of `fn`, or — when `fn` is an async function's coroutine — the
 * resumption of its frame after an await, `thisArg` the mode (0 fulfilled, 1 rejected)
 * and `args[0]` the value.
 */
export interface Job {
  fn: JSObject;
  thisArg: Value;
  args: Value[];
  /** The async context the job runs in (node:async_hooks), if any. */
  ctx?: Value;
}

let preludeProgram: Program | null = null;

/** The prelude's source: vm/prelude/*.js concatenated in name order. */
function loadPrelude(): Program {
  if (preludeProgram) return preludeProgram;
  const candidates = [
    path.join(__dirname, "..", "prelude"),
    path.join(__dirname, "..", "..", "..", "vm", "prelude"),
  ];
  const dir = candidates.find((d) => fs.existsSync(d));
  if (!dir) throw new Error("jaunt: cannot find the self-hosted prelude (vm/prelude)");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort()
    .map((f) => path.join(dir, f));
  const readSource = () =>
    files.map((f) => `// ---- ${path.basename(f)}\n` + fs.readFileSync(f, "utf8")).join("\n");
  preludeProgram = cachedPreludeFiles(files, readSource, (source) =>
    compile(source, { kind: "prelude", filename: "jaunt:prelude" }),
  );
  return preludeProgram;
}

let pristine: PristineRealm | null = null;
let buildingPristine = false;
let realmsMade = 0;

/**
 * The process's pristine realm: built from scratch when a second realm is made, in a
 * VM of its own that never runs guest code afterwards, with a host that grants and
 * prints nothing. The first realm runs its prelude itself: a process that makes one
 * VM (vmrun hello.js) pays nothing for the copy.
 */
/**
 * Builds the pristine realm now (Jaunt.prepare), so that the process's first VM is a
 * copy too. Only before the first VM: once VMs exist, the next one builds it when
 * needed, and a VM paused between slices never has a realm built under it.
 */
export function buildPristineRealm(): void {
  if (realmsMade > 0) return;
  realmsMade = 1;
  pristineRealm();
}

export function pristineRealm(): PristineRealm | null {
  if (pristine || realmsMade++ === 0) return pristine;
  buildingPristine = true;
  const outer = enterAccount(null);
  try {
    const vm = new VM(silentHost());
    pristine = new Realm(vm, { fromScratch: true }).pristine;
  } finally {
    enterAccount(outer);
    buildingPristine = false;
  }
  return pristine;
}

export class Realm {
  ObjectPrototype!: JSObject;
  FunctionPrototype!: JSObject;
  ArrayPrototype!: JSObject;
  StringPrototype!: JSObject;
  NumberPrototype!: JSObject;
  BooleanPrototype!: JSObject;
  SymbolPrototype!: JSObject;
  BigIntPrototype!: JSObject;
  IteratorPrototype!: JSObject;
  ArrayIteratorPrototype!: JSObject;
  GeneratorPrototype!: JSObject;
  AsyncGeneratorPrototype!: JSObject;
  GeneratorFunctionPrototype!: JSObject;
  AsyncFunctionPrototype!: JSObject;
  AsyncGeneratorFunctionPrototype!: JSObject;
  MapPrototype!: JSObject;
  SetPrototype!: JSObject;
  MapIteratorPrototype!: JSObject;
  SetIteratorPrototype!: JSObject;
  WeakMapPrototype!: JSObject;
  WeakSetPrototype!: JSObject;
  WeakRefPrototype!: JSObject;
  FinalizationRegistryPrototype!: JSObject;
  // Installers' objects their natives reach through the realm they are called in (a
  // native's host closure is shared by every realm, see realm-clone.ts).
  ArrayBufferPrototype!: JSObject;
  SharedArrayBufferPrototype!: JSObject;
  DataViewPrototype!: JSObject;
  DatePrototype!: JSObject;
  RegExpPrototype!: JSObject;
  RegExpStringIteratorPrototype!: JSObject;
  StringIteratorPrototype!: JSObject;
  TypedArrayPrototype!: JSObject;
  URLPrototype!: JSObject;
  URLSearchParamsPrototype!: JSObject;
  TimeoutPrototype!: JSObject;
  ErrorConstructor!: JSObject;
  /** console's group indentation, counters and timers (guest data, builtins/console.ts). */
  consoleState!: JSObject;
  /** Per typed-array kind (index in ELEMENT_TYPES): its prototype and constructor. */
  typedArrayPrototypes: JSObject[] = [];
  typedArrayConstructors: JSObject[] = [];
  readonly errorPrototypes = new Map<string, JSObject>();
  global!: JSObject;
  /** Internal natives handed to the prelude as `$`; unreachable from guest code. */
  internals!: JSObject;
  helpers!: Helpers;
  /** Helpers by index, for CALL_HELPER. */
  helperList: JSObject[] = [];
  FunctionPrototypeHasInstance: Value = undefined;
  ArrayProtoValues: Value = undefined;
  ThrowTypeError!: JSObject;
  readonly wellKnown = WELL_KNOWN;
  /** Script-mode global let/const/class bindings. */
  readonly globalLex = new Map<string, { value: Value; mutable: boolean }>();
  readonly symbolRegistry = new Map<string, JSSymbol>();
  /** Pending jobs (microtasks), run when the stack is empty. */
  readonly jobs: Job[] = [];
  /** Pending timers and immediates (see builtins/timers.ts). */
  timers: Timer[] = [];
  nextTimerId = 1;
  /**
   * The event loop's notion of now, updated once per loop turn like libuv's cached
   * loop time: timers scheduled in the same turn share one base time.
   */
  loopNow = 0;
  /**
   * Set by a resume: the loop time is from before the snapshot, and the next read
   * (loopTime) takes the host clock instead. Not itself part of a snapshot, so a
   * resume alone changes no state: snapshotting again gives the same bytes.
   */
  loopTimeStale = false;
  timerSeq = 0;
  /**
   * Where the event loop's turn is (nextTask): 0 between turns; -(n + 1) in the timers
   * phase, which runs the due timers with sequence numbers below n; n > 0 in the check
   * phase, which runs the immediates below n (those they schedule wait for the next
   * turn). Snapshot data.
   */
  loopPhase = 0;
  /** Pending host operations and the handle table (see gateway.ts): guest data. */
  hostOps = newHostOpsState();
  /** Tagged-template strings arrays, one per call site (program hash + site). */
  templates = new Map<string, JSObject>();
  /**
   * The getters of globals loaded on first use, with the typeof of what they load
   * (typeof does not call a getter). Filled by the prelude, so rebuilt with every realm.
   */
  readonly lazyGlobalTypes = new WeakMap<JSObject, string>();
  /** Rejected promises nobody handled yet: [promise, reason]. */
  rejections: [JSObject, Value][] = [];
  /**
   * The current async context (node:async_hooks' AsyncLocalStorage stores: a guest
   * object, or undefined when none is set). Each job, tick, timer and promise reaction
   * records the context it was queued in; the event loop sets it when one starts.
   */
  asyncContext: Value = undefined;
  /** Every object of the pristine realm, in a deterministic order (index = intrinsicId). */
  intrinsics: JSObject[] = [];
  intrinsicEnvs: Env[] = [];
  /**
   * The slots of each intrinsic environment as start-up left them: snapshots carry
   * the ones that differ (a self-hosted function may assign a captured variable).
   */
  intrinsicEnvSlots: Value[][] = [];
  /** Private names made by the prelude's classes (Promise's internal slots). */
  intrinsicPrivateNames: PrivateName[] = [];
  /**
   * Native implementations by stable id, for snapshot decoding. A copy shares the
   * pristine realm's: a native's host closure serves every realm.
   */
  natives = new Map<string, { impl: import("../model/object").NativeImpl; ctor: boolean }>();
  preludeProgram!: Program;
  preludeHash = "";
  /** Math.random's PRNG state; the embedder seeds it after the realm is built. */
  randomState: number[] = [0x9e3779b9, 0x243f6a88];
  /**
   * Guest instructions the prelude ran to build this realm. Kept low: every VM pays
   * them, and past ~16k V8 compiles the interpreter loop (on-stack replacement)
   * during a short program, a compile node waits for at exit (see README, Start-up).
   */
  startupSteps = 0;
  /** The value the last bottom frame returned (the prelude's exports at startup). */
  lastReturn: Value = undefined;
  /** Set on the pristine realm: what copying it into another realm needs. */
  pristine: PristineRealm | null = null;
  /** Whether this realm ran the prelude or copied its work from the pristine realm. */
  builtBy: "prelude" | "copy" = "prelude";

  /**
   * `fromScratch` runs the prelude here instead of copying the pristine realm's work
   * (the pristine realm itself, and tests that compare the two).
   */
  constructor(
    readonly vm: VM,
    opts: { fromScratch?: boolean } = {},
  ) {
    // Built before this realm starts numbering objects (it is a realm of its own).
    const template = opts.fromScratch ? null : pristineRealm();
    objectBirth.id = UNLISTED_INTRINSIC;
    try {
      vm.realm = this;
      if (template) {
        this.copyPrelude(template);
        return;
      }
      this.ObjectPrototype = new JSObject(null);
      this.FunctionPrototype = new NativeFunction(
        this.ObjectPrototype,
        "Function.prototype",
        () => undefined,
        false,
      );
      this.global = new JSObject(this.ObjectPrototype, "global");
      this.internals = new JSObject(null, "internals");
      this.installBuiltins();
      this.build();
    } finally {
      objectBirth.id = -1;
    }
  }

  /**
   * Built-in objects that no property of the global or of the internals leads to
   * (prototypes only natives' closures hold, like %StringIteratorPrototype%): they
   * join the intrinsic table by name, so snapshots refer to them by index and a
   * guest's change to one survives a resume.
   */
  readonly hiddenIntrinsics = new Map<string, JSObject>();
  registerIntrinsic(name: string, o: JSObject): void {
    if (this.hiddenIntrinsics.has(name)) throw new Error(`intrinsic ${name} registered twice`);
    this.hiddenIntrinsics.set(name, o);
  }

  /** The native built-ins (their host closures reach the realm through the VM). */
  private installBuiltins(): void {
    installObject(this);
    installFunction(this);
    installSymbol(this);
    installErrors(this);
    installAggregateError(this);
    installSuppressedError(this);
    installArray(this);
    installGenerator(this);
    installIterator(this);
    installFunctionKinds(this);
    installString(this);
    installNumber(this);
    installMath(this);
    installJSON(this);
    installGlobals(this);
    installConsole(this);
    installProcess(this);
    installTimers(this);
    installHostInternals(this);
    installCollections(this);
    installReflect(this);
    installModuleInternals(this);
    installNodeInternals(this);
    installDate(this);
    installIntl(this);
    installRegExp(this);
    installRegExpWork(this);
    installProxy(this);
    installTypedArrays(this);
    installSharedMemory(this);
    installURL(this);
    installWork(this);
    installNameInternals(this);
    installInternals(this);
    installMoreInternals(this, {
      NEG: Op.NEG,
      SUB: Op.SUB,
      MUL: Op.MUL,
      DIV: Op.DIV,
      MOD: Op.MOD,
      EXP: Op.EXP,
      BAND: Op.BAND,
      BOR: Op.BOR,
      BXOR: Op.BXOR,
      SHL: Op.SHL,
      SAR: Op.SAR,
      SHR: Op.SHR,
    });
    this.FunctionPrototypeHasInstance = this.FunctionPrototype.props.get(
      WELL_KNOWN.hasInstance,
    )!.value;
    this.ArrayProtoValues = this.ArrayPrototype.props.get("values")!.value;
  }

  /** The roots the intrinsic table is numbered from, in a fixed order. */
  private intrinsicRoots(): unknown[] {
    const roots: unknown[] = [this.global, this.internals];
    if (this.helpers) {
      const h = this.helpers as unknown as Record<string, JSObject>;
      for (const k of Object.keys(h).sort()) roots.push(h[k]);
    }
    roots.push(
      this.ObjectPrototype,
      this.FunctionPrototype,
      this.IteratorPrototype,
      this.ArrayIteratorPrototype,
      this.GeneratorPrototype,
      this.AsyncGeneratorPrototype,
      this.ThrowTypeError,
    );
    for (const k of [...this.errorPrototypes.keys()].sort())
      roots.push(this.errorPrototypes.get(k));
    for (const k of [...this.hiddenIntrinsics.keys()].sort())
      roots.push(this.hiddenIntrinsics.get(k));
    return roots;
  }

  /** Runs the prelude and numbers the intrinsics (the pristine realm, or fromScratch). */
  private build(): void {
    const vm = this.vm;
    this.runPrelude();
    // Start-up leaves stale values in the operand stack's dead slots: they are not
    // the program's, and a snapshot would otherwise copy them.
    vm.stack.fill(undefined);
    this.collectIntrinsics();
    if (buildingPristine) this.pristine = describePristine(this);
    else settleIntrinsicModes(this);
    // Steps count the program's instructions, not the realm's setup.
    this.startupSteps = vm.steps;
    vm.steps = 0;
  }

  /** What building from scratch would make, copied from the pristine realm (see realm-clone.ts). */
  private copyPrelude(pristine: PristineRealm): void {
    this.builtBy = "copy";
    const from = pristine.realm;
    this.preludeProgram = this.vm.registerProgram(from.preludeProgram);
    this.preludeHash = from.preludeHash;
    this.natives = from.natives;
    const map = copyPristine(this, pristine);
    this.copyFields(pristine, map);
  }

  /**
   * The realm's own references to intrinsics (prototypes, helpers, the global…),
   * mapped onto the copy: every field holding an object, and the containers below.
   */
  private copyFields(pristine: PristineRealm, map: (v: Value) => Value): void {
    const from = pristine.realm;
    const self = this as unknown as Record<string, unknown>;
    for (const [k, id] of pristine.objectFields) self[k] = this.intrinsics[id];
    const mapObject = (o: JSObject) => map(o) as JSObject;
    const h: Record<string, JSObject> = {};
    for (const [k, f] of Object.entries(from.helpers)) h[k] = mapObject(f as JSObject);
    this.helpers = h as unknown as Helpers;
    this.helperList = from.helperList.map(mapObject);
    this.typedArrayPrototypes = from.typedArrayPrototypes.map(mapObject);
    this.typedArrayConstructors = from.typedArrayConstructors.map(mapObject);
    for (const [k, o] of from.errorPrototypes) this.errorPrototypes.set(k, mapObject(o));
    for (const [k, o] of from.hiddenIntrinsics) this.hiddenIntrinsics.set(k, mapObject(o));
    for (const [k, s] of from.symbolRegistry) this.symbolRegistry.set(k, s);
    for (const [k, t] of from.templates) this.templates.set(k, mapObject(t));
    this.startupSteps = from.startupSteps;
  }

  private runPrelude(): void {
    const program = this.vm.registerProgram(loadPrelude());
    this.preludeProgram = program;
    this.preludeHash = program.hash;
    const main = this.vm.makeClosure(program, program.functions[0], null);
    this.vm.pushBottomCall(main, undefined, [this.global, this.internals]);
    // The embedder's call-depth limit is for the program: the realm's own setup must
    // not fail (a host crash) under a small one such as --max-call-depth 1.
    // Nor does the deadline count the realm's setup.
    const { maxCallDepth: depth, deadlineMs } = this.vm.limits;
    this.vm.limits.maxCallDepth = Math.max(depth, DEFAULT_MAX_CALL_DEPTH);
    this.vm.limits.deadlineMs = Infinity;
    let status;
    try {
      status = this.vm.run();
    } finally {
      this.vm.limits.maxCallDepth = depth;
      this.vm.limits.deadlineMs = deadlineMs;
    }
    if (status !== "done" || this.vm.uncaught) {
      const u = this.vm.uncaught;
      throw new Error(`jaunt: the prelude failed: ${u ? this.describeForHost(u.value) : status}`);
    }
    const exports = this.lastReturn as JSObject;
    const h = {} as Record<string, JSObject>;
    for (const [k, p] of exports.props) h[k as string] = p.value as JSObject;
    this.helpers = h as unknown as Helpers;
    this.helperList = HELPER_NAMES.map((n) => {
      if (!h[n]) throw new Error(`jaunt: the prelude does not export helper ${n}`);
      return h[n];
    });
    this.lastReturn = undefined;
  }

  /** For internal error messages only. */
  describeForHost(v: Value): string {
    if (v instanceof JSObject) {
      const m = v.getOwnProperty("stack") ?? v.getOwnProperty("message");
      return m ? String(m.value) : `[object ${v.cls}]`;
    }
    return String(v);
  }

  /**
   * Numbers every object reachable from the realm's roots, in a fixed traversal
   * order, and marks them clean. Snapshots encode these as references.
   */
  private collectIntrinsics(): void {
    const { objects, envs, privateNames } = numberReachable(this.intrinsicRoots());
    for (const o of objects) o.dirty = false;
    this.intrinsics = objects;
    this.intrinsicEnvs = envs;
    this.intrinsicEnvSlots = envs.map((e) => e.slots.slice());
    this.intrinsicPrivateNames = privateNames;
  }

  // ---- objects ---------------------------------------------------------------

  toObject(v: Value): JSObject {
    if (v instanceof JSObject) return v;
    if (v === undefined || v === null)
      return this.vm.throwTypeError("Cannot convert undefined or null to object");
    switch (typeof v) {
      case "string":
        return new PrimitiveObject(this.StringPrototype, "String", v);
      case "number":
        return new PrimitiveObject(this.NumberPrototype, "Number", v);
      case "boolean":
        return new PrimitiveObject(this.BooleanPrototype, "Boolean", v);
      case "bigint":
        return new PrimitiveObject(this.BigIntPrototype, "BigInt", v);
      default:
        return new PrimitiveObject(this.SymbolPrototype, "Symbol", v);
    }
  }

  makeError(kind: string, message: string, proto?: JSObject): ErrorObject {
    const e = new ErrorObject(
      proto ?? this.errorPrototypes.get(kind) ?? this.errorPrototypes.get("Error")!,
    );
    if (message !== undefined) e.props.set("message", new Prop(message, PF.Hidden));
    captureErrorStack(this.vm, e, kind, message, this.vm.captureStack(true));
    return e;
  }

  /** Re-captures an error's stack (see VM.staleStackError). */
  refreshStack(e: ErrorObject): void {
    const p = e.props.get("stack");
    const m = e.props.get("message");
    const name = e.proto?.props.get("name")?.value;
    if (p && typeof name === "string")
      captureErrorStack(this.vm, e, name, m ? String(m.value) : undefined, this.vm.captureStack());
    else e.site = siteOf(this.vm.captureStack());
  }

  newArray(elems: Value[]): ArrayObject {
    return new ArrayObject(this.ArrayPrototype, elems);
  }

  newObject(): JSObject {
    return new JSObject(this.ObjectPrototype);
  }

  // ---- jobs --------------------------------------------------------------------

  enqueueJob(job: Job): void {
    this.jobs.push(job);
  }

  hasPendingTasks(): boolean {
    return (
      this.jobs.length > 0 ||
      this.hasRefTimers() ||
      this.rejections.length > 0 ||
      hasTicks(this) ||
      keepsAlive(this.hostOps)
    );
  }

  /**
   * The event loop, one step: the next microtask; else an unhandled rejection (which
   * ends the program like an uncaught exception, as Node's default mode does); else
   * the next due timer or immediate, sleeping until one is due. False when nothing
   * can run now: either nothing is left, or (when the VM may not block: host
   * operations are pending, or runAsync is driving it) the earliest timer is not due
   * yet, and then vm.wakeAt says when it will be.
   */
  nextTask(): boolean {
    // process.nextTick callbacks come before promise jobs (see builtins/process.ts).
    const tick = takeTick(this);
    if (tick) {
      this.asyncContext = tick.ctx;
      this.vm.pushBottomCall(tick.fn, undefined, tick.args);
      return true;
    }
    const job = this.jobs.shift();
    if (job) {
      this.asyncContext = job.ctx;
      // An async function's coroutine: its frame resumes after the await.
      if (job.fn instanceof GeneratorObject) this.vm.resumeAwait(job.fn, job.thisArg, job.args[0]);
      else this.vm.pushBottomCall(job.fn, job.thisArg, job.args);
      return true;
    }
    if (this.rejections.length) {
      const [promise, reason] = this.rejections.shift()!;
      this.asyncContext = undefined;
      this.vm.reportUnhandledRejection(reason, promise);
      return true;
    }
    // Timers that were unref()'d do not keep the program alive on their own.
    if (!this.timers.length || (!this.hasRefTimers() && this.hostOps.ops.length === 0))
      return false;
    // Node's turn of the event loop: a timers phase (the due timers that were scheduled
    // before it began, in due order), then a check phase (the immediates queued before
    // it began), then the next turn.
    const now = (this.loopNow = this.vm.host.now());
    this.loopTimeStale = false;
    let pick = -1;
    for (let turns = 0; pick < 0 && turns < 2; turns++) {
      if (this.loopPhase === 0) this.loopPhase = -this.timerSeq - 1;
      if (this.loopPhase < 0) {
        pick = this.dueTimer(now, -this.loopPhase - 1);
        if (pick < 0) this.loopPhase = this.timerSeq;
      }
      if (pick < 0) {
        const bound = this.loopPhase;
        pick = this.timers.findIndex((t) => t.due < 0 && t.seq < bound);
        if (pick < 0) this.loopPhase = 0;
      }
    }
    if (pick < 0) {
      // Nothing due: wait for the earliest timer, which begins the next turn.
      let earliest = 0;
      for (let i = 1; i < this.timers.length; i++)
        if (this.timers[i].due < this.timers[earliest].due) earliest = i;
      const wait = this.timers[earliest].due - now;
      if (wait > 0) {
        if (!this.vm.mayBlock()) {
          this.vm.wakeAt = this.timers[earliest].due;
          return false;
        }
        // Sleep no later than the deadline, which then ends the program.
        const deadline = this.vm.deadlineAt();
        if (deadline < this.timers[earliest].due) {
          sleep(Math.max(0, deadline - now));
          this.vm.stopForDeadline();
          return true;
        }
        sleep(wait);
      }
      this.loopNow = this.vm.host.now();
      this.loopPhase = -this.timerSeq - 1;
      pick = earliest;
    }
    const t = this.timers[pick];
    if (t.interval >= 0) {
      t.due = Math.max(this.loopNow, t.due) + t.interval;
      t.seq = this.timerSeq++;
    } else this.timers.splice(pick, 1);
    this.asyncContext = t.ctx;
    this.vm.pushBottomCall(t.fn, t.handle, t.args);
    return true;
  }

  /**
   * The index of the timer due first at `now` (by due time, then order) among those
   * scheduled before sequence number `bound`, or -1.
   */
  private dueTimer(now: number, bound: number): number {
    let pick = -1;
    for (let i = 0; i < this.timers.length; i++) {
      const t = this.timers[i];
      if (t.due < 0 || t.due > now || t.seq >= bound) continue;
      if (
        pick < 0 ||
        t.due < this.timers[pick].due ||
        (t.due === this.timers[pick].due && t.seq < this.timers[pick].seq)
      )
        pick = i;
    }
    return pick;
  }

  /** Whether a timer that keeps the program alive (not unref()'d) is pending. */
  hasRefTimers(): boolean {
    for (const t of this.timers) if (t.ref) return true;
    return false;
  }

  /** The loop time timers are scheduled from (refreshed first after a resume). */
  loopTime(): number {
    if (this.loopTimeStale) {
      this.loopNow = this.vm.host.now();
      this.loopTimeStale = false;
    }
    return this.loopNow;
  }

  onBottomReturn(v: Value): void {
    this.lastReturn = v;
  }
}

/** Blocks the host thread (the VM is single-threaded and has nothing to do). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(ms, 2 ** 31 - 1));
}
