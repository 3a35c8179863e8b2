// The PostgreSQL store against a real server (a throw-away cluster, test/pg-cluster.ts):
// the engine's flow, several workers sharing the work (SKIP LOCKED leases: each
// workflow run by one of them at a time), and LISTEN/NOTIFY waking an idle worker.

import { after, before, test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { Engine } from "../workflow/engine";
import { postgresBin, startCluster, type Cluster } from "./pg-cluster";
import { programIn } from "./harness";

const skip = postgresBin() === null && !process.env.CI ? "PostgreSQL is not installed" : false;
let cluster: Cluster;
let dir: string;

before(async () => {
  if (skip) return;
  cluster = await startCluster();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vmflow-pg-"));
});

after(() => {
  if (skip) return;
  cluster.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const FLOW = `
const { waitFor, step, sleep, workflow } = require("jaunt");
workflow(async (n) => {
  const a = await step("double", async (key) => n * 2);
  const b = await waitFor("add");
  await sleep(10);
  return a + b;
});
`;

test("on PostgreSQL a workflow waits, is signalled, and finishes", { skip }, async () => {
  const e = await Engine.open({ store: cluster.url });
  try {
    const file = programIn(dir)("flow.js", FLOW);
    const w = await e.start(file, { id: "p1", input: 20 });
    assert.equal(w.status, "waiting");
    assert.deepEqual(w.waits, ["add"]);
    const done = await e.signal("p1", "add", 2);
    assert.equal(done.status, "done");
    assert.equal(done.result, 42);
    await assert.rejects(e.signal("p1", "add", 1), /has finished/);
    assert.ok((await e.store.sizeBytes!()) > 0);
  } finally {
    await e.close();
  }
});

test(
  "on PostgreSQL a waiting workflow is upgraded to new code (and a dry run changes nothing)",
  { skip },
  async () => {
    const e = await Engine.open({ store: cluster.url });
    try {
      const file = programIn(dir)("flow.js", FLOW);
      await e.start(file, { id: "up1", input: 5 });
      const before = await e.store.get("up1");
      const v2 = FLOW.replace("return a + b;", "return { v2: a + b };");
      assert.equal(
        (await e.upgrade("up1", { source: v2 }, { dryRun: true }))[0].result,
        "would upgrade",
      );
      assert.deepEqual(await e.store.get("up1"), before);
      assert.equal((await e.upgrade({ all: file }, { source: v2 }))[0].result, "upgraded");
      assert.deepEqual((await e.signal("up1", "add", 1)).result, { v2: 11 });
    } finally {
      await e.close();
    }
  },
);

test(
  "three workers share the work; a signal wakes an idle worker through NOTIFY",
  { skip },
  async () => {
    const starter = await Engine.open({ store: cluster.url });
    const workers = await Promise.all([1, 2, 3].map(() => Engine.open({ store: cluster.url })));
    const stop = new AbortController();
    let running: Promise<void>[] = [];
    try {
      const file = programIn(dir)("flow.js", FLOW);
      const ids = Array.from({ length: 12 }, (_, i) => `w${i}`);
      for (const [i, id] of ids.entries()) await starter.start(file, { id, input: i });
      // Polling once a minute: only NOTIFY can wake them in time.
      running = workers.map((w) =>
        w.runWorker({ concurrency: 2, pollMs: 60_000, signal: stop.signal }),
      );
      await delay(200);
      const sent = Date.now();
      for (const [i, id] of ids.entries()) await starter.signal(id, "add", i, { run: false });
      for (let k = 0; k < 300; k++) {
        const left = (await starter.list()).filter(
          (w) => w.id.startsWith("w") && w.status !== "done",
        );
        if (left.length === 0) break;
        await delay(50);
      }
      const elapsed = Date.now() - sent;
      const all = (await starter.list()).filter((w) => w.id.startsWith("w"));
      assert.deepEqual(
        all.map((w) => [w.id, w.status, w.result]),
        ids.map((id, i) => [id, "done", i * 3]),
      );
      assert.ok(elapsed < 15_000, `woken by NOTIFY, not by the minute's poll (${elapsed} ms)`);
      assert.ok(
        all.every((w) => w.activations === 2),
        "each workflow ran once after its signal",
      );
    } finally {
      stop.abort();
      for (const w of workers) await w.close().catch(() => {});
      await starter.close();
    }
  },
);

test(
  "connections cut under a running worker: it reconnects (pool and LISTEN) and goes on",
  { skip },
  async () => {
    const e = await Engine.open({ store: cluster.url });
    const worker = await Engine.open({ store: cluster.url });
    const stop = new AbortController();
    const running = worker.runWorker({ pollMs: 60_000, signal: stop.signal });
    try {
      const file = programIn(dir)("flow.js", FLOW);
      await e.start(file, { id: "cut", input: 1 });
      const { Client } = await import("pg");
      const admin = new Client({ connectionString: cluster.url });
      await admin.connect();
      const r = await admin.query(
        "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      await admin.end();
      assert.ok((r.rows[0] as { n: number }).n >= 2, "the worker's connections were cut");
      await delay(1500); // the LISTEN connection is replaced after a second
      await e.signal("cut", "add", 5, { run: false });
      let w = await e.get("cut");
      for (let i = 0; i < 100 && w!.status !== "done"; i++) {
        await delay(100);
        w = await e.get("cut");
      }
      assert.equal(
        w!.result,
        7,
        "woken by NOTIFY on the new LISTEN connection (the poll is a minute)",
      );
    } finally {
      stop.abort();
      await running;
      await worker.close();
      await e.close();
    }
  },
);
