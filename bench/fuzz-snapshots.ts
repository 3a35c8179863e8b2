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
  | { kind: "result"; n: number; outcome: Outcome; message?: string };

interface Range {
  seed: number;
  from: number;
  count: number;
}

/** The worker: runs cases from..count-1, saying which one it starts and how it ended. */
function work({ seed, from, count }: Range): void {
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
      const r = runCase(bytes);
      post({ kind: "result", n, outcome: r.outcome, message: r.message });
    }
  }
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
  const out = option("out", "FUZZ_OUT", path.join(os.tmpdir(), `jaunt-snapshot-fuzz-${seed}`));
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || !(hangMs > 0)) {
    console.error("fuzz-snapshots: --count, --seed and --hang-ms must be positive integers");
    process.exitCode = 2;
    return;
  }
  const t0 = Date.now();
  console.log(`${count} cases, seed ${seed}; reproducers go to ${out}`);
  const counts = new Map<Outcome | "hang", number>();
  const found = new Map<string, { n: number; file: string }>();
  let failures = 0;
  let finished = 0;
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

  let from = 0;
  while (from < count) {
    const range: Range = { seed, from, count };
    const worker = new Worker(__filename, { workerData: range });
    let current: Extract<Message, { kind: "case" }> | null = null;
    let lastNews = Date.now();
    let hung = false;
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
        if (finished % 1000 === 0 || finished === count) {
          const secs = ((Date.now() - t0) / 1000).toFixed(0);
          console.log(
            `${finished}/${count} (${secs} s): ` +
              [...counts].map(([k, v]) => `${k} ${v}`).join(", "),
          );
        }
      }
    });
    await new Promise<void>((resolve) => {
      const watchdog = setInterval(() => {
        if (Date.now() - lastNews < hangMs) return;
        hung = true;
        void worker.terminate();
      }, 1000);
      worker.on("error", (e) => console.log(`worker failed: ${e.stack ?? e}`));
      worker.on("exit", () => {
        clearInterval(watchdog);
        resolve();
      });
    });
    if (hung && current) {
      const c: Extract<Message, { kind: "case" }> = current;
      counts.set("hang", (counts.get("hang") ?? 0) + 1);
      finding(c.n, c, `hang: no answer in ${hangMs} ms`);
      from = c.n + 1;
    } else if (finished < count) {
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
    } else from = count;
  }
  console.log("\noutcomes:");
  for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]))
    console.log(`  ${k.padEnd(15)} ${v}`);
  console.log(`distinct findings: ${found.size} (${failures} cases)`);
  for (const [k, v] of found) console.log(`  ${v.n}× ${k}\n     ${v.file}`);
  console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s`);
  process.exitCode = failures ? 1 : 0;
}

if (isMainThread) void main();
else work(workerData as Range);
