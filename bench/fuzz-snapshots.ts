// `npm run fuzz:snapshots [-- --count N --seed S --out DIR]`: structured fuzzing of
// snapshots (see test/snapshot-fuzz-lib.ts). Prints the outcomes by kind, the
// distinct host exceptions found, and saves each failing case (its bytes and what was
// done to them) as a reproducer under the output directory it names.
//
// The cases run on a worker thread watched by this one: a case that holds the host for
// more than --hang-ms (default 60 s) without finishing — a loop the decoded state made
// endless — is a finding too ("hang"): the worker is stopped, the case saved, and a new
// worker goes on from the next case.
//
// Memory is capped too, so a run can never take the machine down: the worker's V8 heap
// by resourceLimits (--heap-mb, default 2048) and the whole process's RSS (--rss-mb,
// default 4096, which also counts buffers outside the V8 heap) by the watcher. Each
// case also runs under a guest heap limit (limits.heapBytes, --guest-heap-mb 256), so only a VM
// limit that does not hold can reach these caps; a case that does is an "oom" finding,
// saved, and a new worker goes on from the next case. --from N starts at case N (cases
// are the same whatever the start), to bisect a range.
//
// FUZZ_COUNT, FUZZ_SEED and FUZZ_OUT in the environment work too. A reproducer runs
// again with `node dist/bench/fuzz-snapshots.js --replay DIR/case-N.snap`.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import fc from "fast-check";
import {
  buildCase,
  caseArbitrary,
  makeSeeds,
  runCase,
  saveReproducer,
  type Outcome,
} from "../test/snapshot-fuzz-lib";

function option(name: string, env: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  return process.env[env] ?? fallback;
}

/** What a worker tells the watcher. */
type Message =
  | { kind: "seeds"; text: string }
  | { kind: "case"; n: number; bytes: Uint8Array; what: string[]; case: unknown }
  | { kind: "result"; n: number; outcome: Outcome; message?: string; rss: number };

interface Range {
  /** The guest heap limit each case resumes with (it may only tighten the snapshot's). */
  guestHeapBytes?: number;
  seed: number;
  from: number;
  count: number;
}

/** The worker: runs cases from..count-1, saying which one it starts and how it ended. */
function work({ seed, from, count, guestHeapBytes }: Range): void {
  const post = (m: Message) => parentPort!.postMessage(m);
  const seeds = makeSeeds();
  post({
    kind: "seeds",
    text: `${seeds.length} seed snapshots from ${new Set(seeds.map((s) => s.name)).size} programs`,
  });
  const arb = caseArbitrary(seeds.length);
  const chunk = 1000;
  // Chunks are sampled from seed + their first case, so a range can start anywhere.
  for (let start = from - (from % chunk); start < count; start += chunk) {
    const cases = fc.sample(arb, { seed: seed + start, numRuns: Math.min(chunk, count - start) });
    for (let k = Math.max(0, from - start); k < cases.length; k++) {
      const n = start + k;
      const { bytes, what } = buildCase(seeds, cases[k]);
      if (process.env.FUZZ_TRACE) fs.writeSync(2, `case ${n}: ${what.join("; ")}\n`);
      post({ kind: "case", n, bytes, what, case: cases[k] });
      const r = runCase(bytes, { heapBytes: guestHeapBytes });
      if (process.env.FUZZ_GC_TRACE) retained(n);
      post({
        kind: "result",
        n,
        outcome: r.outcome,
        message: r.message,
        rss: process.memoryUsage.rss(),
      });
    }
  }
}

/** With --expose-gc: what stays alive after a case (FUZZ_GC_TRACE, to find leaks). */
function retained(n: number): void {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  fs.writeSync(
    2,
    `case ${n}: heap ${mb(m.heapUsed)} MB, external ${mb(m.external)} MB, buffers ${mb(m.arrayBuffers)} MB, rss ${mb(m.rss)} MB\n`,
  );
}

