// Which instructions a program executes: `node dist/bench/op-histogram.js FILE [--pairs]
// [--top N] [--kind script|commonjs|module]` prints each opcode's share of the executed
// instructions (a fused one counts once, under its fused name) and, with --pairs, the
// commonest pairs of consecutive ones (candidates for the next fusion).
//
// Kept out of the dispatch loop: it wraps the VM's execute() from outside and runs one
// instruction per call, so it is ~20x slower than a plain run (Octane crypto at scale
// 0.05: ~2.5 min of CPU) and leaves execute() itself as it is.

import * as fs from "node:fs";
import { Jaunt } from "../vm";
import { VM } from "../vm/interpreter/interpreter";
import { OPS } from "../compiler/opcodes";
import type { ProgramKind } from "../compiler";

type Executor = {
  execute(budget: number): number;
  frames: { fn: { code: { code: Int32Array } }; ip: number }[];
};

function main(argv: string[]): void {
  const file = argv.find(
    (a, i) => !a.startsWith("--") && !/^--(top|kind)$/.test(argv[i - 1] ?? ""),
  );
  if (file === undefined) {
    console.error("usage: op-histogram FILE [--pairs] [--top N] [--kind script|commonjs|module]");
    process.exit(2);
  }
  const option = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const top = Number(option("--top") ?? 40);
  const pairs = argv.includes("--pairs");
  const counts = new Float64Array(OPS.length);
  const pairCounts = new Map<number, number>();
  let previous = -1;
  const proto = VM.prototype as unknown as Executor;
  const execute = proto.execute;
  proto.execute = function (this: Executor): number {
    const frame = this.frames[this.frames.length - 1];
    if (frame !== undefined) {
      const op = frame.fn.code.code[frame.ip];
      counts[op]++;
      if (pairs) {
        const key = previous * OPS.length + op;
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
      }
      previous = op;
    }
    return execute.call(this, 1);
  };
  const jaunt = Jaunt.create();
  jaunt.load(fs.readFileSync(file, "utf8"), file, (option("--kind") ?? "commonjs") as ProgramKind);
  let status = jaunt.run().status;
  while (status === "paused" || status === "waiting") status = jaunt.run().status;
  const total = counts.reduce((a, b) => a + b, 0);
  const line = (n: number, name: string): string =>
    `${((100 * n) / total).toFixed(2).padStart(6)}% ${String(n).padStart(11)} ${name}`;
  console.error(`${total} instructions (${status})`);
  [...counts]
    .map((n, op) => [n, op])
    .filter(([n]) => n > 0)
    .sort((a, b) => b[0] - a[0])
    .slice(0, top)
    .forEach(([n, op]) => console.error(line(n, OPS[op].name)));
  if (!pairs) return;
  console.error("pairs:");
  [...pairCounts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([key, n]) => {
      const first = Math.floor(key / OPS.length);
      const name = `${first < 0 ? "(start)" : OPS[first].name} -> ${OPS[key % OPS.length].name}`;
      console.error(line(n, name));
    });
}

main(process.argv.slice(2));
