// The snapshot codec at scale, for `npm run bench -- --snapshot`: a heap of N small
// objects ({i, s: "x" + i} in an array) for N = 10k, 100k and 1M, its snapshot's size
// and the CPU time (user + system, best of several runs: wall time means little on a
// shared machine) to encode it and to decode it (Jaunt.resume), plain and compressed;
// then the resume of a small snapshot, and what of it is the decode (beyond the fresh
// VM and realm that Jaunt.create also builds).

import { Jaunt } from "../vm";
import type { SnapshotCompression } from "../vm/snapshot-compress";

const quiet = { stdout: () => {}, stderr: () => {} };

function cpuMs<T>(f: () => T): [T, number] {
  const t = process.cpuUsage();
  const r = f();
  const u = process.cpuUsage(t);
  return [r, (u.user + u.system) / 1000];
}

function heapOf(n: number): Jaunt {
  const j = Jaunt.create(quiet);
  j.load(
    `const a = []; for (let i = 0; i < ${n}; i++) a.push({ i, s: "x" + i }); globalThis.keep = a;`,
    "/bench/objects.js",
  );
  j.run();
  return j;
}

/** Size, best encode and best decode CPU time of `runs` snapshots. */
function measure(j: Jaunt, runs: number, compress?: SnapshotCompression): number[] {
  let encode = Infinity;
  let decode = Infinity;
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const [bytes, e] = cpuMs(() => j.snapshot({ compress }));
    const [, d] = cpuMs(() => Jaunt.resume(bytes, quiet));
    size = bytes.length;
    encode = Math.min(encode, e);
    decode = Math.min(decode, d);
  }
  return [size, encode, decode];
}

export function snapshotRows(runs: number): string[][] {
  const rows: string[][] = [];
  const f = (x: number) => `${x.toFixed(0)} ms`;
  for (const n of [10_000, 100_000, 1_000_000]) {
    const j = heapOf(n);
    for (const compress of [undefined, "brotli"] as const) {
      const [size, encode, decode] = measure(j, runs, compress);
      rows.push([
        `${n / 1000}k objects${compress ? `, ${compress}` : ""}`,
        `${(size / 1e6).toFixed(2)} MB (${(size / n).toFixed(1)} B/object)`,
        f(encode),
        f(decode),
      ]);
    }
  }
  const j = Jaunt.create(quiet);
  j.load(
    "let total = 0;\nfor (let i = 0; i < 200; i++) total += i;\nconsole.log(total);",
    "/bench/small.js",
  );
  j.run(300);
  const small = j.snapshot();
  Jaunt.resume(small, quiet);
  let best = Infinity;
  let create = Infinity;
  for (let i = 0; i < 20; i++) {
    best = Math.min(best, cpuMs(() => Jaunt.resume(small, quiet))[1]);
    create = Math.min(create, cpuMs(() => Jaunt.create(quiet))[1]);
  }
  // A resume is a fresh VM and realm (what Jaunt.create costs) plus the decode.
  rows.push([
    `resume a small snapshot`,
    `${small.length} B`,
    "",
    `${best.toFixed(2)} ms (decode ≈ ${Math.max(0, best - create).toFixed(2)} ms)`,
  ]);
  return rows;
}
