// Host resources: open files today, sockets, servers and child processes later.
//
// A resource is two halves. The record is guest data in VM state (realm.hostOps
// .resources, in every snapshot): its id, its kind and a few plain facts (a file's
// path, flags and mode). The live object (a host file descriptor) is kept here, in a
// HostLink owned by the VM's gateway, keyed by the record's id; it is never part of
// a snapshot.
//
// When a VM is resumed with `reattach` (vmrun --snapshot-every: the same process
// continues the same run), the previous VM's HostLink is handed to the new one, so
// live resources and in-flight host promises carry on. Otherwise (another process, or
// a resume without reattach) the link starts empty and the first use of a record asks
// its kind to reopen it from the record; a kind that cannot (or will not, by policy)
// reopen it leaves it severed: the use fails with a guest error whose code is
// ERR_JAUNT_SEVERED and whose message names the resource.

import type { Capabilities } from "../host";

/** Plain facts about a resource, enough to describe it and maybe reopen it. */
export type ResourceData = Record<string, string | number | boolean | null>;

/** A resource as VM state: guest data, snapshotted. */
export interface ResourceRecord {
  id: number;
  kind: string;
  data: ResourceData;
}

export interface ResourceKind<L = unknown> {
  kind: string;
  /** How an error names the resource ("file '/tmp/a' opened 'w'"). */
  describe(data: ResourceData): string;
  /**
   * A live object for a record that has none in this link (a resume in another
   * process), or a reason it cannot be reopened: the resource is then severed.
   */
  reopen(data: ResourceData, capabilities: Capabilities): L | { severed: string };
  /** Releases the live object (errors ignored by the caller). */
  close(live: L): void;
}

const kinds = new Map<string, ResourceKind>();

export function defineResourceKind<L>(k: ResourceKind<L>): void {
  kinds.set(k.kind, k as ResourceKind);
}

export function resourceKind(kind: string): ResourceKind | undefined {
  return kinds.get(kind);
}

export const ERR_SEVERED = "ERR_JAUNT_SEVERED";

/** The error a use of a severed resource raises (crosses into the guest with its code). */
export function severedError(kind: ResourceKind | undefined, rec: ResourceRecord, why: string) {
  const what = kind ? kind.describe(rec.data) : `${rec.kind} resource ${rec.id}`;
  const e = new Error(
    `${what} was severed: the VM was resumed from a snapshot where it was not live, and ${why}`,
  );
  (e as Error & { code: string }).code = ERR_SEVERED;
  return e;
}

/** The gateway of the VM a link currently serves. */
export interface LinkOwner {
  complete(id: number, outcome: { value: unknown } | { error: unknown }): boolean;
  /** That VM's resource records (guest data) and their id counter. */
  resourceState(): { resources: Map<number, ResourceRecord>; nextResourceId: number };
}

/**
 * The live side of a VM's host state. `owner` is whoever receives completions of
 * host promises: the gateway of the VM that currently continues the run.
 */
export class HostLink {
  /** Live objects of resource records, by record id. */
  readonly live = new Map<number, unknown>();
  /** Ids of pending operations whose host promise is alive in this process. */
  readonly ops = new Set<number>();
  /** Resource ids whose reopen failed: they stay severed (the reason is kept). */
  readonly severed = new Map<number, string>();

  constructor(public owner: LinkOwner) {}

  /** The program ended: resources opened from now on are closed at once. */
  ended = false;

  /** Closes every live resource (the program ended). */
  closeAll(records: Map<number, ResourceRecord>): void {
    this.ended = true;
    for (const [id, live] of this.live) {
      const rec = records.get(id);
      try {
        if (rec) resourceKind(rec.kind)?.close(live);
      } catch {
        // already closed by the host, or gone: nothing to release
      }
    }
    this.live.clear();
  }
}

/**
 * A table of live host objects kept beside a link, one Map by id per HostLink (a VM
 * and the VMs that reattach to it). The guest keeps what rebuilds them (a stream's
 * steps, a digest's slices): a link that has none rebuilds from that.
 */
export function perLink<T>(): (link: HostLink) => Map<number, T> {
  const tables = new WeakMap<HostLink, Map<number, T>>();
  return (link) => {
    let m = tables.get(link);
    if (!m) tables.set(link, (m = new Map()));
    return m;
  };
}
