// Shared by the command-line tools: the command-line conventions (node's one-line
// refusals, exit code 9), finding and loading the main program as node does, running
// it with Node's output and exit-code rules, and reading and writing snapshot files.

import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import Module from "node:module";
import yargs, { type Argv } from "yargs";
import { Jaunt, GuestSyntaxError, SnapshotError, type JauntOptions } from "../vm";
import { COMPILER_VERSION, type ProgramKind } from "../compiler/bytecode";
import { SNAPSHOT_FORMAT } from "../vm/snapshot";
export { writeFileAtomic } from "../vm/atomic-file";
import { hasModuleSyntax, isESModule } from "../vm/modules";

/** Node's exit code for a bad command-line option or option value. */
export const BAD_OPTION = 9;

/** Writes one line to stderr synchronously (nothing is lost when we exit right after). */
export function say(text: string): void {
  const buf = Buffer.from(text + "\n", "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(2, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
    }
  }
}

/** Prints `tool: message` and exits: the one-line refusal every command uses. */
export function die(tool: string, message: string, code: number): never {
  say(`${tool}: ${message}`);
  process.exit(code);
}

function packageVersion(): string {
  // dist/bin/common.js → the package root; also works from bin/ under ts-node-like runs.
  for (const up of ["../..", ".."]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, up, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "jaunt" && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return "unknown";
}

/** What `--version` prints: Jaunt's version and what decides snapshot compatibility. */
export function versionText(): string {
  return `jaunt ${packageVersion()} (snapshot format ${SNAPSHOT_FORMAT}, compiler ${COMPILER_VERSION}, node ${process.version})`;
}

/**
 * A yargs parser with the conventions every command shares: `--help`/`-h`,
 * `--version`/`-v`, unknown options left in the positional list (each command refuses
 * them in one line, as node does), the last of a repeated option winning, and any
 * yargs complaint turned into one line and exit code 9.
 */
export function commandLine(tool: string, usage: string, haltAtProgram: boolean): Argv {
  return yargs(process.argv.slice(2))
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
  return `${where}:${e.line}\n${line}\n${" ".repeat(e.column)}^\n\n${e.errorName}: ${e.message}\n`;
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

/**
 * Runs to the end. With `snapshotEvery`, after every N instructions the VM is encoded,
 * thrown away and decoded into a fresh instance that continues (a transparency test
 * that is also a public option); the fresh VM takes over the live host resources and
 * in-flight host operations (reattach). While the guest waits for host operations
 * (asynchronous file I/O), the host's event loop runs.
 */
export async function runToEnd(j: Jaunt, opts: JauntOptions, snapshotEvery = 0): Promise<number> {
  for (;;) {
    const r = j.run(snapshotEvery > 0 ? snapshotEvery : Infinity);
    if (r.status === "request") {
      await r.answered;
      continue;
    }
    if (r.status === "paused") {
      j = Jaunt.resume(j.snapshot(), { ...opts, continueTurn: true, reattach: j });
      continue;
    }
    if (r.status === "waiting" && (await j.waitForWork(r))) continue;
    break;
  }
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

export function resumeOrExit(tool: string, bytes: Uint8Array, opts: JauntOptions): Jaunt {
  try {
    return Jaunt.resume(bytes, opts);
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
