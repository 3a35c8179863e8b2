// The PostgreSQL store: many workers on many machines share the work. Leases are taken
// with FOR UPDATE SKIP LOCKED (two workers never wait on or take the same row), and
// LISTEN/NOTIFY on channel "vmflow" wakes idle workers when a workflow becomes ready.

import * as crypto from "node:crypto";
import { Client, Pool, type QueryResult } from "pg";
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
import { POSTGRES, schema } from "./schema";

const SCHEMA = schema(POSTGRES);

const CHANNEL = "vmflow";
const RETRIES = 3;
const RETRY = Symbol("retry");

/** The server went away or cut this connection (the statement may be retried elsewhere). */
function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && (code.startsWith("08") || code.startsWith("57P"))) return true;
  if (code === "ECONNRESET" || code === "ECONNREFUSED" || code === "EPIPE") return true;
  return /Connection terminated|Client has encountered a connection error/.test(
    String((e as Error)?.message),
  );
}

type Q = { query(text: string, params?: unknown[]): Promise<QueryResult> };

export class PgStore implements Store {
  private constructor(
    private readonly pool: Pool,
    private readonly url: string,
  ) {}

  static async connect(url: string): Promise<PgStore> {
    const pool = new Pool({ connectionString: url, max: 8 });
    // A cut connection is reported here; the next query gets a fresh one.
    pool.on("error", () => {});
    const store = new PgStore(pool, url);
    const c = await pool.connect();
    c.on("error", () => {});
    try {
      // Two processes creating the schema at once would race on the catalog.
      await c.query("SELECT pg_advisory_lock(7215)");
      await c.query(SCHEMA);
      await c.query("SELECT pg_advisory_unlock(7215)");
    } finally {
      c.release();
    }
    return store;
  }

