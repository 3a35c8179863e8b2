// A small crash test (workflow-crash-lib.ts) on SQLite: worker processes killed with
// SIGKILL while signals arrive; every workflow finishes with every event and effect.
// `npm run bench:workflows` runs 100 workflows on PostgreSQL with connection cuts.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCrash } from "./workflow-crash-lib";

test("workers killed at random: every workflow finishes, no event lost, every effect in the ledger", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vmflow-crash-"));
  try {
    const report = await runCrash({
      store: `sqlite:${path.join(dir, "crash.db")}`,
      dir,
      workflows: 10,
      workers: 2,
      concurrency: 3,
      leaseMs: 1500,
      killEveryMs: 700,
      maxKills: 8,
      timeoutMs: 30_000,
      seed: 7,
    });
    assert.deepEqual(report.problems, []);
    assert.equal(report.finished, 10);
    assert.ok(report.kills >= 2, `workers were killed (${report.kills})`);
    assert.ok(report.effects >= 30);
    console.log(`# crash test: ${JSON.stringify(report)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
