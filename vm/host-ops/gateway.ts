// The host gateway: the one place where the guest calls the embedder's functions
// (the `host` option of Jaunt.create, imported from "jaunt:host").
//
// What survives a snapshot is guest data in the realm (HostOpsState): every pending
// asynchronous operation as { id, name, args, startedAt } with the resolving
// functions of the guest promise it gave out, and the handle table (guest functions
// the host holds). What does not is the live side kept here: the host functions
// themselves, which pending operations still have a live host promise, and the host
// promises of vm.call(). Completion of an operation never runs guest code on the
// host stack: it enqueues a job that settles the guest promise.

import { ArrayObject, JSObject, PF, Prop } from "../model/object";
import type { Value } from "../model/value";
import type { VM } from "../interpreter/interpreter";
import { internalDefiner, makeNative } from "../builtins/util";
import {
  CloneError,
  HostHandle,
  boundaryProtos,
  stackFramesNow,
  toGuest,
  toHost,
  type BoundaryProtos,
  type HandleTable,
} from "./boundary";
import { HostLink, type ResourceRecord } from "./link";
import { beginRequest, setRequestResult, type ActiveRequest } from "./requests";
import { ERR_CAPABILITY, OpContext, runtimeOperation } from "./runtime-ops";
import { ALL_CAPABILITIES } from "../host";
// The runtime's own operations register themselves (fs.*, os.*, net.*, proc.*, stdin.*,
// crypto.*, zlib.*).
import "./crypto";
import "./crypto-keys";
import "./subtle";
import "./fs";
import "./zlib";
import "./os";
import "./net";
import "./dgram";
import "./tls";
import "./proc";
import "./stdio";
import "./net-facts";
import "./dns";
import "./tty";

/** A synchronous host call longer than this ends the interpreter's slice. */
const LONG_HOST_CALL_MS = 1;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HostFunction = (...args: any[]) => unknown;

/** A pending asynchronous host operation (guest data: it is in every snapshot). */
export interface PendingOp {
  id: number;
  name: string;
  /** The arguments as the host received them, kept as guest copies (re-issue reads them). */
  args: Value[];
  /** Host clock (ms) when the guest called it. */
  startedAt: number;
  /** The resolving functions of the guest promise the call returned. */
  resolve: JSObject;
  reject: JSObject;
  /** The guest stack at the call ("\n    at …" lines), for the error if it fails. */
  frames: string;
  /** A runtime operation (runtime-ops.ts: fs, os…) rather than one of the embedder's. */
  runtime: boolean;
  /**
   * Does not keep the event loop alive (a server or socket after `unref()`): the run
   * ends when only such operations are left.
   */
  unref: boolean;
}

/** Whether a pending operation keeps the VM's event loop alive. */
export function keepsAlive(state: HostOpsState): boolean {
  for (const op of state.ops) if (!op.unref) return true;
  return false;
}

export interface HostOpsState extends HandleTable {
  ops: PendingOp[];
  nextOpId: number;
  /** Host resources (open files…) by id: records only; the live side is in a HostLink. */
  resources: Map<number, ResourceRecord>;
  nextResourceId: number;
}

export function newHostOpsState(): HostOpsState {
  return {
    ops: [],
    nextOpId: 1,
    handles: new Map(),
    nextHandleId: 1,
    resources: new Map(),
    nextResourceId: 1,
  };
}

/** What the embedder sees of a pending operation (arguments copied out). */
export interface PendingOperation {
  id: number;
  name: string;
  args: unknown[];
  startedAt: number;
}

/** How a pending operation ends: a value, or an error (any cloneable value). */
export type Settlement = { value: unknown } | { error: unknown };

/** What resume does with an operation that was pending when the snapshot was taken. */
export type PendingPolicy = "reissue" | "fail" | "settle";

export const ERR_INTERRUPTED = "ERR_JAUNT_INTERRUPTED";

export class Gateway {
  /** The live side: resources and host promises (handed on by a resume with reattach). */
  readonly link: HostLink;
  /** Called whenever something arrives that the guest may be waiting for. */
  wake: (() => void) | null = null;
  private readonly calls = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  private nextCall = 1;
  readonly protos: BoundaryProtos;

