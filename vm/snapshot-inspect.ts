// Read-only inspection of a snapshot: decode it into a VM that never runs and describe
// what it holds as plain JSON (SnapshotReport below) — the header, the call stack with
// locals and closure variables by name, suspended generators and async functions,
// queued microtasks, timers, pending host operations and handles, and a heap summary.
// `vmsnap inspect` renders this report as text (snapshot-report.ts).
//
// Names come from what the compiler already records: FunctionCode.localNames names
// every register, and each environment record's scope descriptor (ScopeDesc) names
// its slots. Values are formatted by inspect.ts (util.inspect), which never runs
// guest code: getters show as [Getter], custom inspect methods are not called.

import { FnFlags, positionAt, registerInScope, type FunctionCode } from "../compiler/bytecode";
import { codeShape } from "./code-shape";
import { Env } from "./model/env";
import { ImportBinding, displayName } from "./runtime/esm";
import type { Frame } from "./model/frame";
import { enterAccount } from "./model/heap";
import { measureHeap } from "./interpreter/heap-measure";
import { silentHost } from "./host";
import { inspect } from "./builtins/inspect";
import { VM } from "./interpreter/interpreter";
import {
  ArrayObject,
  BoundFunction,
  FunctionObject,
  GeneratorObject,
  JSObject,
  NativeFunction,
  PF,
} from "./model/object";
import { Realm } from "./runtime/realm";
import { pendingTicks } from "./builtins/process";
import { decodeSnapshot } from "./snapshot";
import { verifySnapshot, type SnapshotKey } from "./snapshot-sign";
import { EMPTY, type Value } from "./model/value";

export interface InspectSnapshotOptions {
  /** Nesting levels shown of each value, as util.inspect's depth (default 2). */
  depth?: number;
  /** The snapshot is signed with this key: verify it before decoding (snapshot-sign.ts). */
  key?: SnapshotKey;
}

/** A name and a value formatted as util.inspect would print it. */
export interface NamedValue {
  name: string;
  value: string;
}

/** One activation: a running frame, or the parked frame of a suspended generator. */
export interface FrameReport {
  /** The function's name; "<anonymous>", or "<top level>" for a program's own code. */
  function: string;
  /** "function", "generator", "async function", "async generator", or "module" (an ES module's top level). */
  kind: string;
  /** Where it is: the file as stack traces name it, line 1-based, column 0-based. */
  file: string;
  line: number;
  col: number;
  /** That line of the source, or null when the snapshot does not carry the source. */
  sourceLine: string | null;
  /** `this` formatted, or null for arrow functions (they have none of their own). */
  this: string | null;
  /** The arguments the call received (all when the function reads `arguments`). */
  arguments: string[];
  /** Parameters and variables of the function itself (registers and its own scopes). */
  locals: NamedValue[];
  /** Variables of enclosing functions it closes over, innermost scope first. */
  closure: (NamedValue & { scope: string })[];
}

export interface SuspendedReport {
  /** "generator", "async function" or "async generator". */
  kind: string;
  /** "not started", "suspended at yield" or "awaiting". */
  state: string;
  frame: FrameReport;
}

export interface TimerReport {
  id: number;
  kind: "timeout" | "interval" | "immediate";
  /** Host ms since 1970 when it is due, null for an immediate. */
  dueAt: number | null;
  /** Milliseconds after the snapshot's loop time (negative: overdue), null for an immediate. */
  dueIn: number | null;
  /** The repeat period of an interval, else null. */
  interval: number | null;
  callback: string;
  args: string[];
  /** false after timer.unref(): it does not keep the program alive. */
  ref: boolean;
}

export interface HeapEntry {
  /** The internal class: Object, Array, Function, Map, Environment, … */
  kind: string;
  /** The guest's name for it: the constructor's name, or the function an environment belongs to. */
  class: string;
  count: number;
  bytes: number;
}

