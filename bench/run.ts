// npm run bench — times vmrun against node, node --jitless and QuickJS compiled to
// WebAssembly on bench/programs and prints two tables: the work time each program
// reports itself (its last line, "@work MS"; best of several runs) with each engine's
// geomean ratio to node, and the median wall time (process start-up included).
// Measured, never asserted: speed is not part of `npm test`. Then start-up and
// resume (bench/startup.ts); `npm run bench -- --startup` prints only those,
// `npm run bench -- --snapshot` only the snapshot codec at scale (bench/snapshot.ts),
// and `npm run bench -- --programs DIR` times the programs in DIR instead of bench/programs.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startupRows } from "./startup";
import { snapshotRows } from "./snapshot";

const ROOT = path.resolve(__dirname, "..", "..");
// `--programs DIR` times another folder's programs (e.g. Octane's, bench/octane.ts).
const programsAt = process.argv.indexOf("--programs");
const PROGRAMS =
  programsAt >= 0
    ? path.resolve(process.argv[programsAt + 1])
    : path.join(ROOT, "bench", "programs");
const VMRUN = path.join(ROOT, "dist", "bin", "vmrun.js");
const QUICKJS = path.join(ROOT, "dist", "bench", "quickjs-run.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Engine {
  name: string;
  argv: (file: string) => string[];
}

const engines: Engine[] = [
  { name: "node", argv: (f) => [f] },
  { name: "node --jitless", argv: (f) => ["--jitless", f] },
  { name: "quickjs-wasm", argv: (f) => [QUICKJS, f] },
  { name: "vmrun", argv: (f) => [VMRUN, f] },
  { name: "vmrun (jitless host)", argv: (f) => ["--jitless", VMRUN, f] },
];

/** One run: wall time, the work time the program reported, and its output without that line. */
function time(args: string[]): { ms: number; work: number; out: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  const m = /^@work (\d+(?:\.\d+)?)\n/m.exec(r.stdout);
  if (!m) throw new Error(`${args.join(" ")} printed no "@work MS" line`);
  return { ms, work: Number(m[1]), out: r.stdout.replace(m[0], "") };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const onlyStartup = process.argv.includes("--startup");
const onlySnapshot = process.argv.includes("--snapshot");
const files = fs
  .readdirSync(PROGRAMS)
  .filter((f) => f.endsWith(".js"))
  .sort()
  .filter(() => !onlyStartup && !onlySnapshot);
const rows: string[][] = [];
const workRows: string[][] = [];
const ratios: number[][] = engines.map(() => []);
for (const f of files) {
  const file = path.join(PROGRAMS, f);
  const row = [f];
  const workRow = [f];
  let reference = "";
  let nodeMs = 0;
  let nodeWork = 0;
  engines.forEach((e, k) => {
    const samples: number[] = [];
    let work = Infinity;
    let out = "";
    for (let i = 0; i < RUNS; i++) {
      const r = time(e.argv(file));
      samples.push(r.ms);
      work = Math.min(work, r.work);
      out = r.out;
    }
    if (!reference) reference = out;
    else if (out !== reference) throw new Error(`${e.name} printed something else for ${f}`);
    const ms = median(samples);
    if (e.name === "node") {
      nodeMs = ms;
      nodeWork = Math.max(work, 1);
    }
    const ratio = Math.max(work, 1) / nodeWork;
    ratios[k].push(ratio);
    row.push(`${ms.toFixed(0)} ms` + (e.name === "node" ? "" : ` (${(ms / nodeMs).toFixed(1)}x)`));
    workRow.push(`${work.toFixed(0)} ms` + (e.name === "node" ? "" : ` (${ratio.toFixed(1)}x)`));
  });
  rows.push(row);
  workRows.push(workRow);
}
const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

if (rows.length) {
  workRows.push(["geomean / node", ...ratios.map((r) => `${geomean(r).toFixed(1)}x`)]);
  printTable(["work time", ...engines.map((e) => e.name)], workRows);
  console.log(`\nbest of ${RUNS} runs each of the time the program reports itself\n`);
  printTable(["program", ...engines.map((e) => e.name)], rows);
  console.log(
    `\nmedian of ${RUNS} runs each, wall time including process start-up; ${process.version} on ${process.arch}\n`,
  );
}
if (onlySnapshot) {
  printTable(["snapshot", "size", "encode", "decode"], snapshotRows(RUNS));
  console.log(
    `\nCPU time (user + system), best of ${RUNS} runs; decode is Jaunt.resume (a realm built, then the heap); ${process.version}`,
  );
} else {
  const startupRuns = Math.max(RUNS, 5);
  printTable(["start-up and resume", "median wall"], startupRows(startupRuns));
  console.log(
    `\nprocesses: median of ${startupRuns} alternating runs; in-process: the median wall and mean CPU time (collections included) of 100 calls after 100 of warm-up, the warm-up's mean CPU time, and the first (and second) call`,
  );
}