  /** Must be made right after the realm, before any guest code can touch the globals. */
  constructor(
    readonly vm: VM,
    readonly functions: Record<string, HostFunction>,
    link?: HostLink,
  ) {
    this.protos = boundaryProtos(vm.realm);
    vm.gateway = this;
    // A handed-over link keeps its owner until the resume has decoded (adopt).
    this.link = link ?? new HostLink(this);
  }

  /** Takes over a handed-over link: completions of its host promises come here now. */
  adopt(): void {
    this.link.owner = this;
  }

  /** Ids of pending operations whose host promise is alive in this process. */
  get live(): Set<number> {
    return this.link.ops;
  }

  /** What runtime operations see of this VM. */
  private context(): OpContext {
    const vm = this.vm;
    return new OpContext(
      vm.host.capabilities ?? ALL_CAPABILITIES,
      this.link,
      () => vm.deadlineAt() - vm.host.now(),
    );
  }

  resourceState(): HostOpsState {
    return this.state;
  }

  private get state(): HostOpsState {
    return this.vm.realm.hostOps;
  }

  /** The operation names the embedder provides, in a stable order. */
  names(): string[] {
    return Object.keys(this.functions)
      .filter((k) => typeof this.functions[k] === "function")
      .sort();
  }

  private fn(name: string): HostFunction | undefined {
    return Object.prototype.hasOwnProperty.call(this.functions, name) &&
      typeof this.functions[name] === "function"
      ? this.functions[name]
      : undefined;
  }

  // ---- jaunt-module requests (requests.ts) ----------------------------------------

  /** The guest's unanswered `jaunt` request, if the run stopped for one (live state). */
  request: ActiveRequest | null = null;

  /** The request's arguments as host copies (for the embedder's handler). */
  requestArgs(req: ActiveRequest): unknown[] {
    return req.args.map((a) => this.toHost(a));
  }

  /**
   * Gives the request's call the result `outcome` (it may be answered again: a handler
   * snapshots the VM as it will be with one answer, then gives the live run another).
   * The guest sees { ok: true, value } or { ok: false, error }.
   */
  answerRequest(req: ActiveRequest, outcome: Settlement): void {
    const realm = this.vm.realm;
    const rec = realm.newObject();
    if ("value" in outcome) {
      let v: Value;
      try {
        v = this.toGuest(outcome.value);
      } catch (e) {
        if (!(e instanceof CloneError)) throw e;
        return this.answerRequest(req, {
          error: Object.assign(
            new TypeError(
              `jaunt.${req.kind}: its result could not be copied into the VM: ${e.message}`,
            ),
            { code: "ERR_JAUNT_DATA_CLONE" },
          ),
        });
      }
      rec.setOwn("ok", true);
      rec.setOwn("value", v);
    } else {
      rec.setOwn("ok", false);
      rec.setOwn("error", this.hostFailure(`jaunt.${req.kind}`, outcome.error));
    }
    setRequestResult(this.vm, req, rec);
  }

  private guestError(kind: string, message: string, code: string): JSObject {
    const e = this.vm.realm.makeError(kind, message);
    e.props.set("code", new Prop(code, PF.Default));
    return e;
  }

  private toGuest(v: unknown, frames?: string): Value {
    return toGuest(this.vm.realm, this.protos, this.state, v, frames);
  }

  private toHost(v: Value): unknown {
    return toHost(this.vm.realm, this.state, v);
  }

  /**
   * `$.hostCall(name, args, cap)`: runs host function `name`. A synchronous result is
   * copied in and returned; a promise records a pending operation that will settle
   * the capability `cap` ({ promise, resolve, reject }), and `cap` is returned.
   */
  call(name: string, args: Value, cap: JSObject): Value {
    const fn = this.fn(name);
    if (!fn)
      return this.vm.throwValue(
        this.guestError(
          "Error",
          `Host operation '${name}' is not provided by the embedder`,
          "ERR_JAUNT_NO_HOST_OPERATION",
        ),
      );
    return this.invoke(name, fn, args, cap, false);
  }

