// Runs matrix cases under node and under Jaunt (in process, through the embedding
// API), many cases per program, and compares each case's log. A program Jaunt cannot
// compile, or a run that crashes or stops early, is narrowed down to the cases
// responsible, so every failure names its case and shows a program that reproduces it.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Jaunt, GuestSyntaxError } from "../../vm";
import { compile } from "../../compiler";
import { actionName, programSource, type Case, type Ctx } from "./gen";

export interface Failure {
  c: Case;
  why: string;
  expected?: string;
  actual?: string;
}

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-matrix-"));
process.on("exit", () => fs.rmSync(TMP, { recursive: true, force: true }));
const fileOf = (ctx: Ctx) => path.join(TMP, ctx === "esm" ? "case.mjs" : "case.cjs");
const kindOf = (ctx: Ctx) => (ctx === "esm" ? "module" : "commonjs");

/** Each printed `id: log…` line, by case id. */
function parseLines(out: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of out.split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) m.set(line.slice(0, i), line.slice(i + 1));
  }
  return m;
}

export function nodeLogs(ctx: Ctx, cases: Case[]): Map<string, string> {
  const file = fileOf(ctx);
  fs.writeFileSync(file, programSource(ctx, cases, "node"));
  const r = spawnSync(process.execPath, [file], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`node failed on the ${ctx} matrix:\n${r.stderr}`);
  const m = parseLines(r.stdout);
  for (const c of cases)
    if (!m.has(c.id)) throw new Error(`node printed nothing for ${c.id} (${ctx})`);
  return m;
}

export interface JauntRun {
  stdout: string;
  steps: number;
  /** Why the run did not end normally: a host exception, a limit, an uncaught error. */
  error?: string;
}

/**
 * Runs a program under Jaunt. With `snapshotEvery` > 0 the VM is snapshotted, thrown
 * away and resumed from the bytes every that many instructions: throughout, or only
 * for `window.count` instructions from instruction `window.from` on.
 */
export function runJauntSource(
  ctx: Ctx,
  source: string,
  snapshotEvery = 0,
  window?: { from: number; count: number },
  maxSteps = 2e8,
): JauntRun {
  let stdout = "";
  let stderr = "";
  const opts = {
    stdout: (t: string) => (stdout += t),
    stderr: (t: string) => (stderr += t),
    argv: [],
    seed: 1,
  };
  let j = Jaunt.create(opts);
  j.load(source, fileOf(ctx), kindOf(ctx));
  const cutFrom = window?.from ?? 0;
  const cutTo = window ? window.from + window.count : Infinity;
  try {
    for (;;) {
      const cutting = snapshotEvery > 0 && j.steps >= cutFrom && j.steps < cutTo;
      const budget = cutting
        ? snapshotEvery
        : j.steps < cutFrom
          ? cutFrom - j.steps
          : maxSteps - j.steps;
      const r = j.run(budget);
      if (r.status !== "paused") break;
      if (j.steps >= maxSteps)
        return { stdout, steps: j.steps, error: `still running after ${maxSteps} instructions` };
      if (cutting) j = Jaunt.resume(j.snapshot(), opts);
    }
  } catch (e) {
    return { stdout, steps: j.steps, error: `host exception: ${(e as Error).stack}` };
  }
  const report = j.uncaughtReport();
  if (report || j.exitCode !== 0)
    return { stdout, steps: j.steps, error: `exit ${j.exitCode}: ${stderr}${report ?? ""}` };
  return { stdout, steps: j.steps };
}

/** Compiles each case alone: the ones Jaunt rejects, with its message. */
function compileErrors(ctx: Ctx, cases: Case[]): Failure[] {
  const out: Failure[] = [];
  for (const c of cases) {
    try {
      compile(programSource(ctx, [c], "jaunt"), { kind: kindOf(ctx), filename: fileOf(ctx) });
    } catch (e) {
      out.push({ c, why: `does not compile: ${(e as Error).message}` });
    }
  }
  return out;
}

/**
 * Runs `cases` under Jaunt and compares each log with node's. `snapshotEvery` > 0
 * also snapshots, discards and resumes the VM every that many instructions.
 */
export function checkCases(
  ctx: Ctx,
  cases: Case[],
  expected: Map<string, string>,
  snapshotEvery = 0,
): Failure[] {
  const failures: Failure[] = [];
  let todo = cases;
  while (todo.length) {
    let run: JauntRun;
    try {
      run = runJauntSource(ctx, programSource(ctx, todo, "jaunt"), snapshotEvery);
    } catch (e) {
      if (!(e instanceof GuestSyntaxError)) throw e;
      const bad = compileErrors(ctx, todo);
      if (!bad.length)
        throw new Error(`the ${ctx} batch does not compile, no case alone fails: ${e.message}`);
      failures.push(...bad);
      todo = todo.filter((c) => !bad.some((f) => f.c === c));
      continue;
    }
    const got = parseLines(run.stdout);
    let firstMissing = -1;
    todo.forEach((c, i) => {
      const actual = got.get(c.id);
      if (actual === undefined) {
        if (firstMissing < 0) firstMissing = i;
        return;
      }
      const want = expected.get(c.id)!;
      if (actual !== want) failures.push({ c, why: "different log", expected: want, actual });
    });
    if (firstMissing < 0) break;
    // The run stopped in this case: blame it, and run the ones after it again.
    failures.push({ c: todo[firstMissing], why: run.error ?? "printed nothing" });
    todo = todo.slice(firstMissing + 1);
  }
  return failures;
}

/**
 * One case alone, snapshotted and resumed at every instruction of a window of
 * `count` instructions placed (by `r`) inside the case's own run; its log must be node's.
 */
export function checkWindow(
  c: Case,
  expected: Map<string, string>,
  count: number,
  r: () => number,
): Failure[] {
  const source = programSource(c.ctx, [c], "jaunt");
  const before = runJauntSource(c.ctx, programSource(c.ctx, [], "jaunt")).steps;
  const plain = runJauntSource(c.ctx, source);
  const from = before + Math.floor(r() * Math.max(0, plain.steps - before - count));
  const cut = runJauntSource(c.ctx, source, 1, { from, count });
  const want = expected.get(c.id)!;
  const got = parseLines(cut.stdout).get(c.id);
  const where = `cut at every instruction from step ${from} to ${from + count}`;
  if (got === undefined) return [{ c, why: `${where}: ${cut.error ?? "printed nothing"}` }];
  if (got !== want || cut.steps !== plain.steps)
    return [
      {
        c,
        why: `${where}: ${cut.steps} instructions, ${plain.steps} uncut`,
        expected: want,
        actual: got,
      },
    ];
  return [];
}

/** A failure, with a program that reproduces it (and node's rewrite when it differs). */
export function describe(f: Failure): string {
  const c = f.c;
  const jaunt = programSource(c.ctx, [c], "jaunt");
  const node = programSource(c.ctx, [c], "node");
  const lines = [
    `${c.ctx} ${c.id}: ${c.levels.join(" > ")} / ${actionName(c.action)}${c.mode ? ` (driver mode ${c.mode})` : ""}: ${f.why}`,
  ];
  if (f.expected !== undefined) lines.push(`  node:  ${f.expected}`, `  jaunt: ${f.actual}`);
  lines.push(`--- program (${c.ctx === "esm" ? "ES module" : "CommonJS"}) ---`, jaunt);
  if (node !== jaunt) lines.push("--- what node ran (using rewritten) ---", node);
  return lines.join("\n");
}
