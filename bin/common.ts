// Shared by the command-line tools: the command-line conventions (node's one-line
// refusals, exit code 9), finding and loading the main program as node does, running
// it with Node's output and exit-code rules, and reading and writing snapshot files.

import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import Module from "node:module";
import type { Argv } from "yargs";
import { Jaunt, GuestSyntaxError, SnapshotError, type JauntOptions } from "../vm";
import { COMPILER_VERSION, type ProgramKind } from "../compiler/bytecode";
import { caretUnder } from "../compiler/lines";
import { SNAPSHOT_FORMAT } from "../vm/snapshot";
export { writeFileAtomic } from "../vm/atomic-file";
import { JAUNT_VERSION } from "../vm/version";
import { versionLine } from "./bundle-manifest";
import { MIN_KEY_BYTES, verifySnapshot } from "../vm/snapshot-sign";
import { isCompressedSnapshot } from "../vm/snapshot-compress";
import { hasModuleSyntax, isESModule } from "../vm/runtime/modules";
import type { UnhandledRejectionsMode } from "../vm/host";
import { DEFAULT_MAX_CALL_DEPTH } from "../vm/interpreter/interpreter";
import {
  osrHeld,
  releaseTierUp,
  settleForExit,
  tierUpHeld,
  tierUpStep,
  withOptimizer,
} from "./tier-up";
import { noteGuestRan } from "./guest-ran";
import { largeSource } from "../compiler";

// A big source is worth V8's optimizer from the start: its compile is one long step.
largeSource.onCompile = releaseTierUp;

/** Node's exit code for a bad command-line option or option value. */
export const BAD_OPTION = 9;

/** Writes all of `text` to a file descriptor synchronously (nothing is lost when we exit right after). */
export function writeAllSync(fd: number, text: string): void {
  const buf = Buffer.from(text, "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
    }
  }
}

/** Writes one line to stderr synchronously. */
export function say(text: string): void {
  writeAllSync(2, text + "\n");
}

/** Prints `tool: message` and exits: the one-line refusal every command uses. */
export function die(tool: string, message: string, code: number): never {
  say(`${tool}: ${message}`);
  process.exit(code);
}

/** What `--version` prints: Jaunt's version and what decides snapshot compatibility. */
export function versionText(): string {
  return versionLine(JAUNT_VERSION, SNAPSHOT_FORMAT, COMPILER_VERSION);
}

/**
 * A yargs parser with the conventions every command shares: `--help`/`-h`,
 * `--version`/`-v`, unknown options left in the positional list (each command refuses
 * them in one line, as node does), the last of a repeated option winning, and any
 * yargs complaint turned into one line and exit code 9.
 */
export function commandLine(
  tool: string,
  usage: string,
  haltAtProgram: boolean,
  args = process.argv.slice(2),
): Argv {
  // Loaded here: a command line without options never needs it (withoutOptions).
  const yargs = require("yargs") as (typeof import("yargs"))["default"];
  return yargs(args)
    .scriptName(tool)
    .usage(usage)
    .parserConfiguration({
      "halt-at-non-option": haltAtProgram,
      "unknown-options-as-args": true,
      "duplicate-arguments-array": false,
      "populate--": true,
      // Values stay as typed, so "1e3" or "0x10" is refused rather than read as a number.
      "parse-numbers": false,
      "parse-positional-numbers": false,
    })
    .version(versionText())
    .alias("v", "version")
    .describe("version", "print Jaunt's version, snapshot format and compiler version")
    .help()
    .alias("h", "help")
    .describe("help", "print this help")
    .strict(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      die(tool, msg, BAD_OPTION);
    });
}

/** A parsed command line, as yargs gives it: `_` the positional words, "--" the words after. */
export type ParsedWords = Record<string, unknown> & { _: (string | number)[]; "--"?: unknown[] };