  /**
   * `$.nodeCall(name, args, cap, api)`: runs runtime operation `name` (runtime-ops.ts)
   * if the VM holds its capability; `api` names the guest call in the error
   * ("fs.readFileSync"). As `call` otherwise; `cap` is undefined for synchronous calls.
   */
  callRuntime(name: string, args: Value, cap: JSObject | undefined, api: string): Value {
    const op = runtimeOperation(name);
    if (!op) return this.vm.throwTypeError(`internal: no runtime operation ${name}`);
    const caps = this.vm.host.capabilities ?? ALL_CAPABILITIES;
    if (op.capability && !caps[op.capability])
      return this.vm.throwValue(
        this.guestError(
          "Error",
          `${api} needs the '${op.capability}' capability, which this VM was not granted`,
          ERR_CAPABILITY,
        ),
      );
    const ctx = this.context();
    return this.invoke(name, (...a: unknown[]) => op.run(ctx, ...a), args, cap, true);
  }

  private invoke(
    name: string,
    fn: HostFunction,
    args: Value,
    cap: JSObject | undefined,
    runtime: boolean,
  ): Value {
    const vm = this.vm;
    let hostArgs: unknown[];
    try {
      hostArgs = this.toHost(args) as unknown[];
    } catch (e) {
      if (e instanceof CloneError)
        return vm.throwValue(
          this.guestError(
            "TypeError",
            `${name}: an argument could not be copied to the host: ${e.message}`,
            "ERR_JAUNT_DATA_CLONE",
          ),
        );
      throw e;
    }
    let result: unknown;
    const started = performance.now();
    try {
      result = fn(...hostArgs);
    } catch (e) {
      return vm.throwValue(this.hostFailure(name, e));
    } finally {
      // A call that held the host thread (spawnSync, a big readFileSync, an embedder's
      // slow function) ends the interpreter's slice, so a deadline is looked at before
      // the next instruction (instruction counts do not change).
      if (performance.now() - started > LONG_HOST_CALL_MS) vm.endSlice();
    }
    if (!isThenable(result)) return this.copyIn(name, result);
    const state = this.state;
    if (!cap) return vm.throwTypeError(`internal: ${name} is asynchronous`);
    const resolve = cap.getOwnProperty("resolve")?.value;
    const reject = cap.getOwnProperty("reject")?.value;
    if (!(resolve instanceof JSObject) || !(reject instanceof JSObject))
      return vm.throwTypeError("internal: bad host call capability");
    const id = state.nextOpId++;
    // The record keeps its own copy (the host may have changed hostArgs; the guest
    // could not have changed `args` meanwhile, but may later).
    const copy = this.toGuest(this.toHost(args)) as ArrayObject;
    state.ops.push({
      id,
      name,
      args: copy.elems ?? [],
      startedAt: vm.host.now(),
      resolve,
      reject,
      frames: stackFramesNow(vm),
      runtime,
      unref: false,
    });
    this.watch(id, result);
    return cap;
  }

  /** A synchronous result copied into the guest (a clone failure is a guest TypeError). */
  private copyIn(name: string, v: unknown): Value {
    try {
      return this.toGuest(v);
    } catch (e) {
      if (e instanceof CloneError)
        this.vm.throwValue(
          this.guestError(
            "TypeError",
            `${name}: the result could not be copied into the VM: ${e.message}`,
            "ERR_JAUNT_DATA_CLONE",
          ),
        );
      throw e;
    }
  }

  /** What a host exception (or rejection) becomes in the guest. */
  private hostFailure(name: string, e: unknown, frames?: string): Value {
    try {
      return this.toGuest(e, frames);
    } catch (c) {
      if (!(c instanceof CloneError)) throw c;
      const err = this.guestError(
        "Error",
        `Host operation '${name}' failed with a value that could not be copied into the VM: ${c.message}`,
        "ERR_JAUNT_DATA_CLONE",
      );
      if (frames !== undefined)
        err.props.set(
          "stack",
          new Prop(`Error: ${String(err.props.get("message")?.value)}${frames}`, PF.Hidden),
        );
      return err;
    }
  }

  // Completions go to the link's owner: after a resume with reattach, the new VM.
  private watch(id: number, p: PromiseLike<unknown>): void {
    const link = this.link;
    link.ops.add(id);
    p.then(
      (value) => {
        link.owner.complete(id, { value });
        link.ops.delete(id);
      },
      (error) => {
        link.owner.complete(id, { error });
        link.ops.delete(id);
      },
    );
  }

