// Runs one generated program under node, under Jaunt in process, under Jaunt with
// snapshot/resume every N instructions and (sometimes) through the real `vmrun`, and
// says how the runs differ. Also the reducer that shrinks a program while it keeps
// the same kind of difference.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import * as acorn from "acorn";
import { Outcome, runCli, runJaunt, stderrKey } from "../harness";
import { Rng } from "./random";

/** Instructions a generated program may use before Jaunt is declared stuck. */
export const MAX_STEPS = 20_000_000;

export interface Run extends Outcome {
  steps?: number;
  /** A host exception out of Jaunt (a VM bug by definition). */
  hostError?: string;
}

export interface Difference {
  /** node-vs-jaunt, snapshot, host-error, vmrun, vmrun-snapshot, node-timeout */
  kind: string;
  detail: string;
  expected: Run;
  actual: Run;
  /** The snapshot interval of a snapshot difference. */
  every?: number;
}

export interface CheckOptions {
  /** Snapshot every N instructions (0: pick at random from rng). */
  snapshotEvery?: number;
  /** Also run the real `vmrun` (plain and with --snapshot-every). */
  vmrun?: boolean;
  rng?: Rng;
  /** Only node vs a plain Jaunt run (the reducer, for differences found there). */
  plainOnly?: boolean;
}

/**
 * Messages V8 and Jaunt word differently on purpose or by accepted limitation.
 * Applied to both outputs before comparing. Keep this list short and documented.
 */