async function main(): Promise<void> {
  const replay = option("replay", "FUZZ_REPLAY", "");
  if (replay) {
    const r = runCase(new Uint8Array(fs.readFileSync(replay)));
    console.log(r.outcome);
    if (r.message) console.log(r.message);
    process.exitCode = r.outcome === "host-exception" ? 1 : 0;
    return;
  }
  const count = Number(option("count", "FUZZ_COUNT", "100000"));
  const seed = Number(option("seed", "FUZZ_SEED", String(Date.now() % 2 ** 31)));
  const hangMs = Number(option("hang-ms", "FUZZ_HANG_MS", "60000"));
  const first = Number(option("from", "FUZZ_FROM", "0"));
  const heapMb = Number(option("heap-mb", "FUZZ_HEAP_MB", "2048"));
  const rssMb = Number(option("rss-mb", "FUZZ_RSS_MB", "4096"));
  // 0: each case keeps its snapshot's own limit.
  const guestMb = Number(option("guest-heap-mb", "FUZZ_GUEST_HEAP_MB", "256"));
  const out = option("out", "FUZZ_OUT", path.join(os.tmpdir(), `jaunt-snapshot-fuzz-${seed}`));
  const positive = [count, seed + 1, hangMs, first + 1, heapMb, rssMb, guestMb + 1];
  if (!positive.every((n) => Number.isInteger(n) && n > 0)) {
    console.error(
      "fuzz-snapshots: --count, --hang-ms, --heap-mb and --rss-mb must be positive integers, --seed, --from and --guest-heap-mb integers ≥ 0",
    );
    process.exitCode = 2;
    return;
  }
  const t0 = Date.now();
  const last = first + count;
  console.log(
    `cases ${first}..${last - 1}, seed ${seed}; heap cap ${heapMb} MB, RSS cap ${rssMb} MB; reproducers go to ${out}`,
  );
  const counts = new Map<Outcome | "hang" | "oom", number>();
  const found = new Map<string, { n: number; file: string }>();
  let failures = 0;
  let finished = first;
  let seedsSaid = false;

  const finding = (n: number, c: Extract<Message, { kind: "case" }>, key: string) => {
    failures++;
    const known = found.get(key);
    if (known) {
      known.n++;
      return;
    }
    const file = saveReproducer(out, n, c.bytes, { case: c.case, what: c.what, message: key });
    found.set(key, { n: 1, file });
    console.log(`FAIL case ${n}: ${key}\n  ${c.what.join("; ")}\n  saved as ${file}`);
  };

  let from = first;
  while (from < last) {
    const range: Range = {
      seed,
      from,
      count: last,
      guestHeapBytes: guestMb * 2 ** 20 || undefined,
    };
    const worker = new Worker(__filename, {
      workerData: range,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    let current: Extract<Message, { kind: "case" }> | null = null;
    let lastNews = Date.now();
    let stopped: "hang" | "oom" | null = null;
    let rssBefore = process.memoryUsage.rss();
    worker.on("message", (m: Message) => {
      lastNews = Date.now();
      if (m.kind === "seeds") {
        if (!seedsSaid) console.log(m.text);
        seedsSaid = true;
      } else if (m.kind === "case") current = m;
      else {
        counts.set(m.outcome, (counts.get(m.outcome) ?? 0) + 1);
        if (m.outcome === "host-exception" && current)
          finding(m.n, current, (m.message ?? "").split("\n").slice(0, 2).join(" | "));
        finished = m.n + 1;
        if (process.env.FUZZ_MEM_TRACE && m.rss - rssBefore > 64 * 2 ** 20)
          console.log(`case ${m.n}: RSS ${mb(rssBefore)} -> ${mb(m.rss)} MB (${m.outcome})`);
        rssBefore = m.rss;
        if (finished % 1000 === 0 || finished === last) {
          const secs = ((Date.now() - t0) / 1000).toFixed(0);
          console.log(
            `${finished - first}/${count} (${secs} s): ` +
              [...counts].map(([k, v]) => `${k} ${v}`).join(", "),
          );
        }
      }
    });
    await new Promise<void>((resolve) => {
      const watchdog = setInterval(() => {
        if (stopped) return;
        if (process.memoryUsage.rss() > rssMb * 2 ** 20) stopped = "oom";
        else if (Date.now() - lastNews >= hangMs) stopped = "hang";
        else return;
        void worker.terminate();
      }, 250);
      worker.on("error", (e) => {
        if ((e as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") stopped = "oom";
        else console.log(`worker failed: ${e.stack ?? e}`);
      });
      worker.on("exit", () => {
        clearInterval(watchdog);
        resolve();
      });
    });
    if (stopped && current && (current as { n: number }).n >= finished) {
      const c: Extract<Message, { kind: "case" }> = current;
      counts.set(stopped, (counts.get(stopped) ?? 0) + 1);
      const why =
        stopped === "hang"
          ? `hang: no answer in ${hangMs} ms`
          : `oom: past the worker's ${heapMb} MB heap or the ${rssMb} MB RSS cap`;
      finding(c.n, c, why);
      from = c.n + 1;
    } else if (finished < last) {
      // The worker died without a hang (a host crash): the case it was on is a finding;
      // if it died before saying which (building a case), the run goes on past it.
      if (current === null || (current as { n: number }).n < finished) {
        console.log(`the worker died building case ${finished}: skipped`);
        from = finished + 1;
      } else {
        const c: Extract<Message, { kind: "case" }> = current;
        finding(c.n, c, "the worker died");
        from = c.n + 1;
      }
    } else from = last;
  }
  console.log("\noutcomes:");
  for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]))
    console.log(`  ${k.padEnd(15)} ${v}`);
  console.log(`distinct findings: ${found.size} (${failures} cases)`);
  for (const [k, v] of found) console.log(`  ${v.n}× ${k}\n     ${v.file}`);
  console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s`);
  process.exitCode = failures ? 1 : 0;
}

function mb(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}

if (isMainThread) void main();
else work(workerData as Range);