/** What inspectSnapshot returns: plain JSON (every value a string, number, boolean, null, array or object). */
export interface SnapshotReport {
  header: {
    format: number;
    compiler: number;
    runtime: string;
    /** When it was taken, as an ISO 8601 string. */
    takenAt: string;
    /** Instructions executed before the snapshot. */
    steps: number;
    programs: { filename: string; kind: string; hash: string; builtin: boolean }[];
    /**
     * The string table (format 5): strings of STRING_TABLE_MIN characters or more,
     * each written once however many places hold it; count and UTF-16 units in all.
     */
    strings: { count: number; chars: number };
  };
  /** process.exit's code or the end's, null while the program runs. */
  exitCode: number | null;
  /** The uncaught exception that ended the program, formatted, or null. */
  uncaught: string | null;
  /** The call stack, innermost first (the runtime's own self-hosted frames left out). */
  frames: FrameReport[];
  /** Generators and async functions parked at a yield or await, in the order the heap walk meets them. */
  suspended: SuspendedReport[];
  /** process.nextTick callbacks, in order: they run before the microtasks. */
  ticks: { function: string; args: string[] }[];
  /** Queued jobs (promise reactions, queueMicrotask) in the order they will run. */
  microtasks: { function: string; args: string[] }[];
  timers: TimerReport[];
  /** Asynchronous host operations in flight (file reads, connects, …). */
  hostOperations: { id: number; name: string; args: string[]; startedAt: string }[];
  /** Host resources the guest holds open (files, sockets, servers), with their facts. */
  resources: { id: number; kind: string; data: Record<string, string | number | boolean | null> }[];
  /** Guest functions handed to the host (HostHandle ids). */
  handles: { id: number; function: string }[];
  heap: {
    /** Estimated bytes of everything reachable, programs included (as the heapBytes limit counts). */
    totalBytes: number;
    programBytes: number;
    objects: number;
    /** By kind and class, the most bytes first. */
    byKind: HeapEntry[];
  };
}

/**
 * Decodes a snapshot without running it and describes it. Throws SnapshotError for a
 * bad snapshot, another version's, or (with `key`) one whose signature does not hold.
 */
export function inspectSnapshot(
  bytes: Uint8Array,
  opts: InspectSnapshotOptions = {},
): SnapshotReport {
  const raw = opts.key === undefined ? bytes : verifySnapshot(bytes, opts.key);
  const outer = enterAccount(null);
  try {
    const vm = new VM(silentHost());
    new Realm(vm);
    const header = decodeSnapshot(vm, raw);
    return new Describer(vm, opts.depth ?? 2).report(header);
  } finally {
    enterAccount(outer);
  }
}

const FUNCTION_KINDS: [number, string][] = [
  [FnFlags.Async | FnFlags.Generator, "async generator"],
  [FnFlags.Generator, "generator"],
  [FnFlags.Async, "async function"],
];

function kindOfCode(code: FunctionCode): string {
  for (const [flags, name] of FUNCTION_KINDS) if ((code.flags & flags) === flags) return name;
  return "function";
}

/** Internal registers and slots the compiler makes are named with a leading '%'. */
function isUserName(name: string | undefined): name is string {
  return !!name && !name.startsWith("%");
}

/** An own data property's value, without running guest code (accessors read as absent). */
function ownData(o: JSObject, key: string): Value {
  const p = o.props.get(key);
  return p && !(p.flags & PF.Accessor) ? p.value : undefined;
}

class Describer {
  private readonly realm: Realm;
  private readonly intrinsicEnvs: Set<Env>;

  constructor(
    private readonly vm: VM,
    private readonly depth: number,
  ) {
    this.realm = vm.realm;
    this.intrinsicEnvs = new Set(vm.realm.intrinsicEnvs);
  }

