// npm run bench:workflows — the figures of issue 15, measured, never asserted:
//
// 1. The crash test (test/workflow-crash-lib.ts) with 100 workflows on PostgreSQL,
//    workers SIGKILLed at random and the store's connections cut.
// 2. Scale: N workflows (default 10,000) waiting at once in SQLite and in PostgreSQL:
//    store bytes per waiting workflow, the time to wake one by a signal (signal, lease,
//    resume, run to the end, store: median and p99 over 200), and on PostgreSQL the
//    throughput of 1, 2 and 4 worker processes draining 500 signalled workflows each.
//    Starting a workflow costs a VM set-up (measured below over the first 50); the
//    other N-50 waiting rows are copies of those (own row, own snapshot bytes).
//
//   node dist/bench/workflows.js [--n N] [--skip-crash] [--skip-scale]

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Database from "better-sqlite3";
import { Client } from "pg";
import { Engine } from "../workflow/engine";
import { runCrash } from "../test/workflow-crash-lib";
import { startCluster } from "../test/pg-cluster";

const args = process.argv.slice(2);
const N = Number(args[args.indexOf("--n") + 1] || 10_000) || 10_000;
const SEEDED = 50;
const SAMPLE = 200;
const DRAIN = 500;

const WAITER = `
const { waitFor, workflow } = require("jaunt");
workflow(async (n) => {
  const more = await waitFor("go");
  return n + more;
});
`;

function stats(ms: number[]): string {
  const s = ms.slice().sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(1);
  return `median ${at(0.5)} ms, p99 ${at(0.99)} ms`;
}

/** Copies the seeded rows until there are N waiting workflows (SQL per store). */
async function fill(store: string, n: number): Promise<void> {
  if (store.startsWith("sqlite:")) {
    const db = new Database(store.slice("sqlite:".length));
    const copy = db.prepare(
      `INSERT INTO workflows (id, program, status, input, snapshot, waits, wake_at, created_at, updated_at, activations)
       SELECT ?, program, status, input, snapshot, waits, wake_at, created_at, updated_at, activations
       FROM workflows WHERE id = ?`,
    );
    db.transaction(() => {
      for (let i = SEEDED; i < n; i++) copy.run(`w${i}`, `w${i % SEEDED}`);
    })();
    db.close();
    return;
  }
  const c = new Client({ connectionString: store });
  await c.connect();
  await c.query(
    `INSERT INTO vmflow_workflows (id, program, status, input, snapshot, waits, wake_at, created_at, updated_at, activations)
     SELECT 'w' || g, program, status, input, snapshot, waits, wake_at, created_at, updated_at, activations
     FROM generate_series($1::int, $2::int) g JOIN vmflow_workflows w ON w.id = 'w' || (g % $3)`,
    [SEEDED, n - 1, SEEDED],
  );
  await c.end();
}

async function scale(label: string, store: string, dir: string): Promise<void> {
  const file = path.join(dir, "waiter.js");
  fs.writeFileSync(file, WAITER);
  const e = await Engine.open({ store, stdout: () => {} });
  let t = performance.now();
  for (let i = 0; i < SEEDED; i++) await e.start(file, { id: `w${i}`, input: i });
  const startMs = (performance.now() - t) / SEEDED;
  await fill(store, N);
  const waiting = (await e.list({ status: "waiting" })).length;
  const size = await e.store.sizeBytes!();
  console.log(
    `${label}: ${waiting} waiting; ${(size / waiting).toFixed(0)} bytes per waiting workflow ` +
      `(${(size / 1e6).toFixed(1)} MB); start to first wait ${startMs.toFixed(1)} ms each`,
  );
  const lat: number[] = [];
  for (let i = 0; i < SAMPLE; i++) {
    // From the lower ids: the top 3 x DRAIN are left for the throughput runs.
    const id = `w${(i * 7919) % Math.max(SAMPLE, N - 3 * DRAIN)}`;
    t = performance.now();
    const w = await e.signal(id, "go", 1);
    lat.push(performance.now() - t);
    if (w.status !== "done") throw new Error(`${id} did not finish: ${w.status}`);
  }
  console.log(`${label}: wake one by signal (signal, lease, resume, run, store): ${stats(lat)}`);
  if (!store.startsWith("postgres") || N < 3 * DRAIN + SAMPLE) return void (await e.close());
  const worker = path.join(__dirname, "..", "test", "workflow-crash-worker.js");
  let next = N - 1;
  for (const workers of [1, 2, 4]) {
    const batch: string[] = [];
    while (batch.length < DRAIN) batch.push(`w${next--}`);
    for (const id of batch) await e.signal(id, "go", 1, { run: false });
    t = performance.now();
    const procs = Array.from({ length: workers }, () =>
      spawn(process.execPath, [worker, store, "2", "30000"], { stdio: "ignore" }),
    );
    const c = new Client({ connectionString: store });
    await c.connect();
    for (;;) {
      const r = await c.query(
        "SELECT count(*)::int AS n FROM vmflow_workflows WHERE id = ANY($1) AND status <> 'done'",
        [batch],
      );
      if ((r.rows[0] as { n: number }).n === 0) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    const secs = (performance.now() - t) / 1000;
    await c.end();
    for (const p of procs) p.kill("SIGTERM");
    await Promise.all(procs.map((p) => new Promise((res) => p.once("exit", res))));
    console.log(
      `${label}: ${workers} worker(s) x concurrency 2 drained ${DRAIN} signalled workflows in ${secs.toFixed(1)} s ` +
        `= ${(DRAIN / secs).toFixed(0)} workflows/s (incl. worker start-up)`,
    );
  }
  await e.close();
}

async function main(): Promise<void> {
  console.log(`cpus: ${os.cpus().length}, node ${process.version}`);
  const cluster = await startCluster({ fsync: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vmflow-bench-"));
  try {
    if (!args.includes("--skip-crash")) {
      const c = new Client({ connectionString: cluster.url });
      await c.connect();
      const report = await runCrash({
        store: cluster.url,
        dir,
        workflows: 100,
        workers: 3,
        concurrency: 4,
        leaseMs: 2000,
        killEveryMs: 1500,
        maxKills: 30,
        timeoutMs: 300_000,
        seed: 15,
        cut: async () => {
          await c.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'jaunt' AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
          );
        },
      });
      // The cut also ends this driver's own pool connections: the pool reconnects.
      await c.end();
      console.log(`crash test (PostgreSQL): ${JSON.stringify(report)}`);
    }
    if (!args.includes("--skip-scale")) {
      await scale("SQLite", `sqlite:${path.join(dir, "scale.db")}`, dir);
      const c = new Client({ connectionString: cluster.url });
      await c.connect();
      await c.query("CREATE DATABASE scale");
      await c.end();
      await scale("PostgreSQL", cluster.url.replace(/\/postgres$/, "/scale"), dir);
    }
  } finally {
    cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