/**
 * What commandLine's parser makes of a command line with no option — the usual
 * `vmrun program args…` or `vmresume file.snap` — without loading yargs: for a tool
 * that stops at the program (`haltAtProgram`) all words go to "--", otherwise all are
 * positional. Null when yargs must parse: no word at all, a word before the program
 * that looks like an option, or (without haltAtProgram) any such word.
 */
export function withoutOptions(
  haltAtProgram: boolean,
  args = process.argv.slice(2),
): ParsedWords | null {
  const optionLike = (w: string) => w.startsWith("-");
  if (args.length === 0) return null;
  if (haltAtProgram) return optionLike(args[0]) ? null : { _: [], "--": args };
  return args.some(optionLike) ? null : { _: args };
}

/**
 * The command line parsed by `parse` (a commandLine chain), or withoutOptions' answer.
 * `TOOL --version` (or `-v`) alone prints what yargs would, and exits, without loading
 * yargs (its load was a tenth of `vmrun --version`).
 */
export function parseWords<T>(haltAtProgram: boolean, parse: () => T): T {
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
    writeAllSync(1, versionText() + "\n");
    process.exit(0);
  }
  return (withoutOptions(haltAtProgram, args) as T | null) ?? parse();
}

/** Flags of node's own that `node` accepts but not every NODE_OPTIONS list shows. */
const NODE_ONLY_FLAGS = new Set([
  "-e",
  "--eval",
  "-p",
  "--print",
  "-c",
  "--check",
  "-i",
  "--interactive",
  "--test",
  "--watch",
  "--watch-path",
  "--run",
  "--v8-options",
  "--completion-bash",
  "--prof-process",
  "--stack-size",
  "--jitless",
  "--expose-gc",
  "--harmony",
  "--env-file",
]);

function isNodeFlag(arg: string): boolean {
  const name = arg.split("=")[0];
  return (
    NODE_ONLY_FLAGS.has(name) || (name.length > 1 && process.allowedNodeEnvironmentFlags.has(name))
  );
}

/** Refuses the first option-looking word: Jaunt's own are already parsed out. */
export function refuseUnknownOptions(tool: string, words: string[]): void {
  for (const w of words) {
    if (w.length < 2 || !w.startsWith("-")) continue;
    if (isNodeFlag(w))
      die(tool, `${w.split("=")[0]} is a node option that Jaunt does not support`, BAD_OPTION);
    die(tool, `bad option: ${w}`, BAD_OPTION);
  }
}

/**
 * yargs reads `--script=abc` as a boolean without a word; node refuses a value it
 * cannot use, and so do we. `words` are the command-line words that hold options.
 */
export function refuseBooleanValues(tool: string, words: string[], names: string[]): void {
  for (const w of words) {
    if (w === "--") return;
    const m = /^--(?:no-)?([^=]+)=(.*)$/s.exec(w);
    if (m && names.includes(m[1]) && m[2] !== "true" && m[2] !== "false")
      die(tool, `--${m[1]} takes no value, got '${m[2]}'`, BAD_OPTION);
  }
}

/**
 * A count-valued option: absent → `fallback`; otherwise decimal digits only, at least 1
 * (or 0 when `zero` says what 0 means). Anything else is refused in one line.
 */
export function countOption(
  tool: string,
  flag: string,
  raw: unknown,
  fallback: number,
  zero?: string,
): number {
  if (raw === undefined) return fallback;
  const text = String(raw);
  if (text === "" || raw === true) die(tool, `${flag} requires an argument`, BAD_OPTION);
  const n = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || (n === 0 && zero === undefined))
    die(
      tool,
      zero === undefined
        ? `${flag} must be a positive integer, got '${text}'`
        : `${flag} must be a non-negative integer (0 ${zero}), got '${text}'`,
      BAD_OPTION,
    );
  return n;
}

