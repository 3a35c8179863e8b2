// `npm run fuzz -- [--seed S] [--time SECONDS | --count N] [--out DIR] [--program I]
//                  [--vmrun-every K] [--reduce-time SECONDS] [--exclude kind,kind]`
//
// Generates programs from the seed, runs each under node and Jaunt (see check.ts),
// and saves every difference as a reduced reproducer under --out (default fuzz-out/).
// Program i of seed S is always the same program: `--seed S --program I` reruns it.

import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../harness";
import { check, describe, reduce, saveReproducer } from "./check";
import { generate } from "./gen";
import { Rng } from "./random";

export function programSeed(seed: number, i: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x01000193) + Math.imul(i + 1, 0x9e3779b1)) >>> 0;
}

interface Args {
  seed: number;
  time: number;
  count: number;
  out: string;
  program: number | null;
  vmrunEvery: number;
  reduceTime: number;
  exclude: string[];
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    seed: 1,
    time: 0,
    count: 0,
    out: path.join(ROOT, "fuzz-out"),
    program: null,
    vmrunEvery: 10,
    reduceTime: 60,
    exclude: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    const num = () => {
      const n = Number(value);
      if (value === undefined || !Number.isFinite(n) || n < 0) {
        console.error(`fuzz: ${flag} needs a non-negative number`);
        process.exit(2);
      }
      return n;
    };
    switch (flag) {
      case "--seed":
        a.seed = num() >>> 0;
        break;
      case "--time":
        a.time = num();
        break;
      case "--count":
        a.count = num();
        break;
      case "--out":
        a.out = path.resolve(value ?? "fuzz-out");
        break;
      case "--program":
        a.program = num();
        break;
      case "--vmrun-every":
        a.vmrunEvery = num();
        break;
      case "--reduce-time":
        a.reduceTime = num();
        break;
      case "--exclude":
        a.exclude = (value ?? "").split(",").filter(Boolean);
        break;
      default:
        console.error(`fuzz: unknown option ${flag}`);
        process.exit(2);
    }
  }
  if (!a.time && !a.count && a.program === null) a.count = 100;
  return a;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const start = Date.now();
  let ran = 0;
  let failed = 0;
  const kinds = new Map<string, number>();
  for (let i = args.program ?? 0; ; i++) {
    if (args.program !== null && i > args.program) break;
    if (args.program === null) {
      if (args.count && ran >= args.count) break;
      if (args.time && Date.now() - start >= args.time * 1000) break;
    }
    const pseed = programSeed(args.seed, i);
    const source = generate(pseed, { exclude: args.exclude });
    const rng = new Rng(pseed ^ 0xabcdef);
    const vmrun = args.vmrunEvery > 0 && i % args.vmrunEvery === 0;
    const diffs = check(source, { rng, vmrun });
    ran++;
    if (diffs.length) {
      failed++;
      const kind = diffs[0].kind;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      console.log(`seed ${args.seed} program ${i}: ${describe(diffs)}`);
      const reduced =
        args.reduceTime > 0 ? reduce(source, diffs[0], args.reduceTime * 1000) : source;
      const dir = saveReproducer(args.out, `s${args.seed}-p${i}-${kind}`, source, reduced, diffs);
      console.log(
        `  saved ${path.relative(process.cwd(), dir)} (${reduced.split("\n").length} lines)`,
      );
    }
    if (ran % 25 === 0)
      console.log(
        `… ${ran} programs, ${failed} with differences, ${((Date.now() - start) / 1000).toFixed(0)} s`,
      );
  }
  const secs = ((Date.now() - start) / 1000).toFixed(1);
  console.log(
    `fuzz: seed ${args.seed}: ${ran} programs in ${secs} s, ${failed} with differences` +
      (kinds.size ? ` (${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")})` : ""),
  );
  fs.mkdirSync(args.out, { recursive: true });
  process.exitCode = failed ? 1 : 0;
}

// `node --test dist/test/` runs every file under a test folder: do nothing there.
if (require.main === module && !process.env.NODE_TEST_CONTEXT) main();