  report(header: ReturnType<typeof decodeSnapshot>): SnapshotReport {
    const vm = this.vm;
    const realm = this.realm;
    const suspended: GeneratorObject[] = [];
    const heap = this.heapSummary(suspended);
    const frames: FrameReport[] = [];
    for (let i = vm.frames.length - 1; i >= 0; i--) {
      const f = vm.frames[i];
      if (this.hidden(f.fn.code)) continue;
      // A caller stopped after its call instruction: it is at that call, not after it.
      const at = i === vm.frames.length - 1 ? f.ip : this.callSite(f);
      frames.push(this.frame(f, at, (k) => vm.stack[f.base + k]));
    }
    const loopNow = realm.loopNow;
    const ops = realm.hostOps;
    return {
      header: {
        format: header.format,
        compiler: header.compiler,
        runtime: header.runtime,
        takenAt: new Date(header.takenAt).toISOString(),
        steps: vm.steps,
        programs: header.programs.map((p) => ({
          filename: p.filename,
          kind: p.kind,
          hash: p.hash,
          builtin: p.builtin,
        })),
        strings: { ...header.strings },
      },
      exitCode: vm.exitCode,
      uncaught: vm.uncaught ? this.value(vm.uncaught.value) : null,
      frames,
      suspended: suspended
        .filter((g) => !this.hidden(g.frame!.fn.code))
        .map((g) => ({
          kind: kindOfCode(g.frame!.fn.code),
          state:
            g.state === 0
              ? "not started"
              : g.awaiting || !(g.frame!.fn.code.flags & FnFlags.Generator)
                ? "awaiting"
                : "suspended at yield",
          frame: this.frame(g.frame!, this.callSite(g.frame!), (k) => g.saved[k]),
        })),
      ticks: pendingTicks(realm).map((t) => ({
        function: t.fn instanceof JSObject ? this.functionName(t.fn) : this.value(t.fn),
        args: t.args.map((a) => this.value(a)),
      })),
      microtasks: realm.jobs.map((j) => ({
        // An async function resumed after its await: named by the function, with the
        // value it receives (or the reason thrown at the await).
        function:
          j.fn instanceof GeneratorObject && j.fn.frame !== null
            ? `${this.functionName(j.fn.frame.fn)} (${j.thisArg === 1 ? "throw at" : "resume after"} await)`
            : this.functionName(j.fn),
        args: j.args.map((a) => this.value(a)),
      })),
      timers: realm.timers
        .slice()
        .sort((a, b) => a.seq - b.seq)
        .map((t) => {
          const immediate = t.due === -1 && t.interval === -1;
          return {
            id: t.id,
            kind: immediate ? "immediate" : t.interval === -1 ? "timeout" : "interval",
            dueAt: immediate ? null : t.due,
            dueIn: immediate ? null : t.due - loopNow,
            interval: t.interval === -1 ? null : t.interval,
            callback: this.functionName(t.fn),
            args: t.args.map((a) => this.value(a)),
            ref: t.ref,
          };
        }),
      hostOperations: ops.ops.map((op) => ({
        id: op.id,
        name: op.name,
        args: op.args.map((a) => this.value(a)),
        startedAt: new Date(op.startedAt).toISOString(),
      })),
      resources: [...ops.resources.values()].map((r) => ({
        id: r.id,
        kind: r.kind,
        data: { ...r.data },
      })),
      handles: [...ops.handles].map(([id, fn]) => ({ id, function: this.functionName(fn) })),
      heap,
    };
  }

  /** The runtime's self-hosted code (the prelude's loaders, promise machinery) is not the program's. */
  private hidden(code: FunctionCode): boolean {
    return (code.flags & FnFlags.Native) !== 0;
  }

  /** The offset of the instruction a stopped frame is in (the call it made, the yield it parked at). */
  private callSite(f: Frame): number {
    const prev = codeShape(f.fn.code).prevStart[f.ip];
    return prev >= 0 ? prev : f.ip;
  }

  private value(v: Value): string {
    // An imported binding's slot holds a link to the exporting module's slot.
    if (v instanceof ImportBinding) v = v.env.slots[v.slot];
    if (v === EMPTY) return "<uninitialized>";
    return inspect(v, this.realm, { depth: this.depth });
  }

  private functionName(fn: JSObject): string {
    if (fn instanceof FunctionObject) return fn.code.name || "<anonymous>";
    if (fn instanceof BoundFunction) return `bound ${this.functionName(fn.target)}`;
    if (fn instanceof NativeFunction) {
      const name = ownData(fn, "name");
      return typeof name === "string" && name ? name : fn.id;
    }
    return this.value(fn);
  }

