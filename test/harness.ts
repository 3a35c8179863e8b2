// Shared test machinery: run a program under node and under Jaunt (in this process,
// through the embedding API, or through the real command-line tools) and compare.

import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { Jaunt, GuestSyntaxError, type JauntOptions } from "../vm";
import { programKind } from "../bin/common";
import { caretUnder } from "../compiler/lines";
import { leanChildEnv } from "./child-env";

leanChildEnv();

export const ROOT = path.resolve(__dirname, "..", "..");
export const PROGRAMS = path.join(ROOT, "test", "programs");
/** Programs that use Node's built-in modules (one or more per module). */
export const NODE_PROGRAMS = path.join(ROOT, "test", "programs-node");
export const BIN = path.join(ROOT, "dist", "bin");
/** Node's outcomes for the corpus programs (runNodeCached); ignored by git. */
export const NODE_OUTCOMES = path.join(ROOT, ".test-cache", "node-outcomes");

export interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

export function runNode(file: string, args: string[] = []): Outcome {
  // Under `node --test` this variable makes a child's node:test speak the runner's
  // binary protocol instead of printing its report.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const r = spawnSync(process.execPath, [file, ...args], {
    encoding: "utf8",
    cwd: path.dirname(file),
    env,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

/** Node's outcome for a corpus program; `shared`: from a shared process (node-batch.ts). */
export interface NodeOutcome extends Outcome {
  shared?: boolean;
}

/**
 * Node's outcome for a program of the language corpus (test/programs), kept on disk in
 * `dir`, by default `.test-cache/node-outcomes/` (never committed), under a hash of node's version and
 * binary, the time zone and locale, the program's path and its source: a rerun of the
 * suites starts no node for a program when none of these changed (a node start is
 * ~0.1 s of CPU, more than most programs' whole Jaunt run). The corpus programs are
 * deterministic (the differential suite needs them to be), so their output depends on
 * nothing else; programs-node/ ones (host I/O) are not for this. JAUNT_NODE_CACHE=off
 * runs node every time. Always the outcome of a node process of the program's own: a
 * kept outcome from a shared process is run again.
 */
export function runNodeCached(file: string, dir = NODE_OUTCOMES): Outcome {
  const kept = keptOutcome(file, dir);
  if (kept && !kept.shared) return kept;
  const outcome = runNode(file);
  keepOutcome(file, outcome, dir);
  return outcome;
}

/**
 * Node's outcomes for corpus programs, as many as can be from one shared node process
 * (node-batch.ts: most of the corpus, ~0.005 s of CPU each instead of a node start):
 * those kept on disk (see runNodeCached), then the others run in the batch and kept,
 * marked `shared`. A program the batch leaves to a process of its own is not in the
 * map. A shared outcome is provisional: where Jaunt's differs, runNodeCached decides.
 */
export function nodeOutcomesShared(
  files: readonly string[],
  dir = NODE_OUTCOMES,
): Map<string, NodeOutcome> {
  const outcomes = new Map<string, NodeOutcome>();
  const rest: string[] = [];
  for (const file of files) {
    const kept = keptOutcome(file, dir);
    if (kept) outcomes.set(file, kept);
    else rest.push(file);
  }
  if (!rest.length) return outcomes;
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const r = spawnSync(process.execPath, [path.join(__dirname, "node-batch.js"), ...rest], {
    encoding: "utf8",
    env,
    maxBuffer: 1 << 30,
  });
  // A batch that failed as a whole leaves every program to its own process.
  if (r.status !== 0) return outcomes;
  const batch = JSON.parse(r.stdout) as Record<string, Outcome | null>;
  for (const file of rest) {
    const outcome = batch[file];
    if (!outcome) continue;
    const shared = { ...outcome, shared: true };
    keepOutcome(file, shared, dir);
    outcomes.set(file, shared);
  }
  return outcomes;
}

/** The key of a program's kept node outcome (see runNodeCached). */
function outcomeFile(file: string, dir: string): string {
  const key = createHash("sha256")
    .update(`${process.version}\0${process.execPath}\0${hostLocale()}\0${file}\0`)
    .update(fs.readFileSync(file))
    .digest("hex");
  return path.join(dir, `${key}.json`);
}

function keptOutcome(file: string, dir: string): NodeOutcome | null {
  if (process.env.JAUNT_NODE_CACHE === "off") return null;
  try {
    return JSON.parse(fs.readFileSync(outcomeFile(file, dir), "utf8")) as NodeOutcome;
  } catch {
    return null;
  }
}

function keepOutcome(file: string, outcome: NodeOutcome, dir: string): void {
  if (process.env.JAUNT_NODE_CACHE === "off") return;
  const entry = outcomeFile(file, dir);
  // Written whole under a temporary name, then renamed: a reader never sees half.
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${entry}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(outcome));
  fs.renameSync(tmp, entry);
}

