// The crash test of durable workflows (npm test runs a small one, `npm run
// bench:workflows` a big one): N workflows that each do steps, waits and a sleep;
// worker processes killed with SIGKILL at random moments (and, on PostgreSQL, their
// connections cut) while signals arrive in random order. Afterwards every workflow
// must have finished with every event counted, and every step's effect must be in an
// external ledger keyed by its idempotency key; an effect may repeat only where a
// worker died between the effect and storing its result, which the count of the
// step's begins (attempts) bounds.

import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { Engine } from "../workflow/engine";
import { rng } from "./matrix/gen";

export interface CrashOptions {
  store: string;
  dir: string;
  workflows: number;
  workers: number;
  concurrency: number;
  leaseMs: number;
  /** Milliseconds between two random kills (each worker killed is restarted). */
  killEveryMs: number;
  /** At most this many kills (then the workers are left to finish). */
  maxKills: number;
  /** Cuts the store's connections (PostgreSQL: pg_terminate_backend), now and then. */
  cut?: () => Promise<void>;
  timeoutMs: number;
  seed?: number;
}

export interface CrashReport {
  workflows: number;
  finished: number;
  kills: number;
  cuts: number;
  effects: number;
  /** Effects that ran more than once (a worker died between the effect and its record). */
  repeats: number;
  problems: string[];
  elapsedMs: number;
}

const ROUNDS = 3;

const PROGRAM = `
const { waitFor, sleep, step, workflow } = require("jaunt");
const fs = require("fs");
workflow(async ({ ledger }) => {
  let total = 0;
  for (let i = 0; i < ${ROUNDS}; i++) {
    total += await step("s" + i, async (key) => {
      fs.appendFileSync(ledger, key + "\\n");
      let x = 0;
      for (let k = 0; k < 20000; k++) x += k;
      return i + 1;
    });
    total += await waitFor("e" + i);
    if (i === 1) await sleep("1100ms");
  }
  return total;
});
`;

/**
 * The driver's own store calls live through the connection cuts too: a call cut
 * midway is made again (an event sent twice would show as one left in a buffer).
 */
async function retried<T>(f: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await f();
    } catch (e) {
      if (attempt >= 5 || /no workflow|has finished/.test(String(e))) throw e;
      await delay(100);
    }
  }
}

export async function runCrash(o: CrashOptions): Promise<CrashReport> {
  const rnd = rng(o.seed ?? 1);
  const file = path.join(o.dir, "crash-flow.js");
  const ledger = path.join(o.dir, "ledger.txt");
  fs.writeFileSync(file, PROGRAM);
  fs.writeFileSync(ledger, "");
  const started = Date.now();
  const e = await Engine.open({
    store: o.store,
    leaseMs: o.leaseMs,
    stdout: () => {},
    onError: () => {},
  });
  const ids = Array.from({ length: o.workflows }, (_, i) => `c${i}`);
  for (const id of ids) await e.start(file, { id, input: { ledger } });

  const workerJs = path.join(__dirname, "workflow-crash-worker.js");
  const spawnWorker = () =>
    spawn(process.execPath, [workerJs, o.store, String(o.concurrency), String(o.leaseMs)], {
      stdio: "ignore",
    });
  const workers: ChildProcess[] = Array.from({ length: o.workers }, spawnWorker);
  // Never orphaned, even when this process dies of an uncaught error.
  const killAll = () => workers.forEach((w) => w.kill("SIGKILL"));
  process.on("exit", killAll);
  let kills = 0;
  let cuts = 0;
  // Every event of every workflow, in a random order (most arrive before their wait).
  const signals = ids.flatMap((id) => Array.from({ length: ROUNDS }, (_, r) => ({ id, r })));
  for (let i = signals.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [signals[i], signals[j]] = [signals[j], signals[i]];
  }
  let nextKill = Date.now() + o.killEveryMs * rnd() * 2;
  const deadline = Date.now() + o.timeoutMs;
  const unfinished = async () =>
    (await retried(() => e.list())).filter(
      (w) => w.id.startsWith("c") && w.status !== "done" && w.status !== "failed",
    ).length;
  try {
    // Signals and kills interleave; kills go on (up to maxKills) until all have finished.
    while (Date.now() < deadline && (signals.length > 0 || (await unfinished()) > 0)) {
      for (const s of signals.splice(0, 1 + Math.floor(rnd() * 3)))
        await retried(() => e.signal(s.id, "e" + s.r, 10 * (s.r + 1), { run: false }));
      await delay(50 + rnd() * 150);
      if (Date.now() >= nextKill && kills < o.maxKills) {
        const k = Math.floor(rnd() * workers.length);
        workers[k].kill("SIGKILL");
        workers[k] = spawnWorker();
        kills++;
        if (o.cut && rnd() < 0.5) {
          await o.cut();
          cuts++;
        }
        nextKill = Date.now() + o.killEveryMs * rnd() * 2;
      }
    }
  } finally {
    process.removeListener("exit", killAll);
    for (const w of workers) w.kill("SIGTERM");
    await Promise.all(
      workers.map((w) => (w.exitCode === null ? new Promise((r) => w.once("exit", r)) : null)),
    );
  }

  const problems: string[] = [];
  const expected = (ROUNDS * (ROUNDS + 1)) / 2 + (10 * ROUNDS * (ROUNDS + 1)) / 2;
  const counts = new Map<string, number>();
  for (const key of fs.readFileSync(ledger, "utf8").split("\n").filter(Boolean))
    counts.set(key, (counts.get(key) ?? 0) + 1);
  let finished = 0;
  let repeats = 0;
  for (const id of ids) {
    const w = (await e.get(id))!;
    if (w.status === "done" && w.result === expected) finished++;
    else
      problems.push(
        `${id}: ${w.status} ${JSON.stringify(w.result ?? w.error ?? null)} (waits ${w.waits})`,
      );
    if ((await e.store.events(id)).length) problems.push(`${id}: events left in the buffer`);
    for (let r = 0; r < ROUNDS; r++) {
      const key = `${id}/s${r}`;
      const n = counts.get(key) ?? 0;
      const step = await e.store.step(id, `s${r}`);
      if (n === 0) problems.push(`${key}: no effect in the ledger`);
      if (step && n > step.attempts)
        problems.push(`${key}: ${n} effects for ${step.attempts} begins`);
      repeats += Math.max(0, n - 1);
    }
  }
  await e.close();
  return {
    workflows: o.workflows,
    finished,
    kills,
    cuts,
    effects: [...counts.values()].reduce((a, b) => a + b, 0),
    repeats,
    problems,
    elapsedMs: Date.now() - started,
  };
}
