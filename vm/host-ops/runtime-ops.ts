// Runtime host operations: the system calls under Node's built-in modules (fs, os, …),
// provided by Jaunt itself rather than by the embedder. They go through the same
// gateway as the embedder's `jaunt:host` operations (one door: copies both ways,
// pending records, resume policies), but the guest reaches them only from the
// runtime's own guest code (`$.nodeCall`), and each one requires a capability.
//
// An operation that returns a promise is asynchronous: the guest gets a promise and
// the VM records a pending operation under the operation's name ("fs.readFile").
// On resume it is re-issued if `idempotent` (reads), else failed with
// ERR_JAUNT_INTERRUPTED (writes), unless the embedder's onPending names it.

import type { Capabilities } from "../host";
import {
  HostLink,
  resourceKind,
  severedError,
  type ResourceData,
  type ResourceRecord,
} from "./link";

/**
 * What an operation sees of the VM: its capabilities and its resources. Records are
 * read through the link's owner, so an asynchronous operation that ends after a
 * resume with reattach records what it opened in the VM that continues the run.
 */
export class OpContext {
  constructor(
    readonly capabilities: Capabilities,
    readonly link: HostLink,
    /** Milliseconds left before the VM's deadline (Infinity without one). */
    readonly timeLeft: () => number = () => Infinity,
  ) {}

  /** Records a new resource with its live object; returns its id. */
  open(kind: string, data: ResourceData, live: unknown): number {
    const state = this.link.owner.resourceState();
    const id = state.nextResourceId++;
    state.resources.set(id, { id, kind, data });
    this.link.live.set(id, live);
    // An operation that ends after the program did (a listen, a connect): nobody
    // will use or close what it opened, and a live server would keep the host alive.
    if (this.link.ended) this.link.closeAll(state.resources);
    return id;
  }

  /** The record of resource `id`, or undefined if it is not open. */
  record(id: unknown): ResourceRecord | undefined {
    return typeof id === "number" ? this.link.owner.resourceState().resources.get(id) : undefined;
  }

  /**
   * The live object of an open resource: reattached, or reopened from its record, or
   * (when that is not possible) an ERR_JAUNT_SEVERED error is thrown.
   */
  use<L>(rec: ResourceRecord): L {
    const link = this.link;
    if (link.live.has(rec.id)) return link.live.get(rec.id) as L;
    const kind = resourceKind(rec.kind);
    let why = link.severed.get(rec.id);
    if (why === undefined) {
      const r = kind
        ? kind.reopen(rec.data, this.capabilities)
        : { severed: `no resource kind '${rec.kind}' exists here` };
      if (!(r && typeof r === "object" && "severed" in r)) {
        link.live.set(rec.id, r);
        return r as L;
      }
      why = (r as { severed: string }).severed;
      link.severed.set(rec.id, why);
    }
    throw severedError(kind, rec, why);
  }

  /** Forgets resource `id` and releases its live object, if any. */
  close(rec: ResourceRecord): void {
    this.link.owner.resourceState().resources.delete(rec.id);
    this.link.severed.delete(rec.id);
    if (!this.link.live.has(rec.id)) return;
    const live = this.link.live.get(rec.id);
    this.link.live.delete(rec.id);
    resourceKind(rec.kind)?.close(live);
  }
}

export interface RuntimeOperation {
  /** The capability the operation needs (null: none, e.g. facts made neutral without one). */
  capability: keyof Capabilities | null;
  /**
   * Asynchronous and safe to repeat (given its arguments): a resume re-issues it by
   * default, else fails it.
   */
  idempotent?: boolean | ((args: unknown[]) => boolean);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run(ctx: OpContext, ...args: any[]): unknown;
}

const operations = new Map<string, RuntimeOperation>();

/** Registers operations under `prefix.` + name ("fs.readFile"). */
export function defineOperations(prefix: string, ops: Record<string, RuntimeOperation>): void {
  for (const [name, op] of Object.entries(ops)) operations.set(`${prefix}.${name}`, op);
}

export function runtimeOperation(name: string): RuntimeOperation | undefined {
  return operations.get(name);
}

export const ERR_CAPABILITY = "ERR_JAUNT_CAPABILITY";

/**
 * The body of an asynchronous operation whose synchronous failures (a handle that is
 * not open, a severed resource) reject its promise, as its other failures do.
 */
export function promised(run: RuntimeOperation["run"]): RuntimeOperation["run"] {
  return (ctx, ...args) => {
    try {
      return Promise.resolve(run(ctx, ...args));
    } catch (e) {
      return Promise.reject(e);
    }
  };
}
