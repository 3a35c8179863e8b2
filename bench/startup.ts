// Start-up and resume, for `npm run bench`: `vmrun hello.js` against `node hello.js`,
// `vmrun --version` and `vmresume` of a small snapshot (separate processes,
// alternating), and in this process Jaunt.create, create + load + run of hello.js, and
// the resume of a small snapshot.
//
// In one process a call's cost has three regimes, reported apart: the first call
// (the prelude runs: the process's runtime caches are built), the second create (it
// builds the pristine realm every later realm is copied from, see realm-clone.ts),
// then V8's warm-up: for the next tens of calls the copy and decode code runs
// unoptimized while TurboFan compiles it on other threads, which process.cpuUsage
// counts too. Only after that is a call's cost the product's steady state (what
// callgrind measures in a long loop). The bench once gave one median and one mean
// over the 20 calls after the first, mixing all three: 6.7 ms "per create" where the
// steady state is under 1 ms.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Jaunt } from "../vm";

const ROOT = path.resolve(__dirname, "..", "..");
const HELLO = path.join(ROOT, "examples", "hello.js");
const VMRUN = path.join(ROOT, "dist", "bin", "vmrun.js");
const VMRESUME = path.join(ROOT, "dist", "bin", "vmresume.js");

/** A program paused half-way, small enough that its snapshot is about 2 KB. */
const SMALL = `let total = 0;
for (let i = 0; i < 200; i++) total += i;
console.log(total);`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function ms(f: () => void): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function processWall(args: string[]): number {
  return ms(() => {
    const r = spawnSync(process.execPath, args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  });
}

/** Host CPU milliseconds (user + system, garbage collection included) `f` takes. */
function cpuMs(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/** Calls in the warm-up window (after the first two) and in the steady-state window. */
const WARM_UP = 100;
const STEADY = 100;

/** What a series of calls of one kind cost: see the comment at the top. */
interface Series {
  first: number;
  second: number;
  /** Mean CPU ms of the warm-up calls. */
  warmUpCpu: number;
  /** Median wall ms and mean CPU ms (collections included) of the calls after warm-up. */
  steady: number;
  steadyCpu: number;
}

function series(f: () => void): Series {
  const first = ms(f);
  const second = ms(f);
  const warmUpCpu = cpuMs(() => {
    for (let i = 0; i < WARM_UP; i++) f();
  });
  const walls: number[] = [];
  const steadyCpu = cpuMs(() => {
    for (let i = 0; i < STEADY; i++) walls.push(ms(f));
  });
  return {
    first,
    second,
    warmUpCpu: warmUpCpu / WARM_UP,
    steady: median(walls),
    steadyCpu: steadyCpu / STEADY,
  };
}

const f = (x: number) => `${x.toFixed(1)} ms`;
const f2 = (x: number) => `${x.toFixed(2)} ms`;

/** "steady 0.93 ms (1.08 ms CPU; warm-up 8.7 ms CPU; first 120 ms, second 60 ms)" */
function seriesText(s: Series, withSecond: boolean): string {
  const second = withSecond ? `, second ${f(s.second)}` : "";
  return (
    `${f2(s.steady)} (${f2(s.steadyCpu)} CPU; warm-up ${f(s.warmUpCpu)} CPU;` +
    ` first ${f(s.first)}${second})`
  );
}

export function startupRows(runs: number): string[][] {
  const hello = fs.readFileSync(HELLO, "utf8");
  const quiet = { stdout: () => {}, stderr: () => {} };
  const create = series(() => Jaunt.create(quiet));
  const helloRun = series(() => {
    const j = Jaunt.create(quiet);
    j.load(hello, HELLO);
    j.run();
  });
  const j = Jaunt.create(quiet);
  j.load(SMALL, "/bench/small.js");
  j.run(300);
  const snap = j.snapshot();
  const resume = series(() => Jaunt.resume(snap, quiet).run());
  const snapFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-bench-")), "small.snap");
  fs.writeFileSync(snapFile, snap);
  const nodeMs: number[] = [];
  const vmrunMs: number[] = [];
  const versionMs: number[] = [];
  const vmresumeMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    nodeMs.push(processWall([HELLO]));
    vmrunMs.push(processWall([VMRUN, HELLO]));
    versionMs.push(processWall([VMRUN, "--version"]));
    vmresumeMs.push(processWall([VMRESUME, snapFile]));
  }
  fs.rmSync(path.dirname(snapFile), { recursive: true, force: true });
  const node = median(nodeMs);
  const vmrun = median(vmrunMs);
  return [
    ["node hello.js (process)", f(node)],
    ["vmrun hello.js (process)", `${f(vmrun)} (${(vmrun / node).toFixed(1)}x node)`],
    ["vmrun --version (process)", f(median(versionMs))],
    [`vmresume of the ${snap.length} B snapshot (process)`, f(median(vmresumeMs))],
    ["Jaunt.create", seriesText(create, true)],
    ["create + load + run hello.js", seriesText(helloRun, false)],
    [`resume ${snap.length} B snapshot + run`, seriesText(resume, false)],
  ];
}