/** One of a fixed set of words, as node's --unhandled-rejections. */
export function choiceOption<T extends string>(
  tool: string,
  flag: string,
  raw: unknown,
  choices: readonly T[],
  fallback: T,
): T {
  if (raw === undefined) return fallback;
  if (raw === "" || raw === true) die(tool, `${flag} requires an argument`, BAD_OPTION);
  const text = String(raw);
  if (!(choices as readonly string[]).includes(text))
    die(
      tool,
      `invalid value for ${flag}: '${text}' (expected one of ${choices.join(", ")})`,
      BAD_OPTION,
    );
  return text as T;
}

const REJECTION_MODES = ["throw", "strict", "warn", "none", "warn-with-error-code"] as const;

/**
 * vmrun's options that vmsnap and vmresume accept too, defined once. Under vmresume
 * a limit may only tighten the snapshot's (Jaunt.resume's rule).
 */
const RUN_OPTIONS = {
  "snapshot-every":
    "N: every N instructions, snapshot the VM, throw it away and continue in a fresh VM decoded from the snapshot (0, the default: never)",
  "unhandled-rejections": `mode: what an unhandled promise rejection does, as in node: ${REJECTION_MODES.join(", ")} (default: throw)`,
  "max-call-depth": `N: guest call depth limit; deeper calls throw RangeError (default: ${DEFAULT_MAX_CALL_DEPTH})`,
  "deadline-ms":
    "N: wall-clock milliseconds the program may run; past them it gets a RangeError, then stops (default: none)",
  "max-heap-bytes":
    "N: estimated guest heap limit in bytes; going over throws RangeError, allocating on after it stops the program with exit code 134 (0, the default: no limit)",
} as const;

export type RunOptionName = keyof typeof RUN_OPTIONS;

/** The values of the run options given on the command line (absent: undefined). */
export interface RunOptionValues {
  snapshotEvery?: number;
  unhandledRejections?: UnhandledRejectionsMode;
  maxCallDepth?: number;
  /** 0: none. */
  deadlineMs?: number;
  /** 0: no limit. */
  maxHeapBytes?: number;
}

/** The options that bound a run (vmrun, vmsnap and vmresume take them). */
export const LIMIT_OPTION_NAMES = [
  "unhandled-rejections",
  "max-call-depth",
  "deadline-ms",
  "max-heap-bytes",
] as const;

/** Adds the named run options to a command's parser. */
export function defineRunOptions(argv: Argv, names: readonly RunOptionName[]): Argv {
  for (const name of names) argv = argv.option(name, { describe: RUN_OPTIONS[name] });
  return argv;
}

/** Reads and checks the named run options (a bad value is refused in one line, exit 9). */
export function readRunOptions(
  tool: string,
  argv: Record<string, unknown>,
  names: readonly RunOptionName[],
): RunOptionValues {
  const v: RunOptionValues = {};
  const has = (n: RunOptionName) => names.includes(n) && argv[n] !== undefined;
  if (has("snapshot-every"))
    v.snapshotEvery = countOption(tool, "--snapshot-every", argv["snapshot-every"], 0, "= never");
  if (has("unhandled-rejections"))
    v.unhandledRejections = choiceOption(
      tool,
      "--unhandled-rejections",
      argv["unhandled-rejections"],
      REJECTION_MODES,
      "throw",
    );
  if (has("max-call-depth"))
    v.maxCallDepth = countOption(tool, "--max-call-depth", argv["max-call-depth"], 0);
  if (has("deadline-ms"))
    v.deadlineMs = countOption(tool, "--deadline-ms", argv["deadline-ms"], 0, "= none");
  if (has("max-heap-bytes"))
    v.maxHeapBytes = countOption(tool, "--max-heap-bytes", argv["max-heap-bytes"], 0, "= no limit");
  return v;
}

/**
 * The Jaunt options the run options make. For a new run (`fresh`) absent limits are
 * vmrun's defaults (no heap limit); for a resume they are left out, so the snapshot's
 * stay in force.
 */