  /**
   * Ends pending operation `id`: the guest promise is settled by a job. False if no
   * such operation is pending (already settled, or this VM was resumed elsewhere).
   */
  complete(id: number, outcome: Settlement): boolean {
    const ops = this.state.ops;
    const i = ops.findIndex((op) => op.id === id);
    if (i < 0) return false;
    const op = ops[i];
    ops.splice(i, 1);
    this.live.delete(id);
    let fn = op.resolve;
    let v: Value;
    if ("value" in outcome) {
      try {
        v = this.toGuest(outcome.value);
      } catch (e) {
        if (!(e instanceof CloneError)) throw e;
        fn = op.reject;
        v = this.guestError(
          "TypeError",
          `${op.name}: the result could not be copied into the VM: ${e.message}`,
          "ERR_JAUNT_DATA_CLONE",
        );
      }
    } else {
      fn = op.reject;
      v = this.hostFailure(op.name, outcome.error, op.frames);
    }
    this.vm.realm.enqueueJob({ fn, thisArg: undefined, args: [v] });
    this.wake?.();
    return true;
  }

  /**
   * `$.nodeRef(cap, ref)`: whether the pending operation that settles capability `cap`
   * keeps the event loop alive (`server.unref()`). False if no such operation is pending.
   */
  setRef(cap: JSObject, ref: boolean): boolean {
    const resolve = cap.getOwnProperty("resolve")?.value;
    const op = this.state.ops.find((o) => o.resolve === resolve);
    if (!op) return false;
    op.unref = !ref;
    return true;
  }

  /** The pending operations, arguments copied out. */
  pending(): PendingOperation[] {
    const realm = this.vm.realm;
    return this.state.ops.map((op) => ({
      id: op.id,
      name: op.name,
      args: this.toHost(realm.newArray(op.args.slice())) as unknown[],
      startedAt: op.startedAt,
    }));
  }

  /**
   * The policy for a pending operation that `onPending` does not name: a runtime
   * operation is re-issued if idempotent, else failed; an embedder's gets `fallback`.
   */
  defaultPolicy(op: PendingOp, fallback: PendingPolicy): PendingPolicy {
    if (!op.runtime) return fallback;
    const idem = runtimeOperation(op.name)?.idempotent;
    if (typeof idem !== "function") return idem ? "reissue" : "fail";
    const args = this.toHost(this.vm.realm.newArray(op.args.slice())) as unknown[];
    return idem(args) ? "reissue" : "fail";
  }

  private opFunction(op: PendingOp): HostFunction | undefined {
    if (!op.runtime) return this.fn(op.name);
    const def = runtimeOperation(op.name);
    const caps = this.vm.host.capabilities ?? ALL_CAPABILITIES;
    if (!def || (def.capability && !caps[def.capability])) return undefined;
    const ctx = this.context();
    return (...a: unknown[]) => def.run(ctx, ...a);
  }

  /**
   * Applies a resume policy to an operation that was pending in the snapshot. One
   * whose host promise is still live (a resume with reattach) just carries on.
   */
  applyPolicy(id: number, policy: PendingPolicy): void {
    const op = this.state.ops.find((o) => o.id === id);
    if (!op || policy === "settle" || this.link.ops.has(id)) return;
    const fn = this.opFunction(op);
    if (policy === "reissue" && fn) {
      let result: unknown;
      try {
        const args = this.toHost(this.vm.realm.newArray(op.args.slice())) as unknown[];
        result = fn(...args);
      } catch (e) {
        this.complete(id, { error: e });
        return;
      }
      if (isThenable(result)) this.watch(id, result);
      else this.complete(id, { value: result });
      return;
    }
    const why =
      policy !== "reissue"
        ? "it was not re-issued"
        : op.runtime
          ? "it cannot be re-issued: the resumed VM lacks its capability"
          : "it cannot be re-issued: the embedder does not provide it";
    const message = `Host operation '${op.name}' (id ${op.id}) was interrupted: the VM was resumed from a snapshot and ${why}`;
    const err = this.guestError("Error", message, ERR_INTERRUPTED);
    err.props.set("stack", new Prop(`Error: ${message}${op.frames}`, PF.Hidden));
    const ops = this.state.ops;
    ops.splice(ops.indexOf(op), 1);
    this.vm.realm.enqueueJob({ fn: op.reject, thisArg: undefined, args: [err] });
    this.wake?.();
  }

