// Live snapshots and recordings, measured (node dist/bench/live-snapshots.js):
// - `vmsnap PID` latency: from the request to the file written, as vmsnap reports it,
//   median of 20, on a program waiting for timers and on one computing;
// - what recording costs: bench/programs under `vmrun` and `vmrun --record` (default
//   interval), median wall and CPU time of 3 alternating runs, and the recording's size
//   against the sum of its snapshots;
// - start-up: `vmrun examples/hello.js`, median of 20, against `--before DIST` (another
//   build's dist folder, e.g. the main branch's) when given.

import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "dist", "bin");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-live-bench-"));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed(args: string[]): { wall: number; cpu: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", cwd: tmp });
  if (r.status !== 0) throw new Error(`${args.join(" ")}: ${r.stderr}`);
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  // The child's CPU time: what spawnSync's children used (user + system).
  return { wall, cpu: childCpu() };
}

let lastChildCpu = 0;
function childCpu(): number {
  // process.cpuUsage covers this process only; /proc gives the reaped children's.
  const stat = fs.readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[13]) + Number(fields[14]); // cutime + cstime
  const ms = (ticks * 1000) / 100;
  const d = ms - lastChildCpu;
  lastChildCpu = ms;
  return d;
}

async function latency(name: string, source: string): Promise<void> {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, source);
  const child = spawn(process.execPath, [path.join(BIN, "vmrun.js"), file], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 1500));
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const r = spawnSync(
      process.execPath,
      [path.join(BIN, "vmsnap.js"), String(child.pid), "-o", path.join(tmp, `${name}.snap`)],
      { encoding: "utf8" },
    );
    const m = /written in ([\d.]+) ms/.exec(r.stdout);
    if (!m) throw new Error(`vmsnap: ${r.stderr}`);
    times.push(Number(m[1]));
  }
  child.kill();
  const size = fs.statSync(path.join(tmp, `${name}.snap`)).size;
  console.log(
    `vmsnap PID, ${name}: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}), snapshot ${size} bytes`,
  );
}

async function main(): Promise<void> {
  const before = process.argv.indexOf("--before");
  const beforeDist = before > 0 ? process.argv[before + 1] : undefined;

  await latency(
    "waiting.js",
    "let n = 0;\nsetInterval(() => { n++; }, 50);\nsetTimeout(() => process.exit(0), 120000);\n",
  );
  await latency(
    "computing.js",
    "let s = 0;\nfor (let i = 0; ; i++) { s = (s + i * 7) % 1000003; if (i === 5e9) break; }\n",
  );

  console.log("\nrecording (median of 3; wall ms, CPU ms; stored bytes / sum of snapshots)");
  for (const prog of fs.readdirSync(path.join(ROOT, "bench", "programs"))) {
    const file = path.join(ROOT, "bench", "programs", prog);
    const plain: { wall: number; cpu: number }[] = [];
    const rec: { wall: number; cpu: number }[] = [];
    let end: { snapshots: number; snapshotBytes: number; storedBytes: number } | null = null;
    childCpu();
    for (let i = 0; i < 3; i++) {
      plain.push(timed([path.join(BIN, "vmrun.js"), file]));
      const dir = path.join(tmp, `${prog}.${i}.rec`);
      rec.push(timed([path.join(BIN, "vmrun.js"), "--record", dir, file]));
      end = JSON.parse(fs.readFileSync(path.join(dir, "end.json"), "utf8"));
      fs.rmSync(dir, { recursive: true });
    }
    const pw = median(plain.map((x) => x.wall));
    const rw = median(rec.map((x) => x.wall));
    const pc = median(plain.map((x) => x.cpu));
    const rc = median(rec.map((x) => x.cpu));
    console.log(
      `${prog.padEnd(12)} plain ${pw.toFixed(0)} / ${pc.toFixed(0)}  recorded ${rw.toFixed(0)} / ${rc.toFixed(0)}  ` +
        `(×${(rw / pw).toFixed(2)} wall, ×${(rc / pc).toFixed(2)} CPU)  ${end!.snapshots} snapshots, ` +
        `${end!.storedBytes} / ${end!.snapshotBytes} bytes (${((100 * end!.storedBytes) / end!.snapshotBytes).toFixed(0)}%)`,
    );
  }

  const hello = path.join(ROOT, "examples", "hello.js");
  const builds: [string, string][] = [["this build", BIN]];
  if (beforeDist) builds.unshift(["before", path.join(path.resolve(beforeDist), "bin")]);
  const walls = new Map<string, number[]>(builds.map(([n]) => [n, []]));
  for (let i = 0; i < 20; i++)
    for (const [n, bin] of builds)
      walls.get(n)!.push(timed([path.join(bin, "vmrun.js"), hello]).wall);
  console.log("\nvmrun hello.js (median of 20, alternating)");
  for (const [n] of builds) console.log(`${n.padEnd(12)} ${median(walls.get(n)!).toFixed(1)} ms`);
  fs.rmSync(tmp, { recursive: true, force: true });
}

void main();
