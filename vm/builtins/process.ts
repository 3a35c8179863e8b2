// The Node-style `process` global: argv, env, exit, exitCode, stdout/stderr.write,
// platform. argv and env are filled in by the embedder after the realm is built
// (see VM setup), so the pristine realm does not depend on the host.

import { ArrayObject, JSObject, PF, Prop, isCallable } from "../model/object";
import type { Value } from "../model/value";
import { arg, defineInternal, makeNative, method } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { LONG_AWARE_NATIVES, LongString } from "../model/long-string";
import { writeLong } from "./console";

/** What `process.pid` shows a VM that may not see host facts. */
export const NEUTRAL_PID = 1;
/** What `process.argv[0]` shows a VM that may not see host facts. */
export const NEUTRAL_EXEC_PATH = "node";

/** Thrown by process.exit to leave the dispatch loop at once. */
export class ExitSignal {
  constructor(readonly code: number) {}
}

export function installProcess(realm: Realm): void {
  const p = new JSObject(realm.ObjectPrototype, "process");
  realm.global.props.set("process", new Prop(p, PF.Hidden));
  // Node's process answers "[object process]" (axios picks its http adapter by it).
  p.props.set(realm.wellKnown.toStringTag, new Prop("process", PF.Writable));
  p.props.set("argv", new Prop(realm.newArray([]), PF.Default));
  p.props.set("env", new Prop(realm.newObject(), PF.Default));
  p.props.set("platform", new Prop(process.platform, PF.Default));
  p.props.set("version", new Prop(process.version, PF.Default));
  const versions = new JSObject(realm.ObjectPrototype);
  for (const [k, v] of Object.entries(process.versions))
    if (typeof v === "string") versions.props.set(k, new Prop(v, PF.Default));
  p.props.set("versions", new Prop(versions, PF.Default));
  p.props.set("arch", new Prop(process.arch, PF.Default));
  // A host fact: the embedder fills it in (Jaunt.create) when the VM may see it.
  p.props.set("pid", new Prop(NEUTRAL_PID, PF.Default));
  p.props.set("exitCode", new Prop(undefined, PF.Default));
  method(realm, p, "process", "exit", 1, (vm, _t, args) => {
    let code = arg(args, 0);
    if (code === undefined) code = processObject(vm.realm)?.getOwnProperty("exitCode")?.value;
    throw new ExitSignal(code === undefined || code === null ? 0 : Number(code) | 0);
    void vm;
  });
  // Host facts are the host's only with the `fs` capability (see host-os.ts).
  const seesHost = (vm: Agent) => vm.host.capabilities?.fs !== false;
  method(realm, p, "process", "cwd", 0, (vm) => (seesHost(vm) ? process.cwd() : "/"));
  for (const [name, toErr] of [
    ["stdout", false],
    ["stderr", true],
  ] as const) {
    const stream = new JSObject(realm.ObjectPrototype);
    p.props.set(name, new Prop(stream, PF.Default));
    const write = method(
      realm,
      stream,
      `process.${name}`,
      "write",
      1,
      (vm, _t, args) => {
        const text = arg(args, 0);
        if (text instanceof LongString) {
          writeLong(vm, toErr, text);
          return true;
        }
        const s = String(text);
        if (toErr) vm.host.stderr(s);
        else vm.host.stdout(s);
        return true;
      },
      "s",
    );
    LONG_AWARE_NATIVES.add(write.id);
    stream.props.set("isTTY", new Prop(false, PF.Default));
  }

  installTicks(realm, p);
  installClock(realm, p);
  installProcessEvents(realm);
  method(realm, p, "process", "memoryUsage", 0, (vm) => {
    const m = seesHost(vm) ? process.memoryUsage() : null;
    const o = vm.realm.newObject();
    for (const k of ["rss", "heapTotal", "heapUsed", "external", "arrayBuffers"] as const)
      o.setOwn(k, m ? m[k] : 0);
    return o;
  });
}

// ---- process.nextTick ------------------------------------------------------------
//
// The tick queue is guest data: an array of [fn, ...args] entries on an internal
// object under `$`, replaced (not mutated) on every change so that snapshots see it.
// Node drains the tick queue after each macrotask and before the promise jobs; jobs
// queued meanwhile run as one batch (V8's microtask checkpoint) before ticks again.
// `inJobs` records that a batch of jobs is being drained.

