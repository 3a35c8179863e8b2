// The block compiler (vm/interpreter/block-compiler.ts) is a cache: every program of the
// corpus, run with every loop compiled at its first back edge, prints what it prints
// interpreted, with the same exit code and the same instruction count; and cut into
// snapshots inside compiled loops and resumed in new VMs, it still does.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROGRAMS, listPrograms, runJauntAsync, type InProcessOptions, type Run } from "./harness";
import { setJitThreshold } from "../vm/interpreter/block-cache";
import { compileBlock } from "../vm/interpreter/block-compiler";
import { Jaunt } from "../vm";
import { compile } from "../compiler";
import { instructionSize } from "../compiler/opcodes";

async function runWith(threshold: number, file: string, opts: InProcessOptions = {}): Promise<Run> {
  setJitThreshold(threshold);
  try {
    return await runJauntAsync(file, opts);
  } finally {
    setJitThreshold(0);
  }
}

/** A program whose instruction count depends on the clock or on host I/O says so. */
function countVaries(file: string): boolean {
  return fs.readFileSync(file, "utf8").split("\n", 1)[0].includes("instruction count varies");
}

function assertSame(a: Run, b: Run, file: string, where: string): void {
  assert.equal(a.stdout, b.stdout, `stdout (${where})`);
  assert.equal(a.stderr, b.stderr, `stderr (${where})`);
  assert.equal(a.code, b.code, `exit code (${where})`);
  if (!countVaries(file)) assert.equal(a.steps, b.steps, `instruction count (${where})`);
}

for (const file of listPrograms()) {
  test(`compiled loops: ${path.basename(file)}`, async () => {
    const plain = await runWith(0, file);
    const compiled = await runWith(1, file);
    assertSame(compiled, plain, file, "every loop compiled");
    // Cut at a few points spread over the run, compiled: the budget stops a compiled
    // region at the very instruction the interpreter would stop at.
    if (path.basename(file).startsWith("heavy-") || plain.steps === 0) return;
    const cutAt = [1, 2, 3, 5, 7, 11].map((k) => Math.floor((plain.steps * k) / 13) + k);
    const cut = await runWith(1, file, { cutAt });
    assertSame(cut, plain, file, `compiled, cut at ${cutAt.join(", ")}`);
  });
}

test("a loop program cut every 7 instructions, compiled, resumes as interpreted", async () => {
  const file = path.join(PROGRAMS, "jit-loops.js");
  const plain = await runWith(0, file);
  const cut = await runWith(1, file, { snapshotEvery: 7 });
  assertSame(cut, plain, file, "every 7");
  const odd = await runWith(1, file, { snapshotEvery: 101, firstCut: 3 });
  assertSame(odd, plain, file, "every 101 from 3");
});

test("a hot loop does run compiled, and JAUNT_JIT off does not", () => {
  const source =
    "function f() { let s = 0; for (let i = 0; i < 20000; i++) s = (s + i * 3) % 1009; return s; } console.log(f());";
  const counts: number[] = [];
  for (const threshold of [0, 1]) {
    setJitThreshold(threshold);
    let out = "";
    const j = Jaunt.create({ stdout: (t) => (out += t), seed: 1 });
    setJitThreshold(0);
    j.load(source, "/hot.js", "script");
    j.run();
    assert.equal(out, "438\n");
    counts.push(j.steps);
    const blocks = (j.vm as unknown as { blocks: { ran: number } | null }).blocks;
    if (threshold === 0) assert.equal(blocks, null);
    else assert.ok(blocks!.ran > j.steps * 0.9, `${blocks!.ran} of ${j.steps} compiled`);
  }
  assert.equal(counts[0], counts[1]);
});

test("generated source holds no guest string", () => {
  const program = compile(
    'function f(a) { let s = ""; for (let i = 0; i < 9; i++) { s = s + "}); evil(); ({"; a[i] = 1.5e300; } return s; }',
    { kind: "script", filename: "/g.js" },
  );
  const fn = program.functions.find((f) => f.name === "f")!;
  // Every offset a back edge could target: each compiles or is refused, and any source
  // made from this code mentions neither the string nor the float constant.
  const made: string[] = [];
  const original = globalThis.Function;
  globalThis.Function = function (...args: string[]) {
    made.push(args[args.length - 1]);
    return original(...args);
  } as unknown as FunctionConstructor;
  try {
    for (let ip = 0; ip < fn.code.length; ip += instructionSize(fn.code, ip)) compileBlock(fn, ip);
  } finally {
    globalThis.Function = original;
  }
  assert.ok(made.length > 0);
  for (const src of made) {
    assert.ok(!src.includes("evil"), src);
    assert.ok(!src.includes("1.5e+300") && !src.includes("1.5e300"), src);
  }
});
