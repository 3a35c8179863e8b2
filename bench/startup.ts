// Start-up and resume, for `npm run bench`: `vmrun hello.js` against `node hello.js`,
// `vmrun --version` and `vmresume` of a small snapshot (separate processes,
// alternating), and in this process Jaunt.create, create + load +
// run of hello.js, and the resume of a small snapshot: the first call (which builds
// the runtime's caches), the median wall time of the calls after it and their mean
// CPU time.

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

/**
 * First call, then the median wall time of `n` more and their mean CPU time (which
 * load does not inflate, and which counts the collections their garbage costs).
 */
function firstAndMedian(n: number, f: () => void): [number, number, number] {
  const first = ms(f);
  const rest: number[] = [];
  const cpu = cpuMs(() => {
    for (let i = 0; i < n; i++) rest.push(ms(f));
  });
  return [first, median(rest), cpu / n];
}

export function startupRows(runs: number): string[][] {
  const hello = fs.readFileSync(HELLO, "utf8");
  const quiet = { stdout: () => {}, stderr: () => {} };
  const [createFirst, create, createCpu] = firstAndMedian(20, () => Jaunt.create(quiet));
  const [, helloRun, helloCpu] = firstAndMedian(20, () => {
    const j = Jaunt.create(quiet);
    j.load(hello, HELLO);
    j.run();
  });
  const j = Jaunt.create(quiet);
  j.load(SMALL, "/bench/small.js");
  j.run(300);
  const snap = j.snapshot();
  const [resumeFirst, resume, resumeCpu] = firstAndMedian(20, () =>
    Jaunt.resume(snap, quiet).run(),
  );
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
  const f = (x: number) => `${x.toFixed(1)} ms`;
  const cpu = (x: number) => `, ${f(x)} CPU`;
  const node = median(nodeMs);
  const vmrun = median(vmrunMs);
  return [
    ["node hello.js (process)", f(node)],
    ["vmrun hello.js (process)", `${f(vmrun)} (${(vmrun / node).toFixed(1)}x node)`],
    ["vmrun --version (process)", f(median(versionMs))],
    [`vmresume of the ${snap.length} B snapshot (process)`, f(median(vmresumeMs))],
    ["Jaunt.create", `${f(create)} (first ${f(createFirst)}${cpu(createCpu)})`],
    ["create + load + run hello.js", `${f(helloRun)} (${cpu(helloCpu).slice(2)})`],
    [
      `resume ${snap.length} B snapshot + run`,
      `${f(resume)} (first ${f(resumeFirst)}${cpu(resumeCpu)})`,
    ],
  ];
}