function tickState(realm: Realm): JSObject {
  return realm.internals.props.get("tickState")!.value as JSObject;
}

function installTicks(realm: Realm, p: JSObject): void {
  const state = new JSObject(null);
  state.props.set("queue", new Prop(realm.newArray([]), PF.Default));
  state.props.set("inJobs", new Prop(false, PF.Default));
  realm.internals.props.set("tickState", new Prop(state, PF.Hidden));
  defineInternal(realm, "tickJobsFirst", 0, "", (vm) => {
    tickState(vm.realm).setOwn("inJobs", true);
    return undefined;
  });
  method(realm, p, "process", "nextTick", 1, (vm, _t, args) => {
    const fn = arg(args, 0);
    if (!isCallable(fn)) throwCallbackType(vm, fn);
    const queue = tickQueue(vm.realm);
    const entry = vm.realm.newArray(args.slice());
    // The async context it was queued in (node:async_hooks), a hidden property.
    const ctx = vm.realm.asyncContext;
    if (ctx !== undefined) entry.props.set("ctx", new Prop(ctx, PF.Hidden));
    tickState(vm.realm).setOwn("queue", vm.realm.newArray([...queue, entry]));
    return undefined;
  });
}

/** Node's ERR_INVALID_ARG_TYPE for a callback that is not a function. */
export function throwCallbackType(vm: Agent, fn: Value): never {
  const e = vm.makeError(
    "TypeError",
    `The "callback" argument must be of type function. Received ${received(fn)}`,
  );
  e.setOwn("code", "ERR_INVALID_ARG_TYPE", PF.Writable | PF.Configurable);
  return vm.throwValue(e);
}

/** How Node's ERR_INVALID_ARG_TYPE messages show the argument received. */
function received(v: Value): string {
  if (v === undefined || v === null) return String(v);
  if (v instanceof JSObject) return isCallable(v) ? "function" : "an instance of Object";
  const shown = typeof v === "string" ? `'${v}'` : typeof v === "bigint" ? `${v}n` : String(v);
  return `type ${typeof v} (${shown})`;
}

function tickQueue(realm: Realm): Value[] {
  const q = tickState(realm).props.get("queue")?.value;
  return q instanceof ArrayObject && q.elems ? q.elems : [];
}

export function hasTicks(realm: Realm): boolean {
  return tickQueue(realm).length > 0;
}

/** A queue entry [fn, ...args] as the callback and its arguments. */
function tickEntry(entry: Value): { fn: Value; args: Value[] } {
  const items = entry instanceof ArrayObject && entry.elems ? entry.elems : [];
  return { fn: items[0], args: items.slice(1) };
}

/** The queued process.nextTick callbacks, in order, without taking any (vmsnap inspect). */
export function pendingTicks(realm: Realm): { fn: Value; args: Value[] }[] {
  return tickQueue(realm).map(tickEntry);
}

/**
 * The event loop's choice between a tick and a promise job: the next tick unless a
 * batch of jobs is being drained. Records whether a job batch runs next.
 */
export function takeTick(realm: Realm): { fn: JSObject; args: Value[]; ctx: Value } | undefined {
  const state = tickState(realm);
  const inJobs = state.props.get("inJobs")?.value === true;
  const draining = inJobs && realm.jobs.length > 0;
  const queue = tickQueue(realm);
  if (draining || queue.length === 0) {
    // Written only when it changes: this runs before every job and timer.
    if (inJobs !== realm.jobs.length > 0) state.setOwn("inJobs", realm.jobs.length > 0);
    return undefined;
  }
  state.setOwn("inJobs", false);
  state.setOwn("queue", realm.newArray(queue.slice(1)));
  const { fn, args } = tickEntry(queue[0]);
  if (!(fn instanceof JSObject) || !isCallable(fn)) return undefined;
  const ctx = queue[0] instanceof JSObject ? queue[0].props.get("ctx")?.value : undefined;
  return { fn, args, ctx };
}

// ---- process.hrtime ------------------------------------------------------------------
// From the VM clock (host.now, ms), so a replayed run sees the same times.