  /** Asks the VM to call a guest function the host holds, as a job. */
  callHandle(handle: unknown, args: unknown[]): Promise<unknown> {
    if (!(handle instanceof HostHandle))
      return Promise.reject(
        new TypeError("vm.call: the first argument is not a guest function handle"),
      );
    const realm = this.vm.realm;
    const fn = this.state.handles.get(handle.id);
    if (!fn)
      return Promise.reject(
        new TypeError(`vm.call: handle ${handle.id} does not belong to this VM`),
      );
    let guestArgs: Value;
    try {
      guestArgs = this.toGuest(args);
    } catch (e) {
      return Promise.reject(e);
    }
    const helper = realm.internals.getOwnProperty("callForHost")?.value;
    if (!(helper instanceof JSObject)) throw new Error("jaunt: the prelude has no callForHost");
    const callId = this.nextCall++;
    return new Promise((resolve, reject) => {
      this.calls.set(callId, { resolve, reject });
      realm.enqueueJob({ fn: helper, thisArg: undefined, args: [fn, guestArgs, callId] });
      this.wake?.();
    });
  }

  /** `$.hostCallDone(callId, ok, value)`: a guest function run for the host finished. */
  callDone(callId: number, ok: boolean, value: Value): void {
    const c = this.calls.get(callId);
    if (!c) return;
    this.calls.delete(callId);
    let v: unknown;
    try {
      v = this.toHost(value);
    } catch (e) {
      c.reject(e);
      return;
    }
    (ok ? c.resolve : c.reject)(v);
  }
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (
    (typeof v === "object" || typeof v === "function") &&
    v !== null &&
    typeof (v as { then?: unknown }).then === "function"
  );
}

/** The natives the guest side (prelude/66-host.js) uses; they reach the live gateway. */
export function installHostInternals(realm: import("../runtime/realm").Realm): void {
  const $ = realm.internals;
  const def = internalDefiner(realm);
  def("hostNames", 0, "", (vm) => vm.realm.newArray(vm.gateway ? vm.gateway.names() : []));
  def("hostCall", 3, "-", (vm, _t, args) => {
    const cap = args[2];
    if (!vm.gateway || !(cap instanceof JSObject) || !(args[1] instanceof ArrayObject))
      return vm.throwTypeError("internal: bad host call");
    return vm.gateway.call(String(args[0]), args[1], cap);
  });
  // Checks its own arguments (a runtime operation's name, an argument array, an
  // optional capability record and a call-site string).
  def("nodeCall", 4, "-", (vm, _t, args) => {
    if (!vm.gateway || !(args[1] instanceof ArrayObject))
      return vm.throwTypeError("internal: bad runtime call");
    const cap = args[2] instanceof JSObject ? args[2] : undefined;
    return vm.gateway.callRuntime(String(args[0]), args[1], cap, String(args[3]));
  });
  def("nodeRef", 2, "ob", (vm, _t, args) => {
    return vm.gateway ? vm.gateway.setRef(args[0] as JSObject, args[1] as boolean) : false;
  });
  // `$.jauntRequest(kind, args)`: the guest module jaunt hands control to the embedder.
  def("jauntRequest", 2, "-", (vm, _t, args) => {
    const list = args[1] instanceof ArrayObject ? args[1].elems : null;
    if (!vm.gateway || typeof args[0] !== "string" || !list)
      return vm.throwTypeError("internal: bad jaunt request");
    if (vm.gateway.request) return vm.throwTypeError("internal: a jaunt request is already active");
    vm.gateway.request = beginRequest(vm, args[0], list.slice());
    return undefined;
  });
  def("hostCallDone", 3, "-", (vm, _t, args) => {
    vm.gateway?.callDone(Number(args[0]), args[1] === true, args[2]);
    return undefined;
  });
}