export function limitOptions(v: RunOptionValues, fresh: boolean): JauntOptions {
  const o: JauntOptions = {};
  if (v.maxCallDepth !== undefined) o.maxCallDepth = v.maxCallDepth;
  if (v.unhandledRejections !== undefined) o.unhandledRejections = v.unhandledRejections;
  const limits: NonNullable<JauntOptions["limits"]> = {};
  if (v.maxHeapBytes) limits.heapBytes = v.maxHeapBytes;
  else if (fresh) limits.heapBytes = Infinity;
  if (v.deadlineMs) limits.deadlineMs = v.deadlineMs;
  o.limits = limits;
  return o;
}

const IO_PROBLEMS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "a component of the path is not a directory",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  EMFILE: "too many open files",
  EIO: "input/output error",
  EXDEV: "cross-device link",
  ENOTEMPTY: "directory not empty",
  EEXIST: "file already exists",
};

/** The problem in an fs error, without the code prefix, syscall and path node adds. */
export function ioProblem(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === "string" && IO_PROBLEMS[err.code]) return IO_PROBLEMS[err.code];
  const msg = String(err?.message ?? e).split("\n")[0];
  return msg.match(/^[A-Z0-9]+: ([^,]+),/)?.[1] ?? msg;
}

/** The main program: its file (after node's resolution) and how node would run it. */
export interface MainEntry {
  filename: string;
  kind: ProgramKind | "json";
  /** process.argv[1]: the path as given, made absolute (node does not resolve it further). */
  argv1: string;
}

/**
 * Finds the file `node <file>` would run, with node's own CommonJS resolver (the one
 * node's run_main uses): the exact file, then `.js`/`.json`/`.node` added, then a folder's
 * package.json "main" or index file; symlinks resolved; node's DEP0128 warning for a bad
 * "main". When nothing is found, `nodeReport` lets node's own error go uncaught so the
 * report is node's, line for line; otherwise the failure is returned as one line.
 */
function resolveMainFile(file: string, nodeReport: boolean): string | { problem: string } {
  const abs = path.resolve(file);
  const resolver = Module as unknown as {
    _resolveFilename(request: string, parent: null, isMain: boolean): string;
  };
  if (nodeReport) {
    // Node's report shows the internal frames of its loader; ours would add the frames
    // of this tool, which are no business of the program's author.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 1;
    const found = resolver._resolveFilename(abs, null, true);
    Error.stackTraceLimit = limit;
    return found;
  }
  try {
    return resolver._resolveFilename(abs, null, true);
  } catch (e) {
    return { problem: String((e as Error).message).split("\n")[0] };
  }
}