/** What a deterministic program's output may still depend on: time zone and locale. */
function hostLocale(): string {
  const o = new Intl.DateTimeFormat().resolvedOptions();
  return `${o.timeZone} ${o.locale} ${process.env.TZ ?? ""} ${process.env.LANG ?? ""}`;
}

/** Runs one of the command-line tools; `timeout` (ms) kills a run that hangs. */
export function runCli(tool: string, args: string[], cwd = ROOT, timeout?: number): Outcome {
  const r = spawnSync(process.execPath, [path.join(BIN, `${tool}.js`), ...args], {
    encoding: "utf8",
    cwd,
    timeout,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

export interface InProcessOptions {
  script?: boolean;
  /** Snapshot, discard and decode the VM every N instructions (0 = never). */
  snapshotEvery?: number;
  /** With snapshotEvery: where the first cut is (default: at snapshotEvery). */
  firstCut?: number;
  /**
   * With snapshotEvery: the stride doubles after every this many cuts, so that a long
   * run is cut densely where it starts (module loading) and a few dozen times in all.
   */
  doubleEvery?: number;
  /**
   * Cut (snapshot, discard, decode) when the run has done exactly these many instructions
   * (ascending): several strides' cuts in one run, each resumed from the previous cut's VM
   * rather than each stride replaying the program from the start in a VM of its own.
   */
  cutAt?: readonly number[];
  /** Instruction budget: give up (as a test failure) after this many. */
  maxSteps?: number;
}

/** An in-process run's outcome: also its instruction count and where it was cut. */
export type Run = Outcome & { steps: number; cutSteps: number[] };

/**
 * Runs a program through the embedding API, exactly as vmrun would, synchronously: a
 * program that waits for host operations (asynchronous file I/O) needs runJauntAsync.
 */
export function runJaunt(file: string, opts: InProcessOptions = {}): Run {
  const run = startJaunt(file, opts);
  if (!("j" in run)) return run;
  for (;;) {
    const r = run.step();
    if (r.status === "waiting" && r.pending?.length)
      throw new Error(`${path.basename(file)} waits for host operations: use runJauntAsync`);
    if (r.status !== "paused") return run.end();
  }
}

/** runJaunt for programs that wait for host operations: the host's event loop runs meanwhile. */
export async function runJauntAsync(file: string, opts: InProcessOptions = {}): Promise<Run> {
  const run = startJaunt(file, opts);
  if (!("j" in run)) return run;
  for (;;) {
    const r = run.step();
    if (r.status === "waiting" && (await run.j.waitForWork(r))) continue;
    if (r.status !== "paused") return run.end();
  }
}

/**
 * Plain runs (no cuts, default options), one per program and process: programs.test.ts
 * runs the differential suite and then the transparency suite, whose reference for a
 * program is the very run the differential suite held to node's output.
 */
const plainRuns = new Map<string, Promise<Outcome & { steps: number }>>();

/** runJauntAsync(file), once per process (outputs are small; later suites reuse it). */
export function plainRun(file: string): Promise<Outcome & { steps: number }> {
  let run = plainRuns.get(file);
  if (!run) plainRuns.set(file, (run = runJauntAsync(file)));
  return run;
}

/**
 * A loaded program and one step of running it: run, and when the budget ran out,
 * snapshot and resume (reattaching the live host side, as vmrun --snapshot-every does).
 */
function startJaunt(file: string, opts: InProcessOptions) {
  let stdout = "";
  let stderr = "";
  const jopts = {
    stdout: (t: string) => (stdout += t),
    stderr: (t: string) => (stderr += t),
    argv: [],
    seed: 1,
    capabilities: "all" as const,
  };
  const filename = path.resolve(file);
  let j = Jaunt.create(jopts);
  try {
    j.load(fs.readFileSync(filename, "utf8"), filename, programKind(filename, !!opts.script));
  } catch (e) {
    if (e instanceof GuestSyntaxError)
      return {
        stdout,
        stderr: `${e.filename}:${e.line}\n${e.sourceLine}\n${caretUnder(e.sourceLine, e.column)}\n\nSyntaxError: ${e.message}\n`,
        code: 1,
        steps: 0,
        cutSteps: [],
      };
    throw e;
  }
  let every = opts.snapshotEvery ?? 0;
  const max = opts.maxSteps ?? 5e8;
  const cutAt = opts.cutAt ?? [];
  let nextCut = 0;
  /** The budget up to the next of `cutAt` still ahead of `steps` (or to the limit). */
  const toNextCut = (steps: number): number => {
    while (nextCut < cutAt.length && cutAt[nextCut] <= steps) nextCut++;
    return nextCut < cutAt.length ? cutAt[nextCut] - steps : max;
  };
  const cutting = every > 0 || cutAt.length > 0;
  let slice = every > 0 ? (opts.firstCut ?? every) : max;
  let cuts = 0;
  /** The instruction counts at which the run was cut. */
  const cutSteps: number[] = [];
  const run = {
    j,
    step() {
      // After a wait for the host, too: the budget is counted from where the run is.
      if (cutAt.length) slice = toNextCut(run.j.steps);
      const r = run.j.run(slice);
      if (every > 0 && opts.doubleEvery && ++cuts % opts.doubleEvery === 0) every *= 2;
      if (every > 0) slice = every;
      if (r.status !== "paused") return r;
      if (run.j.steps >= max)
        throw new Error(`${path.basename(file)}: still running after ${max} instructions`);
      if (cutting) cutSteps.push(run.j.steps);
      if (cutting)
        run.j = Jaunt.resume(run.j.snapshot(), { ...jopts, continueTurn: true, reattach: run.j });
      return r;
    },
    end(): Run {
      const report = run.j.uncaughtReport();
      if (report) stderr += report;
      return { stdout, stderr, code: run.j.exitCode, steps: run.j.steps, cutSteps };
    },
  };
  return run;
}

/** The parts of stderr compared with node: its first line and the error headline. */
export function stderrKey(s: string): string {
  const lines = s.split("\n");
  const headline = lines.find((l) => /^(Uncaught )?[A-Za-z]*(Error|Exception)\b/.test(l)) ?? "";
  return `${lines[0]}\n${headline}`;
}

/**
 * The corpus, or with JAUNT_PROGRAMS=<regexp> set only the programs whose file name
 * matches it (to iterate on one feature: `JAUNT_PROGRAMS=^regexp- node --test …`).
 */
export function listPrograms(): string[] {
  const only = process.env.JAUNT_PROGRAMS ? new RegExp(process.env.JAUNT_PROGRAMS) : null;
  return [PROGRAMS, NODE_PROGRAMS]
    .flatMap((dir) => fs.readdirSync(dir).map((f) => path.join(dir, f)))
    .filter((f) => f.endsWith(".js") && (!only || only.test(path.basename(f))))
    .sort((a, b) => (path.basename(a) < path.basename(b) ? -1 : 1));
}

/**
 * The part of the corpus this process runs: `npm test` runs the differential and
 * transparency suites as two processes of half the corpus each (programs-1.test.ts,
 * programs-2.test.ts), one per core, as a single process of ~300 s of CPU was the end
 * of `npm test`'s critical path. A program is in part `index` when its place in the
 * whole corpus (listPrograms, unfiltered by heavy-) is `index` modulo `count`, so that
 * both suites of a process take the same programs (and share their plain runs) and
 * the parts stay even however programs are added. Set before the suites are loaded.
 */
let corpusPart = { index: 0, count: 1 };
let partOf: Map<string, number> | null = null;

/** Makes this process run part `index` of `count` of the corpus (see corpusPart). */
export function takeCorpusPart(index: number, count: number): void {
  corpusPart = { index, count };
  partOf = null;
}

/** Whether `file` (of listPrograms) is in this process's part of the corpus. */
export function inCorpusPart(file: string): boolean {
  if (corpusPart.count === 1) return true;
  partOf ??= new Map(listPrograms().map((f, i) => [f, i % corpusPart.count]));
  return partOf.get(file) === corpusPart.index;
}

/** A VM (embedding defaults, seed 1) whose stdout and stderr are collected in `out.text`. */
export function vmWith(opts: JauntOptions = {}): { j: Jaunt; out: { text: string } } {
  const out = { text: "" };
  const j = Jaunt.create({
    stdout: (s) => (out.text += s),
    stderr: (s) => (out.text += s),
    seed: 1,
    ...opts,
  });
  return { j, out };
}

/**
 * Runs `source` until it sets globalThis.ready (or waits for the host); returns the VM
 * and its output so far (tests that snapshot a VM in the middle of some work).
 */
export function runUntilReady(source: string, opts: JauntOptions = {}) {
  let out = "";
  const j = Jaunt.create({ ...opts, stdout: (t) => (out += t), stderr: (t) => (out += t) });
  j.load(source, "/main.js");
  const ready = () => j.vm.realm.global.getOwnProperty("ready")?.value === true;
  let status = "paused";
  while (!ready() && status === "paused") status = j.run(50).status;
  assert.ok(ready(), out);
  return { j, out: () => out };
}

/** Resumes a snapshot in a fresh VM (as another process would) and runs it to the end. */
export async function resumeElsewhere(bytes: Uint8Array): Promise<string> {
  let out = "";
  const j = Jaunt.resume(bytes, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
  const r = await j.runAsync();
  assert.equal(r.status, "done", out);
  return out;
}

/** A writer of test programs into `dir`: program(name, source) returns the file's path. */
export function programIn(dir: string): (name: string, source: string) => string {
  return (name, source) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, source);
    return file;
  };
}

/** The non-empty lines of `text`, sorted (output whose order races between sources). */
export function sortedLines(text: string): string[] {
  return text.split("\n").filter(Boolean).sort();
}
