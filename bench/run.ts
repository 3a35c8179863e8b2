// npm run bench — times vmrun against node and node --jitless on bench/programs and
// prints a table (median wall time of several runs, process start-up included).
// Measured, never asserted: speed is not part of `npm test`. Then start-up and
// resume (bench/startup.ts); `npm run bench -- --startup` prints only those.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startupRows } from "./startup";

const ROOT = path.resolve(__dirname, "..", "..");
const PROGRAMS = path.join(ROOT, "bench", "programs");
const VMRUN = path.join(ROOT, "dist", "bin", "vmrun.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Engine {
  name: string;
  argv: (file: string) => string[];
}

const engines: Engine[] = [
  { name: "node", argv: (f) => [f] },
  { name: "node --jitless", argv: (f) => ["--jitless", f] },
  { name: "vmrun", argv: (f) => [VMRUN, f] },
  { name: "vmrun (jitless host)", argv: (f) => ["--jitless", VMRUN, f] },
];

function time(args: string[]): { ms: number; out: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return { ms, out: r.stdout };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const onlyStartup = process.argv.includes("--startup");
const files = fs
  .readdirSync(PROGRAMS)
  .filter((f) => f.endsWith(".js"))
  .sort()
  .filter(() => !onlyStartup);
const rows: string[][] = [];
for (const f of files) {
  const file = path.join(PROGRAMS, f);
  const row = [f];
  let reference = "";
  let nodeMs = 0;
  for (const e of engines) {
    const samples: number[] = [];
    let out = "";
    for (let i = 0; i < RUNS; i++) {
      const r = time(e.argv(file));
      samples.push(r.ms);
      out = r.out;
    }
    if (!reference) reference = out;
    else if (out !== reference) throw new Error(`${e.name} printed something else for ${f}`);
    const ms = median(samples);
    if (e.name === "node") nodeMs = ms;
    row.push(`${ms.toFixed(0)} ms` + (e.name === "node" ? "" : ` (${(ms / nodeMs).toFixed(1)}x)`));
  }
  rows.push(row);
}
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

if (rows.length) {
  printTable(["program", ...engines.map((e) => e.name)], rows);
  console.log(
    `\nmedian of ${RUNS} runs each, wall time including process start-up; ${process.version} on ${process.arch}\n`,
  );
}
const startupRuns = Math.max(RUNS, 5);
printTable(["start-up and resume", "median wall"], startupRows(startupRuns));
console.log(
  `\nprocesses: median of ${startupRuns} alternating runs; in-process: median of 20 after the first`,
);