function installClock(realm: Realm, p: JSObject): void {
  const nowNs = (vm: Agent): bigint => BigInt(Math.round(vm.host.now() * 1e6));
  const hrtime = method(realm, p, "process", "hrtime", 1, (vm, _t, args) => {
    const t = nowNs(vm);
    let sec = t / 1_000_000_000n;
    let ns = t % 1_000_000_000n;
    const prev = arg(args, 0);
    if (prev !== undefined) {
      if (!(prev instanceof ArrayObject) || !prev.elems || prev.elems.length !== 2) {
        const e = vm.makeError(
          "TypeError",
          `The "time" argument must be an instance of Array. Received ${prev === null ? "null" : typeof prev}`,
        );
        e.setOwn("code", "ERR_INVALID_ARG_TYPE", PF.Writable | PF.Configurable);
        return vm.throwValue(e);
      }
      const [ps, pn] = prev.elems;
      sec -= BigInt(Math.trunc(Number(ps)));
      ns -= BigInt(Math.trunc(Number(pn)));
      if (ns < 0n) {
        sec -= 1n;
        ns += 1_000_000_000n;
      }
    }
    return vm.realm.newArray([Number(sec), Number(ns)]);
  });
  hrtime.props.set(
    "bigint",
    new Prop(
      makeNative(realm, "process.hrtime.bigint", "bigint", 0, (vm) => nowNs(vm)),
      PF.Hidden,
    ),
  );
}

// ---- process events --------------------------------------------------------------
// process is an EventEmitter once the guest uses it as one (prelude/77-node-globals.js).
// The interpreter asks here whether an event has listeners before it calls the
// prelude to emit it: a read of guest data (process._events), no guest code.

function processObject(realm: Realm): JSObject | undefined {
  const p = realm.global.getOwnProperty("process")?.value;
  return p instanceof JSObject ? p : undefined;
}

/**
 * Whether process has listeners for `type` (EventEmitter keeps them in `_events`). An
 * uncaught exception also goes to the prelude when a capture callback is set
 * (`process.setUncaughtExceptionCaptureCallback`, node:domain's): `$.uncaughtCapture.fn`.
 */
export function processHasListeners(realm: Realm, type: string): boolean {
  if (type === "uncaughtException") {
    const capture = realm.internals.getOwnProperty("uncaughtCapture")?.value;
    if (capture instanceof JSObject && isCallable(capture.getOwnProperty("fn")?.value)) return true;
  }
  const events = processObject(realm)?.getOwnProperty("_events")?.value;
  if (!(events instanceof JSObject)) return false;
  const l = events.getOwnProperty(type)?.value;
  if (l instanceof ArrayObject) return (l.elems?.length ?? 1) > 0;
  return l instanceof JSObject && isCallable(l);
}

/** Whether the 'exit' event was emitted already (process._exiting, as in Node). */
export function processExiting(realm: Realm): boolean {
  return processObject(realm)?.getOwnProperty("_exiting")?.value === true;
}

function installProcessEvents(realm: Realm): void {
  // prelude/77-node-globals.js: what `typeof name` gives before a lazy global loads.
  defineInternal(realm, "lazyGlobalType", 2, "-", (vm, _t, args) => {
    const getter = arg(args, 0);
    if (getter instanceof JSObject) vm.realm.lazyGlobalTypes.set(getter, String(arg(args, 1)));
    return undefined;
  });
  // An 'uncaughtException' listener threw: Node ends the program with exit code 7.
  defineInternal(realm, "fatalInHandler", 1, "-", (vm, _t, args) =>
    vm.reportFatal(arg(args, 0), 7),
  );
  // An uncaught exception a capture callback hands back (node:domain, when no domain
  // takes it and process has no listeners): reported at the error's own site, and the
  // run ends here, exit code 1 (nothing after it runs, whatever the snapshots).
  defineInternal(realm, "fatalUncaught", 1, "-", (vm, _t, args) => {
    vm.reportRejectionAsUncaught(arg(args, 0));
    throw new ExitSignal(1);
  });
  // Whether the event loop still has work that keeps it running (after 'beforeExit').
  defineInternal(
    realm,
    "hasLoopWork",
    0,
    "",
    (vm) => vm.realm.hasRefTimers() || vm.realm.hostOps.ops.length > 0,
  );
}