export const NORMALISE: [RegExp, string][] = [
  // V8 words "not iterable" from the source text at the site ("{(intermediate value)}
  // is not iterable", "object null is not iterable (cannot read property
  // Symbol(Symbol.iterator))", "Spread syntax requires ...iterable[Symbol.iterator] to
  // be a function"); Jaunt says "<value> is not iterable". The error type still counts.
  [
    /TypeError: (?:[^"\n]* is not iterable[^"\n]*|Spread syntax requires [^"\n]*)/g,
    "TypeError: <x> is not iterable",
  ],
  // V8 names the destructured value by its source text, or by an internal temporary
  // ('.for' in for-of heads); Jaunt by the value.
  [/(Cannot destructure (?:property '[^']*' of )?)'[^']*'( as it is)/g, "$1'<x>'$2"],
];

export function normalise(s: string): string {
  for (const [re, to] of NORMALISE) s = s.replace(re, to);
  return s;
}

let workDir: string | null = null;
/** Writes the program to a scratch file (node and the harness both want a path). */
export function scratchFile(source: string, name = "prog.js"): string {
  if (!workDir) workDir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-fuzz-"));
  const file = path.join(workDir, name);
  fs.writeFileSync(file, source);
  return file;
}

export function runNodeTimed(file: string): Run {
  const r = spawnSync(process.execPath, [file], {
    encoding: "utf8",
    cwd: path.dirname(file),
    timeout: 20_000,
  });
  if (r.error || r.signal)
    return {
      stdout: r.stdout ?? "",
      stderr: String(r.error ?? r.signal),
      code: -1,
      hostError: "node timeout",
    };
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

export function runJauntSafe(file: string, snapshotEvery = 0): Run {
  try {
    return runJaunt(file, { snapshotEvery, maxSteps: MAX_STEPS });
  } catch (e) {
    const err = e as Error;
    const where = (err.stack ?? "").split("\n").slice(0, 4).join("\n");
    return { stdout: "", stderr: "", code: -1, hostError: where || String(e) };
  }
}

function sameAsNode(expected: Run, actual: Run): string | null {
  if (normalise(actual.stdout) !== normalise(expected.stdout)) return "stdout";
  if (actual.code !== expected.code) return `exit code ${actual.code} (node ${expected.code})`;
  if (normalise(stderrKey(actual.stderr)) !== normalise(stderrKey(expected.stderr)))
    return "stderr";
  return null;
}

/** All the ways Jaunt's runs of `source` differ from node's (empty: none). */
export function check(source: string, opts: CheckOptions = {}): Difference[] {
  const file = scratchFile(source);
  const expected = runNodeTimed(file);
  if (expected.hostError)
    return [{ kind: "node-timeout", detail: "node did not finish", expected, actual: expected }];
  const diffs: Difference[] = [];
  const plain = runJauntSafe(file);
  if (plain.hostError) {
    diffs.push({ kind: "host-error", detail: plain.hostError, expected, actual: plain });
    return diffs;
  }
  const d = sameAsNode(expected, plain);
  if (d) diffs.push({ kind: "node-vs-jaunt", detail: d, expected, actual: plain });
  if (opts.plainOnly) return diffs;

  const rng = opts.rng ?? new Rng(1);
  const steps = plain.steps ?? 0;
  // A random cut interval, but at most ~12 cuts: each is an encode and a fresh VM
  // (tens of ms); test/transparency covers cutting at every instruction.
  const every = opts.snapshotEvery || Math.max(rng.range(1, 600), Math.ceil(steps / 12));
  const cut = runJauntSafe(file, every);
  if (cut.hostError)
    diffs.push({
      kind: "host-error",
      detail: `snapshot-every ${every}: ${cut.hostError}`,
      expected: plain,
      actual: cut,
      every,
    });
  else if (cut.stdout !== plain.stdout || cut.stderr !== plain.stderr || cut.code !== plain.code)
    diffs.push({
      kind: "snapshot",
      detail: `--snapshot-every ${every} differs from a plain run`,
      expected: plain,
      actual: cut,
      every,
    });

  if (opts.vmrun) {
    const cli = runCli("vmrun", [file], path.dirname(file));
    const dc = sameAsNode(expected, cli);
    if (dc) diffs.push({ kind: "vmrun", detail: dc, expected, actual: cli });
    const n = Math.max(rng.range(1, 400), Math.ceil(steps / 12));
    const cliCut = runCli("vmrun", ["--snapshot-every", String(n), file], path.dirname(file));
    const dcc = sameAsNode(expected, cliCut);
    if (dcc)
      diffs.push({
        kind: "vmrun-snapshot",
        detail: `--snapshot-every ${n}: ${dcc}`,
        expected,
        actual: cliCut,
      });
  }
  return diffs;
}

export function parses(source: string): boolean {
  try {
    acorn.parse(source, {
      ecmaVersion: "latest",
      sourceType: "script",
      allowReturnOutsideFunction: true,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Shrinks `source` while check() still reports a difference of `kind`: first whole
 * snippets, then chunks of lines (halving the chunk size down to one line). Every
 * candidate must parse. Stops after `budgetMs`.
 */
export function reduce(
  source: string,
  target: Difference,
  budgetMs = 60_000,
  opts: CheckOptions = {},
): string {
  const deadline = Date.now() + budgetMs;
  const want = signature(target);
  opts = target.every
    ? { ...opts, snapshotEvery: target.every }
    : target.kind === "vmrun" || target.kind === "vmrun-snapshot"
      ? { ...opts, vmrun: true }
      : { ...opts, plainOnly: true };
  const keeps = (src: string) => parses(src) && check(src, opts).some((d) => signature(d) === want);
  let lines = source.split("\n");
  // Snippets start at a "// kind i" comment line followed by "try {".
  const starts = lines.flatMap((l, i) =>
    /^\/\/ \w+ \d+$/.test(l) && lines[i + 1] === "try {" ? [i] : [],
  );
  const blocks: [number, number][] = starts.map((s, i) => [
    s,
    i + 1 < starts.length ? starts[i + 1] : lines.length,
  ]);
  // Delete snippets from the last one (later snippets depend on earlier ones less often).
  let removed = new Set<number>();
  for (let b = blocks.length - 1; b >= 0 && Date.now() < deadline; b--) {
    const tryRemoved = new Set(removed);
    for (let i = blocks[b][0]; i < blocks[b][1]; i++) tryRemoved.add(i);
    const cand = lines.filter((_, i) => !tryRemoved.has(i));
    if (keeps(cand.join("\n"))) removed = tryRemoved;
  }
  lines = lines.filter((_, i) => !removed.has(i));
  for (
    let chunk = Math.max(1, lines.length >> 2);
    chunk >= 1 && Date.now() < deadline;
    chunk >>= 1
  ) {
    for (let i = 0; i < lines.length && Date.now() < deadline;) {
      const cand = [...lines.slice(0, i), ...lines.slice(i + chunk)];
      if (keeps(cand.join("\n"))) lines = cand;
      else i += chunk;
    }
    if (chunk === 1) break;
  }
  return lines.join("\n");
}

/**
 * What a reduction must preserve: the kind of difference and Jaunt's first differing
 * line (digits dropped, as line numbers and counters move when lines are deleted), so
 * a compile error does not turn into an unrelated message difference.
 */
export function signature(d: Difference): string {
  if (d.actual.hostError)
    return `${d.kind}|${d.actual.hostError.split("\n")[0].replace(/\d+/g, "")}`;
  const a = (d.expected.stdout + "\n" + d.expected.stderr).split("\n");
  const b = (d.actual.stdout + "\n" + d.actual.stderr).split("\n");
  let i = 0;
  while (i < a.length && normalise(a[i]) === normalise(b[i])) i++;
  const line = (b[i] ?? "<end>").replace(/\d+/g, "");
  // An internal compile error is reported at line 1: its error line says more.
  const internal = /internal|SyntaxError/.test(d.actual.stderr)
    ? stderrKey(d.actual.stderr).replace(/\d+/g, "")
    : "";
  return `${d.kind}|${d.detail.replace(/\d+/g, "")}|${line}|${internal}`;
}

function showRun(r: Run): string {
  return [
    `exit code: ${r.code}`,
    ...(r.hostError ? [`host error: ${r.hostError}`] : []),
    `--- stdout ---`,
    r.stdout,
    `--- stderr ---`,
    r.stderr,
  ].join("\n");
}

/** Saves a reproducer: the (reduced) program, the original, both outputs, a summary. */
export function saveReproducer(
  outDir: string,
  name: string,
  original: string,
  reduced: string,
  diffs: Difference[],
): string {
  const dir = path.join(outDir, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "original.js"), original);
  fs.writeFileSync(path.join(dir, "program.js"), reduced);
  const again = reduced === original ? diffs : check(reduced);
  const shown = again.length ? again : diffs;
  fs.writeFileSync(
    path.join(dir, "summary.txt"),
    shown.map((d) => `${d.kind}: ${d.detail}`).join("\n") + "\n",
  );
  const d = shown[0];
  fs.writeFileSync(path.join(dir, "expected.txt"), showRun(d.expected));
  fs.writeFileSync(path.join(dir, "actual.txt"), showRun(d.actual));
  return dir;
}

/** A short text for a test failure or the console: what differs, first differing line. */
export function describe(diffs: Difference[]): string {
  return diffs
    .map((d) => {
      const a = d.expected.stdout.split("\n");
      const b = d.actual.stdout.split("\n");
      let i = 0;
      while (i < a.length && normalise(a[i]) === normalise(b[i] ?? "")) i++;
      const at =
        i < Math.max(a.length, b.length)
          ? `\n  first difference at stdout line ${i + 1}:\n    expected: ${a[i] ?? "<end>"}\n    actual:   ${b[i] ?? "<end>"}`
          : "";
      const host = d.actual.hostError ? `\n  ${d.actual.hostError.replace(/\n/g, "\n  ")}` : "";
      const err =
        d.detail === "stderr" || d.detail.startsWith("exit")
          ? `\n  expected stderr: ${stderrKey(d.expected.stderr).replace(/\n/g, " | ")}\n  actual stderr:   ${stderrKey(d.actual.stderr).replace(/\n/g, " | ")}`
          : "";
      return `${d.kind}: ${d.detail}${at}${host}${err}`;
    })
    .join("\n");
}
