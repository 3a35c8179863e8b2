// The store interface: everything the engine keeps, behind one small async interface
// (sqlite-store.ts, pg-store.ts). Each method that changes state is one transaction.
// Values (inputs, payloads, step results, outcomes) are bytes the engine made
// (values.ts); snapshots are signed bytes (sign.ts).

export type WorkflowStatus = "ready" | "running" | "waiting" | "done" | "failed" | "cancelled";

export const FINISHED: readonly WorkflowStatus[] = ["done", "failed", "cancelled"];

export interface WorkflowRecord {
  id: string;
  /** The content hash of the program it started with (programs are content-addressed). */
  program: string;
  status: WorkflowStatus;
  input: Uint8Array;
  /** The signed snapshot at its last stored point; null before the first. */
  snapshot: Uint8Array | null;
  /** Event names it waits for (when waiting). */
  waits: string[];
  /** Host time (ms) of its next timer (sleep, waitFor timeout, guest timer), or null. */
  wakeAt: number | null;
  /** The outcome: a value (done) or an error record with the guest stack (failed). */
  result: Uint8Array | null;
  error: string | null;
  createdAt: number;
  updatedAt: number;
  /** Times a worker took it (a start counts as one). */
  activations: number;
}

export interface ProgramRecord {
  hash: string;
  filename: string;
  source: string;
}

export interface EventRecord {
  seq: number;
  name: string;
  payload: Uint8Array;
}

export interface StepRecord {
  name: string;
  status: "running" | "done" | "failed";
  attempts: number;
  value: Uint8Array | null;
  error: string | null;
}

/** A lease a worker holds on a workflow: every change it makes names it. */
export interface Lease {
  id: string;
  token: string;
}

/** What one transaction of a leased workflow changes. */
export interface Commit {
  /** The new snapshot (with it, the events consumed since the last one are deleted). */
  snapshot?: Uint8Array;
  consumed?: number[];
  /** A step's record (its attempt counter, result or final error). */
  step?: StepRecord;
  /** Ends the lease: waiting (with waits/wakeAt), or finished with an outcome. */
  status?: "waiting" | "done" | "failed";
  waits?: string[];
  wakeAt?: number | null;
  result?: Uint8Array | null;
  error?: string | null;
}

/** The workflow was taken from this worker (lease expired and taken over, or cancelled). */
export class LeaseLost extends Error {
  constructor(id: string) {
    super(`vmflow: the lease on workflow ${id} was lost (taken over or cancelled)`);
    this.name = "LeaseLost";
  }
}

export interface Store {
  /** The HMAC key snapshots are signed with (made once per store). */
  signingKey(): Promise<Buffer>;
  saveProgram(p: ProgramRecord): Promise<void>;
  program(hash: string): Promise<ProgramRecord | null>;
  /** A new workflow, leased at once to the starter (status running). Fails if the id exists. */
  create(
    id: string,
    program: string,
    input: Uint8Array,
    leaseMs: number,
    now: number,
  ): Promise<Lease>;
  /** Buffers an event; a workflow waiting for it becomes ready. Fails for unknown or finished workflows. */
  signal(id: string, name: string, payload: Uint8Array, now: number): Promise<boolean>;
  /** Leases up to `limit` runnable workflows (ready, due, or whose lease expired). */
  claim(limit: number, leaseMs: number, now: number, only?: string): Promise<Lease[]>;
  /** Extends a lease; throws LeaseLost. */
  renew(lease: Lease, leaseMs: number, now: number): Promise<void>;
  /** One transaction; throws LeaseLost if the lease is no longer held. */
  commit(lease: Lease, c: Commit, leaseMs: number, now: number): Promise<void>;
  get(id: string): Promise<WorkflowRecord | null>;
  list(status?: WorkflowStatus): Promise<WorkflowRecord[]>;
  events(id: string): Promise<EventRecord[]>;
  step(id: string, name: string): Promise<StepRecord | null>;
  /** Every step record of a workflow, by name. */
  steps(id: string): Promise<StepRecord[]>;
  /**
   * Moves a waiting (or ready) workflow onto another program with its rebased
   * snapshot, unless a worker took it since it was read (`activations` then differs):
   * false in that case.
   */
  upgrade(
    id: string,
    activations: number,
    program: string,
    snapshot: Uint8Array,
    now: number,
  ): Promise<boolean>;
  /** Cancels an unfinished workflow (its lease, if any, is lost). False if finished. */
  cancel(id: string, now: number): Promise<boolean>;
  /** The earliest timer of a waiting workflow, or null. */
  nextWake(): Promise<number | null>;
  /** Calls `f` when work may have arrived from another process (LISTEN); returns its stop. */
  onWork?(f: () => void): Promise<() => Promise<void>>;
  /** Bytes the store takes (for the scale figures), if it can tell. */
  sizeBytes?(): Promise<number>;
  close(): Promise<void>;
}

/** Whether a buffered event is one a workflow parking with `waits` is waiting for. */
export function wakesOn(waits: string[], eventNames: string[]): boolean {
  return eventNames.some((n) => waits.includes(n));
}

/** A workflows table row as both stores hold it (PostgreSQL returns BIGINTs as strings). */
export interface WorkflowRow {
  id: string;
  program: string;
  status: WorkflowStatus;
  input: Buffer;
  snapshot: Buffer | null;
  waits: string;
  wake_at: number | string | null;
  result: Buffer | null;
  error: string | null;
  created_at: number | string;
  updated_at: number | string;
  activations: number;
}

export function rowToRecord(r: WorkflowRow): WorkflowRecord {
  return {
    id: r.id,
    program: r.program,
    status: r.status,
    input: r.input,
    snapshot: r.snapshot,
    waits: JSON.parse(r.waits) as string[],
    wakeAt: r.wake_at === null ? null : Number(r.wake_at),
    result: r.result,
    error: r.error,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    activations: Number(r.activations),
  };
}
