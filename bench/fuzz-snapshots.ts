// `npm run fuzz:snapshots [-- --count N --seed S --out DIR]`: structured fuzzing of
// snapshots (see test/snapshot-fuzz-lib.ts). Prints the outcomes by kind, the
// distinct host exceptions found, and saves each failing case (its bytes and what was
// done to them) as a reproducer under the output directory it names.
//
// FUZZ_COUNT, FUZZ_SEED and FUZZ_OUT in the environment work too. A reproducer runs
// again with `node dist/bench/fuzz-snapshots.js --replay DIR/case-N.snap`.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
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

function main(): void {
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
  const out = option("out", "FUZZ_OUT", path.join(os.tmpdir(), `jaunt-snapshot-fuzz-${seed}`));
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    console.error("fuzz-snapshots: --count and --seed must be integers");
    process.exitCode = 2;
    return;
  }
  const t0 = Date.now();
  const seeds = makeSeeds();
  console.log(
    `${seeds.length} seed snapshots from ${new Set(seeds.map((s) => s.name)).size} programs; ` +
      `${count} cases, seed ${seed}; reproducers go to ${out}`,
  );
  const counts = new Map<Outcome, number>();
  const found = new Map<string, { n: number; file: string }>();
  const arb = caseArbitrary(seeds.length);
  const chunk = 1000;
  let failures = 0;
  for (let done = 0; done < count;) {
    const n = Math.min(chunk, count - done);
    const cases = fc.sample(arb, { seed: seed + done, numRuns: n });
    for (const c of cases) {
      const { bytes, what } = buildCase(seeds, c);
      if (process.env.FUZZ_TRACE) fs.writeSync(2, `case ${done}: ${what.join("; ")}\n`);
      const r = runCase(bytes);
      counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
      if (r.outcome === "host-exception") {
        failures++;
        const key = (r.message ?? "").split("\n").slice(0, 2).join(" | ");
        const known = found.get(key);
        if (known) known.n++;
        else {
          const file = saveReproducer(out, done, bytes, { case: c, what, message: r.message });
          found.set(key, { n: 1, file });
          console.log(`FAIL case ${done}: ${key}\n  ${what.join("; ")}\n  saved as ${file}`);
        }
      }
      done++;
    }
    const secs = ((Date.now() - t0) / 1000).toFixed(0);
    console.log(
      `${done}/${count} (${secs} s): ` + [...counts].map(([k, v]) => `${k} ${v}`).join(", "),
    );
  }
  console.log("\noutcomes:");
  for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]))
    console.log(`  ${k.padEnd(15)} ${v}`);
  console.log(`distinct host exceptions: ${found.size} (${failures} cases)`);
  for (const [k, v] of found) console.log(`  ${v.n}× ${k}\n     ${v.file}`);
  console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s`);
  process.exitCode = failures ? 1 : 0;
}

main();
