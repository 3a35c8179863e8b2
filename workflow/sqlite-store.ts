// The default store: one SQLite file (better-sqlite3, WAL), shared by the processes of
// one machine. Every change is one IMMEDIATE transaction; workers poll for due timers
// and signals from other processes.

import Database from "better-sqlite3";
import * as crypto from "node:crypto";
import {
  LeaseLost,
  wakesOn,
  type Commit,
  type EventRecord,
  type Lease,
  type ProgramRecord,
  type StepRecord,
  type Store,
  type WorkflowRecord,
  type WorkflowStatus,
  rowToRecord,
  type WorkflowRow as Row,
} from "./store";
import { SQLITE, schema } from "./schema";

const SCHEMA = schema(SQLITE);

export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(readonly file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 10000");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(SCHEMA);
  }

  private tx<T>(f: () => T): T {
    return this.db.transaction(f).immediate();
  }

  async signingKey(): Promise<Buffer> {
    return this.tx(() => {
      const row = this.db.prepare("SELECT value FROM meta WHERE key = 'hmac'").get() as
        { value: Buffer } | undefined;
      if (row) return row.value;
      const key = crypto.randomBytes(32);
      this.db.prepare("INSERT INTO meta (key, value) VALUES ('hmac', ?)").run(key);
      return key;
    });
  }

  async saveProgram(p: ProgramRecord): Promise<void> {
    this.db
      .prepare("INSERT OR IGNORE INTO programs (hash, filename, source) VALUES (?, ?, ?)")
      .run(p.hash, p.filename, p.source);
  }

  async program(hash: string): Promise<ProgramRecord | null> {
    return (
      (this.db.prepare("SELECT hash, filename, source FROM programs WHERE hash = ?").get(hash) as
        ProgramRecord | undefined) ?? null
    );
  }

  async create(
    id: string,
    program: string,
    input: Uint8Array,
    leaseMs: number,
    now: number,
  ): Promise<Lease> {
    const token = crypto.randomUUID();
    try {
      this.db
        .prepare(
          `INSERT INTO workflows (id, program, status, input, created_at, updated_at, lease_token, lease_until, activations)
           VALUES (?, ?, 'running', ?, ?, ?, ?, ?, 1)`,
        )
        .run(id, program, input, now, now, token, now + leaseMs);
    } catch (e) {
      if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY")
        throw new Error(`vmflow: a workflow with id '${id}' already exists`);
      throw e;
    }
    return { id, token };
  }

  async signal(id: string, name: string, payload: Uint8Array, now: number): Promise<boolean> {
    return this.tx(() => {
      const row = this.db.prepare("SELECT status, waits FROM workflows WHERE id = ?").get(id) as
        { status: WorkflowStatus; waits: string } | undefined;
      if (!row) throw new Error(`vmflow: no workflow with id '${id}'`);
      if (row.status === "done" || row.status === "failed" || row.status === "cancelled")
        throw new Error(`vmflow: workflow '${id}' has finished (${row.status})`);
      this.db
        .prepare("INSERT INTO events (workflow, name, payload, sent_at) VALUES (?, ?, ?, ?)")
        .run(id, name, payload, now);
      if (row.status !== "waiting" || !wakesOn(JSON.parse(row.waits) as string[], [name]))
        return false;
      this.db
        .prepare("UPDATE workflows SET status = 'ready', updated_at = ? WHERE id = ?")
        .run(now, id);
      return true;
    });
  }

  async claim(limit: number, leaseMs: number, now: number, only?: string): Promise<Lease[]> {
    return this.tx(() => {
      const rows = this.db
        .prepare(
          `SELECT id FROM workflows
           WHERE (status = 'ready' OR (status = 'waiting' AND wake_at <= @now)
                  OR (status = 'running' AND lease_until < @now))
             AND (lease_token IS NULL OR lease_until < @now) AND (@only IS NULL OR id = @only)
           ORDER BY updated_at LIMIT @limit`,
        )
        .all({ now, limit, only: only ?? null }) as { id: string }[];
      const take = this.db.prepare(
        `UPDATE workflows SET status = 'running', lease_token = ?, lease_until = ?,
           activations = activations + 1 WHERE id = ?`,
      );
      return rows.map(({ id }) => {
        const token = crypto.randomUUID();
        take.run(token, now + leaseMs, id);
        return { id, token };
      });
    });
  }

  private checkLease(lease: Lease, leaseMs: number, now: number): void {
    const r = this.db
      .prepare(
        "UPDATE workflows SET lease_until = ?, updated_at = ? WHERE id = ? AND lease_token = ? AND status = 'running'",
      )
      .run(now + leaseMs, now, lease.id, lease.token);
    if (r.changes !== 1) throw new LeaseLost(lease.id);
  }

  async renew(lease: Lease, leaseMs: number, now: number): Promise<void> {
    this.tx(() => this.checkLease(lease, leaseMs, now));
  }

  async commit(lease: Lease, c: Commit, leaseMs: number, now: number): Promise<void> {
    this.tx(() => {
      this.checkLease(lease, leaseMs, now);
      const id = lease.id;
      if (c.snapshot) {
        this.db.prepare("UPDATE workflows SET snapshot = ? WHERE id = ?").run(c.snapshot, id);
        const del = this.db.prepare("DELETE FROM events WHERE seq = ? AND workflow = ?");
        for (const seq of c.consumed ?? []) del.run(seq, id);
      }
      if (c.step) {
        const s = c.step;
        this.db
          .prepare(
            `INSERT INTO steps (workflow, name, status, attempts, value, error) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (workflow, name) DO UPDATE SET status = excluded.status,
               attempts = excluded.attempts, value = excluded.value, error = excluded.error`,
          )
          .run(id, s.name, s.status, s.attempts, s.value, s.error);
      }
      if (c.status === "waiting") {
        const waits = c.waits ?? [];
        const names = (
          this.db.prepare("SELECT DISTINCT name FROM events WHERE workflow = ?").all(id) as {
            name: string;
          }[]
        ).map((r) => r.name);
        const status = wakesOn(waits, names) ? "ready" : "waiting";
        this.db
          .prepare(
            "UPDATE workflows SET status = ?, waits = ?, wake_at = ?, lease_token = NULL, lease_until = NULL WHERE id = ?",
          )
          .run(status, JSON.stringify(waits), c.wakeAt ?? null, id);
      } else if (c.status) {
        this.db
          .prepare(
            `UPDATE workflows SET status = ?, result = ?, error = ?, waits = '[]', wake_at = NULL,
               lease_token = NULL, lease_until = NULL WHERE id = ?`,
          )
          .run(c.status, c.result ?? null, c.error ?? null, id);
        this.db.prepare("DELETE FROM events WHERE workflow = ?").run(id);
      }
    });
  }

  async get(id: string): Promise<WorkflowRecord | null> {
    const r = this.db.prepare("SELECT * FROM workflows WHERE id = ?").get(id) as Row | undefined;
    return r ? rowToRecord(r) : null;
  }

  async list(status?: WorkflowStatus): Promise<WorkflowRecord[]> {
    const rows = (
      status
        ? this.db
            .prepare("SELECT * FROM workflows WHERE status = ? ORDER BY created_at, id")
            .all(status)
        : this.db.prepare("SELECT * FROM workflows ORDER BY created_at, id").all()
    ) as Row[];
    return rows.map(rowToRecord);
  }

  async events(id: string): Promise<EventRecord[]> {
    return this.db
      .prepare("SELECT seq, name, payload FROM events WHERE workflow = ? ORDER BY seq")
      .all(id) as EventRecord[];
  }

  async step(id: string, name: string): Promise<StepRecord | null> {
    return (
      (this.db
        .prepare(
          "SELECT name, status, attempts, value, error FROM steps WHERE workflow = ? AND name = ?",
        )
        .get(id, name) as StepRecord | undefined) ?? null
    );
  }

  async steps(id: string): Promise<StepRecord[]> {
    return this.db
      .prepare(
        "SELECT name, status, attempts, value, error FROM steps WHERE workflow = ? ORDER BY name",
      )
      .all(id) as StepRecord[];
  }

  async upgrade(
    id: string,
    activations: number,
    program: string,
    snapshot: Uint8Array,
    now: number,
  ): Promise<boolean> {
    const r = this.db
      .prepare(
        `UPDATE workflows SET program = ?, snapshot = ?, updated_at = ? WHERE id = ? AND activations = ?
           AND lease_token IS NULL AND status IN ('waiting', 'ready')`,
      )
      .run(program, snapshot, now, id, activations);
    return r.changes === 1;
  }

  async cancel(id: string, now: number): Promise<boolean> {
    return this.tx(() => this.cancelNow(id, now));
  }

  private cancelNow(id: string, now: number): boolean {
    const r = this.db
      .prepare(
        `UPDATE workflows SET status = 'cancelled', waits = '[]', wake_at = NULL, lease_token = NULL,
           lease_until = NULL, updated_at = ? WHERE id = ? AND status NOT IN ('done', 'failed', 'cancelled')`,
      )
      .run(now, id);
    if (r.changes === 1) this.db.prepare("DELETE FROM events WHERE workflow = ?").run(id);
    return r.changes === 1;
  }

  async nextWake(): Promise<number | null> {
    const r = this.db
      .prepare("SELECT MIN(wake_at) AS t FROM workflows WHERE status = 'waiting'")
      .get() as { t: number | null };
    return r.t;
  }

  async sizeBytes(): Promise<number> {
    this.db.pragma("wal_checkpoint(TRUNCATE)");
    const pages = this.db.pragma("page_count", { simple: true }) as number;
    const size = this.db.pragma("page_size", { simple: true }) as number;
    return pages * size;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