function packageType(file: string): string | undefined {
  let dir = path.dirname(file);
  for (;;) {
    if (path.basename(dir) === "node_modules") return undefined;
    const pj = path.join(dir, "package.json");
    if (fs.existsSync(pj)) {
      try {
        const t = (JSON.parse(fs.readFileSync(pj, "utf8")) as { type?: unknown }).type;
        return typeof t === "string" ? t : undefined;
      } catch {
        return undefined;
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * How node 20 runs a main file: `.mjs` and `"type": "module"` (a `.js` or extensionless
 * file) as an ES module, `.cjs` and `"type": "commonjs"` as CommonJS, `.json` as JSON;
 * with no "type", a file whose source only parses as a module is one (node's syntax
 * detection). Any other extension runs as CommonJS, unless it would be a module, which
 * node refuses. Returns a one-line problem for what node refuses or Jaunt cannot run.
 */
function mainKind(filename: string, script: boolean): ProgramKind | "json" | { problem: string } {
  if (script) return "script";
  const ext = path.extname(filename);
  if (ext === ".mjs") return "module";
  if (ext === ".cjs") return "commonjs";
  if (ext === ".node")
    return { problem: `${filename} is a native addon; Jaunt runs only JavaScript` };
  const type = packageType(filename);
  const unknownExt = {
    problem: `TypeError [ERR_UNKNOWN_FILE_EXTENSION]: Unknown file extension "${ext}" for ${filename}`,
  };
  if (type === "module") {
    if (ext === ".js" || ext === "") return "module";
    if (ext === ".json")
      return {
        problem: `TypeError [ERR_IMPORT_ATTRIBUTE_MISSING]: Module "${pathToFileURL(filename).href}" needs an import attribute of type "json"`,
      };
    return unknownExt;
  }
  if (ext === ".json") return "json";
  if (type === "commonjs") return "commonjs";
  if (ext === ".js") return isESModule(filename) ? "module" : "commonjs";
  if (hasModuleSyntax(filename)) return ext === "" ? "module" : unknownExt;
  return "commonjs";
}

/** How a file given to the embedding API would run (used by the tests' in-process runner). */
export function programKind(file: string, script: boolean): ProgramKind {
  if (script) return "script";
  return isESModule(path.resolve(file)) ? "module" : "commonjs";
}

/**
 * The main entry as node finds it. `vmrun` (nodeReport) reports a missing program
 * exactly as node does, exit code 1; the other tools in one line, exit code 1.
 */
export function findMain(
  tool: string,
  file: string,
  script: boolean,
  nodeReport: boolean,
): MainEntry {
  if (file === "-") die(tool, "reading the program from standard input is not supported", 1);
  const found = resolveMainFile(file, nodeReport);
  if (typeof found !== "string") die(tool, found.problem, 1);
  const kind = mainKind(found, script);
  if (typeof kind === "object") {
    if (nodeReport && kind.problem.startsWith("TypeError")) {
      say(kind.problem);
      process.exit(1);
    }
    die(tool, kind.problem, 1);
  }
  return { filename: found, kind, argv1: path.resolve(file) };
}

/** Node's report of a syntax error in a main program (line, source line, caret, error). */
export function syntaxErrorReport(e: GuestSyntaxError, kind: ProgramKind | "json"): string {
  // Node prints the source line as a C string: it ends at the first NUL.
  const line = e.sourceLine.split("\0")[0];
  const where = kind === "module" ? pathToFileURL(e.filename).href : e.filename;
  return `${where}:${e.line}\n${line}\n${caretUnder(line, e.column)}\n\n${e.errorName}: ${e.message}\n`;
}

/**
 * The program's source as node reads it: UTF-8; an ES module loses a leading byte-order
 * mark (node's module loader strips it), while CommonJS keeps it (it is whitespace to
 * the parser, so `#!` after a BOM is a syntax error there, as in node).
 */
export function readMainSource(tool: string, main: MainEntry): string {
  let source: string;
  try {
    source = fs.readFileSync(main.filename, "utf8");
  } catch (e) {
    die(tool, `cannot read ${main.filename}: ${ioProblem(e)}`, 1);
  }
  if (main.kind === "module" && source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  if (main.kind === "json") {
    // node parses a JSON main and runs nothing; a bad one is a SyntaxError.
    try {
      JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
    } catch (e) {
      say(`SyntaxError: ${main.filename}: ${(e as Error).message}`);
      process.exit(1);
    }
    return "";
  }
  return source;
}

/** Reads and loads the main program; on a syntax error prints Node's report and exits 1. */
export function loadMain(tool: string, main: MainEntry, opts: JauntOptions): Jaunt {
  const source = readMainSource(tool, main);
  const j = Jaunt.create(opts);
  const kind = main.kind === "json" ? "commonjs" : main.kind;
  try {
    j.load(source, main.filename, kind, { argv1: main.argv1 });
  } catch (e) {
    if (e instanceof GuestSyntaxError) {
      process.stderr.write(syntaxErrorReport(e, kind));
      process.exit(1);
    }
    throw e;
  }
  return j;
}

/** Instructions per slice of a run that keeps the host's event loop turning (~4 ms). */
const SLICE = 100_000;
/** A run yields to the host's event loop at least this often (ms) while it computes. */
const YIELD_MS = 5;

/** What runToEnd does besides running. */
export interface RunPlan {
  /**
   * vmrun --snapshot-every N: after every N instructions the VM is encoded, thrown
   * away and decoded into a fresh instance that continues (a transparency test that
   * is also a public option); the fresh VM takes over the live host resources and
   * in-flight host operations (reattach).
   */
  snapshotEvery?: number;
  /** vmrun --record: called whenever the run reaches `nextStep` (see time-travel.ts). */
  recorder?: { nextStep: number; take(j: Jaunt): void; finish(j: Jaunt): void };
  /**
   * Answer `vmsnap PID` (bin/control.ts). The run then goes in slices with turns of the
   * host's event loop between them and never blocks it while the guest waits for a
   * timer (`opts.blocking` must be false); the socket is made at the first such turn,
   * so a program that ends within its first slice never makes one.
   */
  control?: boolean;
}

/** The VM a run is on now (a snapshot round trip replaces it), for the control channel. */
export interface LiveRun {
  j: Jaunt;
  /** Set by `vmsnap PID --stop`: the run must not execute one more instruction. */
  frozen: boolean;
}

function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Milliseconds on a monotonic clock. Not performance.now(): its first use loads
 * perf_hooks (~2% of `vmrun hello.js`).
 */
function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Runs to the end with Node's output and exit-code rules, doing what `plan` adds.
 * While the guest waits for host operations (asynchronous file I/O), or for timers
 * under `control`, the host's event loop runs.
 */
export async function runToEnd(j: Jaunt, opts: JauntOptions, plan: RunPlan = {}): Promise<number> {
  noteGuestRan();
  const every = plan.snapshotEvery ?? 0;
  const rec = plan.recorder;
  const live: LiveRun = { j, frozen: false };
  // The control channel is made at the run's first turn of the host's event loop, so a
  // program that ends before it never makes one (nor loads control.ts).
  let listening = !plan.control;
  const beforeHostTurn = () => {
    if (listening) return;
    listening = true;
    (require("./control") as typeof import("./control")).listen(live);
  };
  if (rec && j.steps === rec.nextStep) rec.take(j);
  let untilCut = every;
  let yielded = nowMs();
  // Guest compute time, until the optimizer is turned back on (tier-up.ts).
  let computed = 0;
  for (;;) {
    // Parked for good: the control channel exits the process.
    if (live.frozen) await new Promise<never>(() => {});
    // While V8's on-stack replacement is held back (tier-up.ts), runs in slices: each
    // return and call lets the host's loops (runTurns over a program's promise jobs)
    // switch to their optimized code without it.
    const slices = plan.control || tierUpHeld() || osrHeld();
    let budget = every > 0 ? untilCut : slices ? SLICE : Infinity;
    if (rec) budget = Math.min(budget, rec.nextStep - j.steps);
    const before = j.steps;
    const started = nowMs();
    const r = j.run(budget);
    computed = tierUpStep(computed, nowMs() - started);
    untilCut -= j.steps - before;
    if (r.status === "request") {
      // A jaunt request answered asynchronously (teleport, fork): wait, then go on.
      beforeHostTurn();
      await r.answered;
      continue;
    }
    if (rec && j.steps === rec.nextStep && (r.status === "paused" || r.status === "waiting"))
      rec.take(j);
    if (r.status === "paused") {
      if (every > 0 && untilCut <= 0) {
        const cutStarted = nowMs();
        j = live.j = Jaunt.resume(j.snapshot(), { ...opts, continueTurn: true, reattach: j });
        untilCut = every;
        // Taking and resuming the snapshot is work for the guest too: with short strides
        // it is nearly all of it, and the optimizer stayed held for the whole run.
        computed = tierUpStep(computed, nowMs() - cutStarted);
      }
      if (plan.control && nowMs() - yielded >= YIELD_MS) {
        beforeHostTurn();
        await yieldToHost();
        yielded = nowMs();
      }
      continue;
    }
    untilCut = every;
    if (r.status === "waiting") {
      beforeHostTurn();
      if (await j.waitForWork(r)) {
        yielded = nowMs();
        continue;
      }
    }
    break;
  }
  settleForExit();
  rec?.finish(j);
  const report = j.uncaughtReport();
  if (report) process.stderr.write(report);
  return j.exitCode;
}

/** A snapshot file's bytes; an unreadable file is refused in one line, exit code 2. */
export function readSnapshot(tool: string, file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    die(tool, `cannot read ${file}: ${ioProblem(e)}`, 2);
  }
}

/**
 * The key of `--key-file F`: the file's bytes, a final newline left out (so `echo` can
 * make one). Missing, unreadable or too short: refused in one line, exit code 9.
 */
export function readKeyFile(tool: string, raw: unknown): Uint8Array | undefined {
  if (raw === undefined) return undefined;
  if (raw === "" || raw === true) die(tool, "--key-file requires an argument", BAD_OPTION);
  const file = String(raw);
  let key: Buffer;
  try {
    key = fs.readFileSync(file);
  } catch (e) {
    die(tool, `cannot read key file ${file}: ${ioProblem(e)}`, BAD_OPTION);
  }
  let end = key.length;
  if (end > 0 && key[end - 1] === 0x0a) end--;
  if (end > 0 && key[end - 1] === 0x0d) end--;
  if (end < MIN_KEY_BYTES)
    die(
      tool,
      `key file ${file} holds ${end} bytes; a key needs at least ${MIN_KEY_BYTES}`,
      BAD_OPTION,
    );
  return key.subarray(0, end);
}

/** A signed snapshot's contents, verified with `key` (none: the bytes as they are); exit code 2 if refused. */
export function verifiedOrExit(
  tool: string,
  bytes: Uint8Array,
  key: Uint8Array | undefined,
): Uint8Array {
  if (key === undefined) return bytes;
  try {
    return verifySnapshot(bytes, key);
  } catch (e) {
    if (e instanceof SnapshotError) die(tool, e.message, 2);
    throw e;
  }
}

/**
 * Whether a snapshot's decode runs with the optimizer on (withOptimizer): from 2 MB, about
 * 140,000 small objects (a compressed snapshot from a sixth of that). vmresume's CPU, best
 * of 4 (user + sys): 10^6 objects (16 MB) 4.3 -> 2.8 s; 300,000 (4.5 MB) even; 100,000
 * (1.4 MB) 0.85 -> 1.05 s: a smaller decode takes less time than compiling its loops.
 */
export function decodesOptimized(bytes: Uint8Array): boolean {
  return bytes.length >= (isCompressedSnapshot(bytes) ? BIG_SNAPSHOT / 6 : BIG_SNAPSHOT);
}
const BIG_SNAPSHOT = 2 << 20;

export function resumeOrExit(tool: string, bytes: Uint8Array, opts: JauntOptions): Jaunt {
  try {
    // A big snapshot's decode is a long host loop: worth V8's optimizer (tier-up.ts).
    return decodesOptimized(bytes)
      ? withOptimizer(() => Jaunt.resume(bytes, opts))
      : Jaunt.resume(bytes, opts);
  } catch (e) {
    if (e instanceof SnapshotError) die(tool, e.message, 2);
    throw e;
  }
}

/**
 * Checks, before any work is done, that a file can be written at `file`: its folder
 * exists and is writable, and the name is not a folder. Returns a one-line problem.
 */
export function outputProblem(file: string): string | null {
  if (file === "") return "the output path is empty";
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  try {
    if (fs.statSync(abs).isDirectory()) return `cannot write ${file}: is a directory`;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") return `cannot write ${file}: ${ioProblem(e)}`;
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (e) {
    return `cannot write ${file}: folder ${dir}: ${ioProblem(e)}`;
  }
  if (!st.isDirectory()) return `cannot write ${file}: ${dir} is not a directory`;
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    return `cannot write ${file}: folder ${dir} is not writable`;
  }
  return null;
}
