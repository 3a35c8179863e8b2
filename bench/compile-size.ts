// npm run bench:compile-size — compile time, peak memory and output size for long
// generated sources (issue 9: 50 MB of `x=1;` must not exhaust the host's memory).
// Each (shape, size) compiles in a fresh child process, so its peak RSS is its own;
// sources past the main thread's heap compile on a worker, whose memory counts too.
//
//   node dist/bench/compile-size.js [--sizes 1,5,10,25,50] [--shapes x,mix,fn]
//                                   [--vmrun] [--dist DIR]
//
// Shapes: `x` is `x=1;` repeated; `mix` is `var aN=1; function fN(){return aN+1}`
// repeated; `fn` is one function whose body is `x=1;` repeated. --vmrun also runs the
// `x` sources end to end under bin/vmrun (wall time and peak RSS via /usr/bin/time).
// --dist compiles with another build (e.g. /work/main/dist, the "before" of a change).
// Measured, never asserted (test/hostile-source.test.ts asserts the growth).

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Program } from "../compiler";

const MB = 1024 * 1024;

/** A source of about `bytes` characters of the given shape. */
export function generate(shape: string, bytes: number): string {
  switch (shape) {
    case "x":
      return "x=1;".repeat(Math.floor(bytes / 4));
    case "mix": {
      const parts: string[] = [];
      let n = 0;
      for (let i = 0; n < bytes; i++) {
        const s = `var a${i}=1; function f${i}(){return a${i}+1}\n`;
        parts.push(s);
        n += s.length;
      }
      return parts.join("");
    }
    case "fn":
      return `function big(){var x;${"x=1;".repeat(Math.floor((bytes - 30) / 4))}}big();`;
    default:
      throw new Error(`unknown shape ${shape}`);
  }
}

/** Bytes of a program's output: code words, and the side tables beside them. */
export function outputBytes(p: Program): { code: number; tables: number } {
  let code = 0;
  let tables = 0;
  const str = (s: string): number => 2 * s.length;
  for (const f of p.functions) {
    code += f.code.byteLength;
    tables += f.positions.byteLength + f.handlers.byteLength;
    for (const c of f.consts) tables += typeof c === "string" ? str(c) : 8;
    for (const n of f.localNames) tables += str(n);
    for (const s of f.scopes) for (const n of s.names) tables += str(n ?? "") + 1;
  }
  return { code, tables };
}

interface Row {
  shape: string;
  mb: number;
  ms: number;
  /** CPU time of the whole process (its threads, a compile worker included). */
  cpuMs: number;
  rssMb: number;
  code: number;
  tables: number;
  functions: number;
  error?: string;
}

function child(dist: string, shape: string, mb: number): void {
  const { compile } = require(path.join(dist, "compiler")) as typeof import("../compiler");
  const source = generate(shape, mb * MB);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const row: Row = { shape, mb, ms: 0, cpuMs: 0, rssMb: 0, code: 0, tables: 0, functions: 0 };
  try {
    const p = compile(source, { kind: "commonjs", filename: "/bench.js" });
    row.ms = performance.now() - t0;
    const out = outputBytes(p);
    row.code = out.code / source.length;
    row.tables = out.tables / source.length;
    row.functions = p.functions.length;
  } catch (e) {
    row.ms = performance.now() - t0;
    row.error = (e as Error).message.slice(0, 80);
  }
  const c = process.cpuUsage(c0);
  row.cpuMs = (c.user + c.system) / 1000;
  row.rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(row) + "\n");
}

function vmrun(dist: string, mb: number): string {
  const file = path.join(os.tmpdir(), `jaunt-compile-size-${process.pid}-${mb}.js`);
  fs.writeFileSync(file, generate("x", mb * MB) + "\nconsole.log(x);");
  try {
    const t0 = performance.now();
    const r = spawnSync(
      "/usr/bin/time",
      ["-f", "%M %U %S", process.execPath, path.join(dist, "bin", "vmrun.js"), file],
      { encoding: "utf8", maxBuffer: 64 * MB },
    );
    const s = (performance.now() - t0) / 1000;
    const [kb, user, sys] = (r.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
    const rss = kb / 1024;
    const cpu = user + sys;
    const ok = r.status === 0 && r.stdout === "1\n";
    return `vmrun x ${mb} MB: ${s.toFixed(1)} s (CPU ${cpu.toFixed(1)} s), peak RSS ${rss.toFixed(0)} MB, ${ok ? "ok" : `FAILED (exit ${r.status}) ${r.stderr.slice(0, 200)}`}`;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string): string => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const dist = path.resolve(opt("--dist", path.join(__dirname, "..")));
  if (args[0] === "--child") return child(dist, args[1], Number(args[2]));
  const sizes = opt("--sizes", "1,5,10,25,50").split(",").map(Number);
  const shapes = opt("--shapes", "x,mix,fn").split(",");
  console.log(
    "shape  MB   compile s  CPU s  peak RSS MB  RSS/src B  code B/src B  tables B/src B  fns",
  );
  for (const shape of shapes)
    for (const mb of sizes) {
      const r = spawnSync(
        process.execPath,
        [__filename, "--child", shape, String(mb), "--dist", dist],
        {
          encoding: "utf8",
        },
      );
      const line = r.stdout.trim().split("\n").at(-1) ?? "";
      let row: Row;
      try {
        row = JSON.parse(line) as Row;
      } catch {
        console.log(
          `${shape.padEnd(5)} ${String(mb).padStart(3)}  died (exit ${r.status ?? r.signal}): ${r.stderr.slice(-200)}`,
        );
        continue;
      }
      console.log(
        [
          shape.padEnd(5),
          String(mb).padStart(3),
          (row.ms / 1000).toFixed(1).padStart(10),
          (row.cpuMs / 1000).toFixed(1).padStart(6),
          row.rssMb.toFixed(0).padStart(12),
          ((row.rssMb * MB) / (mb * MB)).toFixed(0).padStart(10),
          row.code.toFixed(2).padStart(13),
          row.tables.toFixed(2).padStart(15),
          String(row.functions).padStart(8),
          row.error ? ` error: ${row.error}` : "",
        ].join(" "),
      );
    }
  if (args.includes("--vmrun")) for (const mb of sizes) console.log(vmrun(dist, mb));
}

main();
