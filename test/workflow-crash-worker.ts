// A vmflow worker process for the crash test (workflow-crash-lib.ts), killed with
// SIGKILL at random moments: node dist/test/workflow-crash-worker.js STORE CONCURRENCY LEASE_MS

import { Engine } from "../workflow/engine";

async function main(): Promise<void> {
  const [store, concurrency, leaseMs] = process.argv.slice(2);
  const e = await Engine.open({
    store,
    leaseMs: Number(leaseMs),
    stdout: () => {},
    // Cut connections and taken-over leases are expected here; the lib checks the outcome.
    onError: () => {},
  });
  const stop = new AbortController();
  process.once("SIGTERM", () => stop.abort());
  await e.runWorker({ concurrency: Number(concurrency), pollMs: 100, signal: stop.signal });
  await e.close();
}

// `node --test dist/test/` runs every file under test/, this one too, with no arguments:
// then there is no worker to be.
if (process.argv.length >= 5) void main();