  /**
   * A statement that may safely run twice (a read, or an idempotent write), retried on
   * a fresh connection when the pooled one turns out to have been cut.
   */
  async query(text: string, params: unknown[] = []): Promise<QueryResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.pool.query(text, params);
      } catch (e) {
        if (attempt >= RETRIES || !isConnectionError(e)) throw e;
      }
    }
  }

  /** One transaction; retried (on a fresh connection) only if its BEGIN found the connection cut. */
  private async tx<T>(f: (q: Q) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const r = await this.txOnce(f);
      if (r !== RETRY) return r;
      if (attempt >= RETRIES)
        throw new Error("vmflow: the PostgreSQL connection was cut, again and again");
    }
  }

  private async txOnce<T>(f: (q: Q) => Promise<T>): Promise<T | typeof RETRY> {
    const c = await this.pool.connect();
    // A connection cut while checked out is reported on the client: the failing query
    // says it too, and the client is then thrown away rather than pooled.
    const ignore = () => {};
    c.on("error", ignore);
    let broken = false;
    try {
      try {
        await c.query("BEGIN");
      } catch (e) {
        if (!isConnectionError(e)) throw e;
        broken = true;
        return RETRY;
      }
      const r = await f(c);
      await c.query("COMMIT");
      return r;
    } catch (e) {
      await c.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw e;
    } finally {
      c.removeListener("error", ignore);
      c.release(broken);
    }
  }

  async signingKey(): Promise<Buffer> {
    const key = crypto.randomBytes(32);
    await this.query(
      "INSERT INTO vmflow_meta (key, value) VALUES ('hmac', $1) ON CONFLICT (key) DO NOTHING",
      [key],
    );
    const r = await this.query("SELECT value FROM vmflow_meta WHERE key = 'hmac'");
    return r.rows[0].value as Buffer;
  }

  async saveProgram(p: ProgramRecord): Promise<void> {
    await this.query(
      "INSERT INTO vmflow_programs (hash, filename, source) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING",
      [p.hash, p.filename, p.source],
    );
  }

  async program(hash: string): Promise<ProgramRecord | null> {
    const r = await this.query(
      "SELECT hash, filename, source FROM vmflow_programs WHERE hash = $1",
      [hash],
    );
    return (r.rows[0] as ProgramRecord | undefined) ?? null;
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
      await this.pool.query(
        `INSERT INTO vmflow_workflows (id, program, status, input, created_at, updated_at, lease_token, lease_until, activations)
         VALUES ($1, $2, 'running', $3, $4, $4, $5, $6, 1)`,
        [id, program, Buffer.from(input), now, token, now + leaseMs],
      );
    } catch (e) {
      if ((e as { code?: string }).code === "23505")
        throw new Error(`vmflow: a workflow with id '${id}' already exists`);
      throw e;
    }
    return { id, token };
  }

  async signal(id: string, name: string, payload: Uint8Array, now: number): Promise<boolean> {
    return this.tx(async (q) => {
      const r = await q.query(
        "SELECT status, waits FROM vmflow_workflows WHERE id = $1 FOR UPDATE",
        [id],
      );
      const row = r.rows[0] as { status: WorkflowStatus; waits: string } | undefined;
      if (!row) throw new Error(`vmflow: no workflow with id '${id}'`);
      if (row.status === "done" || row.status === "failed" || row.status === "cancelled")
        throw new Error(`vmflow: workflow '${id}' has finished (${row.status})`);
      await q.query(
        "INSERT INTO vmflow_events (workflow, name, payload, sent_at) VALUES ($1, $2, $3, $4)",
        [id, name, Buffer.from(payload), now],
      );
      if (row.status !== "waiting" || !wakesOn(JSON.parse(row.waits) as string[], [name]))
        return false;
      await q.query("UPDATE vmflow_workflows SET status = 'ready', updated_at = $1 WHERE id = $2", [
        now,
        id,
      ]);
      await q.query(`NOTIFY ${CHANNEL}`);
      return true;
    });
  }

  async claim(limit: number, leaseMs: number, now: number, only?: string): Promise<Lease[]> {
    return this.tx(async (q) => {
      const r = await q.query(
        `SELECT id FROM vmflow_workflows
         WHERE (status = 'ready' OR (status = 'waiting' AND wake_at <= $1)
                OR (status = 'running' AND lease_until < $1))
           AND (lease_token IS NULL OR lease_until < $1) AND ($3::text IS NULL OR id = $3)
         ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, limit, only ?? null],
      );
      const leases: Lease[] = [];
      for (const { id } of r.rows as { id: string }[]) {
        const token = crypto.randomUUID();
        await q.query(
          `UPDATE vmflow_workflows SET status = 'running', lease_token = $1, lease_until = $2,
             activations = activations + 1 WHERE id = $3`,
          [token, now + leaseMs, id],
        );
        leases.push({ id, token });
      }
      return leases;
    });
  }

  private async checkLease(q: Q, lease: Lease, leaseMs: number, now: number): Promise<void> {
    const r = await q.query(
      `UPDATE vmflow_workflows SET lease_until = $1, updated_at = $2
       WHERE id = $3 AND lease_token = $4 AND status = 'running'`,
      [now + leaseMs, now, lease.id, lease.token],
    );
    if (r.rowCount !== 1) throw new LeaseLost(lease.id);
  }

  async renew(lease: Lease, leaseMs: number, now: number): Promise<void> {
    await this.checkLease(this, lease, leaseMs, now);
  }

  async commit(lease: Lease, c: Commit, leaseMs: number, now: number): Promise<void> {
    await this.tx(async (q) => {
      await this.checkLease(q, lease, leaseMs, now);
      const id = lease.id;
      if (c.snapshot) {
        await q.query("UPDATE vmflow_workflows SET snapshot = $1 WHERE id = $2", [
          Buffer.from(c.snapshot),
          id,
        ]);
        if (c.consumed?.length)
          await q.query(
            "DELETE FROM vmflow_events WHERE workflow = $1 AND seq = ANY($2::bigint[])",
            [id, c.consumed],
          );
      }
      if (c.step) {
        const s = c.step;
        await q.query(
          `INSERT INTO vmflow_steps (workflow, name, status, attempts, value, error) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (workflow, name) DO UPDATE SET status = excluded.status,
             attempts = excluded.attempts, value = excluded.value, error = excluded.error`,
          [id, s.name, s.status, s.attempts, s.value ? Buffer.from(s.value) : null, s.error],
        );
      }
      if (c.status === "waiting") {
        const waits = c.waits ?? [];
        const r = await q.query("SELECT DISTINCT name FROM vmflow_events WHERE workflow = $1", [
          id,
        ]);
        const ready = wakesOn(
          waits,
          (r.rows as { name: string }[]).map((x) => x.name),
        );
        await q.query(
          `UPDATE vmflow_workflows SET status = $1, waits = $2, wake_at = $3, lease_token = NULL,
             lease_until = NULL WHERE id = $4`,
          [ready ? "ready" : "waiting", JSON.stringify(waits), c.wakeAt ?? null, id],
        );
        if (ready) await q.query(`NOTIFY ${CHANNEL}`);
      } else if (c.status) {
        await q.query(
          `UPDATE vmflow_workflows SET status = $1, result = $2, error = $3, waits = '[]', wake_at = NULL,
             lease_token = NULL, lease_until = NULL WHERE id = $4`,
          [c.status, c.result ? Buffer.from(c.result) : null, c.error ?? null, id],
        );
        await q.query("DELETE FROM vmflow_events WHERE workflow = $1", [id]);
      }
    });
  }

  async get(id: string): Promise<WorkflowRecord | null> {
    const r = await this.query("SELECT * FROM vmflow_workflows WHERE id = $1", [id]);
    return r.rows[0] ? rowToRecord(r.rows[0] as Row) : null;
  }

  async list(status?: WorkflowStatus): Promise<WorkflowRecord[]> {
    const r = status
      ? await this.query(
          "SELECT * FROM vmflow_workflows WHERE status = $1 ORDER BY created_at, id",
          [status],
        )
      : await this.query("SELECT * FROM vmflow_workflows ORDER BY created_at, id");
    return (r.rows as Row[]).map(rowToRecord);
  }

  async events(id: string): Promise<EventRecord[]> {
    const r = await this.query(
      "SELECT seq, name, payload FROM vmflow_events WHERE workflow = $1 ORDER BY seq",
      [id],
    );
    return (r.rows as { seq: string; name: string; payload: Buffer }[]).map((e) => ({
      seq: Number(e.seq),
      name: e.name,
      payload: e.payload,
    }));
  }

  async step(id: string, name: string): Promise<StepRecord | null> {
    const r = await this.query(
      "SELECT name, status, attempts, value, error FROM vmflow_steps WHERE workflow = $1 AND name = $2",
      [id, name],
    );
    return (r.rows[0] as StepRecord | undefined) ?? null;
  }

  async steps(id: string): Promise<StepRecord[]> {
    const r = await this.query(
      "SELECT name, status, attempts, value, error FROM vmflow_steps WHERE workflow = $1 ORDER BY name",
      [id],
    );
    return r.rows as StepRecord[];
  }

  async upgrade(
    id: string,
    activations: number,
    program: string,
    snapshot: Uint8Array,
    now: number,
  ): Promise<boolean> {
    const r = await this.query(
      `UPDATE vmflow_workflows SET program = $1, snapshot = $2, updated_at = $3 WHERE id = $4
         AND activations = $5 AND lease_token IS NULL AND status IN ('waiting', 'ready')`,
      [program, snapshot, now, id, activations],
    );
    return r.rowCount === 1;
  }

  async cancel(id: string, now: number): Promise<boolean> {
    return this.tx(async (q) => {
      const r = await q.query(
        `UPDATE vmflow_workflows SET status = 'cancelled', waits = '[]', wake_at = NULL, lease_token = NULL,
           lease_until = NULL, updated_at = $1 WHERE id = $2 AND status NOT IN ('done', 'failed', 'cancelled')`,
        [now, id],
      );
      if (r.rowCount === 1) await q.query("DELETE FROM vmflow_events WHERE workflow = $1", [id]);
      return r.rowCount === 1;
    });
  }

  async nextWake(): Promise<number | null> {
    const r = await this.query(
      "SELECT MIN(wake_at) AS t FROM vmflow_workflows WHERE status = 'waiting'",
    );
    const t = (r.rows[0] as { t: string | null }).t;
    return t === null ? null : Number(t);
  }

  async onWork(f: () => void): Promise<() => Promise<void>> {
    let stopped = false;
    let client: Client | null = null;
    // A cut connection is replaced (after a second): until then the worker's poll
    // still finds the work, only later.
    const listen = async (): Promise<void> => {
      const c = new Client({ connectionString: this.url });
      client = c;
      const again = () => {
        if (stopped || client !== c) return;
        client = null;
        setTimeout(() => void listen().catch(again), 1000);
      };
      c.on("error", again);
      c.on("end", again);
      c.on("notification", () => f());
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    };
    await listen();
    return async () => {
      stopped = true;
      await (client as Client | null)?.end().catch(() => {});
    };
  }

  async sizeBytes(): Promise<number> {
    const r = await this.query(
      `SELECT sum(pg_total_relation_size(c.oid))::bigint AS n FROM pg_class c
       WHERE c.relname LIKE 'vmflow_%' AND c.relkind = 'r'`,
    );
    return Number((r.rows[0] as { n: string }).n);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