  private frame(f: Frame, ip: number, register: (k: number) => Value): FrameReport {
    const fn = f.fn;
    const code = fn.code;
    const program = fn.program;
    const { line, col } = positionAt(code, ip);
    const lines = program.source ? program.source.split(/\r\n|\r|\n/) : null;
    const arrow = (code.flags & FnFlags.Arrow) !== 0;
    const args: Value[] = [];
    if (f.argv) args.push(...f.argv);
    else for (let k = 0; k < code.nparams; k++) args.push(register(k));
    // Captured variables live in the function's own environment records; a captured
    // parameter's register keeps only its first value, so the record's copy wins.
    const captured: NamedValue[] = [];
    const closure: (NamedValue & { scope: string })[] = [];
    for (let e = f.env; e && !this.intrinsicEnvs.has(e); e = e.parent) {
      const own = e.code === code;
      const scope = this.envClass(e)[1];
      for (const b of this.bindings(e)) {
        if (own) captured.push(b);
        else closure.push({ ...b, scope });
      }
    }
    const locals: NamedValue[] = [];
    const inRecords = new Set(captured.map((b) => b.name));
    for (let k = 0; k < code.nlocals; k++) {
      const name = code.localNames[k];
      // A block's let/const/class is shown only while the frame is inside the block.
      if (isUserName(name) && !inRecords.has(name) && registerInScope(code, k, ip))
        locals.push({ name, value: this.value(register(k)) });
    }
    locals.push(...captured);
    return {
      function: this.codeName(code),
      // A module's top level is compiled as a generator (it may await): say what it is.
      kind: code.index === 0 && program.kind === "module" ? "module" : kindOfCode(code),
      file: displayName(program),
      line,
      col,
      sourceLine: lines ? (lines[line - 1] ?? null) : null,
      this: arrow ? null : this.value(f.thisValue),
      arguments: args.map((a) => this.value(a)),
      locals,
      closure,
    };
  }

  /** An environment record's named slots (and a `with` statement's object). */
  private bindings(e: Env): NamedValue[] {
    const out: NamedValue[] = [];
    const names = e.code ? e.code.scopes[e.scope].names : [];
    const kinds = e.code ? e.code.scopes[e.scope].kinds : [];
    e.slots.forEach((v, k) => {
      const name = k < names.length ? names[k] : e.extra?.[k - names.length];
      // Kind 5: a slot the compiler uses internally.
      if (isUserName(name) && kinds[k] !== 5) out.push({ name, value: this.value(v) });
    });
    if (e.withObject) out.push({ name: "<with object>", value: this.value(e.withObject) });
    return out;
  }

  /** One walk of the reachable heap: bytes by kind and class, and the suspended generators. */
  private heapSummary(suspended: GeneratorObject[]): SnapshotReport["heap"] {
    const groups = new Map<string, HeapEntry>();
    let objects = 0;
    const total = measureHeap(this.vm, (x, bytes) => {
      objects++;
      if (x instanceof GeneratorObject && x.frame && x.state !== 2) suspended.push(x);
      const [kind, cls] = x instanceof Env ? this.envClass(x) : [x.cls, this.className(x)];
      const key = `${kind}\0${cls}`;
      const g = groups.get(key);
      if (g) {
        g.count++;
        g.bytes += bytes;
      } else groups.set(key, { kind, class: cls, count: 1, bytes });
    });
    return {
      totalBytes: total,
      programBytes: this.vm.programBytes,
      objects,
      byKind: [...groups.values()].sort(
        (a, b) => b.bytes - a.bytes || b.count - a.count || a.kind.localeCompare(b.kind),
      ),
    };
  }

  private envClass(e: Env): [string, string] {
    if (e.withObject) return ["Environment", "with"];
    return ["Environment", e.code ? this.codeName(e.code) : "<module>"];
  }

  private codeName(code: FunctionCode): string {
    return code.index === 0 ? "<top level>" : code.name || "<anonymous>";
  }

  /**
   * The guest's class name, as util.inspect finds it: the first `constructor.name` up
   * the prototype chain (own data properties only; a few levels at most).
   */
  private className(o: JSObject): string {
    if (o instanceof FunctionObject || o instanceof NativeFunction || o instanceof BoundFunction)
      return "Function";
    if (o instanceof ArrayObject) return "Array";
    let p = o.proto;
    for (let hops = 0; p && hops < 16; p = p.proto, hops++) {
      const ctor = ownData(p, "constructor");
      const name = ctor instanceof JSObject ? ownData(ctor, "name") : undefined;
      if (typeof name === "string" && name) return name;
    }
    return o.proto === null ? "[null prototype]" : "(anonymous)";
  }
}
