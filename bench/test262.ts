// npm run test262 -- [options] [paths…] — runs parts of the official test262 suite
// (checked out outside this repository, by default at /work/test262) against Jaunt and
// prints pass rates by directory. Tests run in-process through the embedding API in a
// few forked worker processes; a test that hangs or kills its worker is recorded and
// the worker replaced. Measured, never asserted: this is not part of `npm test`.

import { fork, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import yargs from "yargs";
import { Jaunt, GuestSyntaxError } from "../vm";
import { JSObject, PF } from "../vm/model/object";
import type { Value } from "../vm/model/value";

// ---------------------------------------------------------------------------------
// Options

interface Options {
  root: string;
  paths: string[];
  depth: number;
  steps: number;
  jobs: number;
  timeoutMs: number;
  verbose: boolean;
  json: string | undefined;
  worker: boolean;
}

function parseOptions(args: string[]): Options {
  const argv = yargs(args)
    .scriptName("test262")
    .usage("npm run test262 -- [options] [paths relative to test/…]")
    .option("root", {
      type: "string",
      default: process.env.TEST262_DIR ?? "/work/test262",
      describe: "test262 checkout (or env TEST262_DIR)",
    })
    .option("depth", {
      type: "number",
      default: 2,
      describe: "group the report by this many directory levels below each given path",
    })
    .option("timeout-steps", {
      type: "number",
      default: 5e6,
      describe: "instruction budget for each run of a test",
    })
    .option("timeout-ms", {
      type: "number",
      default: 30000,
      describe: "wall-clock limit per test (catches hangs inside the host)",
    })
    .option("jobs", { type: "number", default: 2, describe: "worker processes" })
    .option("verbose", {
      type: "boolean",
      default: false,
      describe: "list failures with the first line of their error",
    })
    .option("json", { type: "string", describe: "write every result to this file" })
    .option("worker", { type: "boolean", default: false, hidden: true })
    .strictOptions()
    .version(false)
    .help()
    .parseSync();
  return {
    root: path.resolve(argv.root),
    paths: argv._.map(String).map(normalizeTestPath),
    depth: argv.depth,
    steps: argv["timeout-steps"],
    jobs: Math.max(1, argv.jobs),
    timeoutMs: argv["timeout-ms"],
    verbose: argv.verbose,
    json: argv.json,
    worker: argv.worker,
  };
}

/** "test/built-ins/Array/" → "built-ins/Array". */
function normalizeTestPath(p: string): string {
  return p
    .replace(/\\/g, "/")
    .replace(/^\.?\/?(test\/)?/, "")
    .replace(/\/+$/, "");
}

// ---------------------------------------------------------------------------------
// Frontmatter: the small subset of YAML test262 uses

interface Negative {
  phase: string;
  type: string;
}

export interface Meta {
  includes: string[];
  flags: string[];
  features: string[];
  negative?: Negative;
}

function unquote(s: string): string {
  return s.trim().replace(/^(['"])(.*)\1$/, "$2");
}

/** `[a, b]` (possibly spread over several lines) → ["a", "b"]. */
function parseFlowList(text: string): string[] {
  const inner = text.slice(text.indexOf("[") + 1, text.indexOf("]"));
  return inner.split(",").map(unquote).filter(Boolean);
}

/** The lines under a key: a `- item` list or `key: value` pairs. */
function parseBlock(lines: string[]): string[] | Record<string, string> {
  const items = lines.map((l) => /^\s*-\s*(.+)$/.exec(l)).filter((m) => m !== null);
  if (items.length > 0) return items.map((m) => unquote(m[1]));
  const map: Record<string, string> = {};
  for (const l of lines) {
    const m = /^\s+([A-Za-z_]+):\s*(.*)$/.exec(l);
    if (m) map[m[1]] = unquote(m[2]);
  }
  return map;
}

function parseValue(rest: string, block: string[]): string[] | Record<string, string> | string {
  if (rest.startsWith("[")) return parseFlowList([rest, ...block].join(" "));
  if (rest === "" || rest === "|" || rest === ">") return parseBlock(block);
  return unquote(rest);
}

export function parseFrontmatter(source: string): Meta {
  const meta: Meta = { includes: [], flags: [], features: [] };
  const m = /\/\*---([\s\S]*?)---\*\//.exec(source);
  if (!m) return meta;
  const lines = m[1].split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const top = /^([A-Za-z_]+):\s*(.*?)\s*$/.exec(lines[i]);
    if (!top) continue;
    const block: string[] = [];
    while (i + 1 < lines.length && /^(\s|-|$)/.test(lines[i + 1])) block.push(lines[++i]);
    const value = parseValue(top[2], block);
    const list = Array.isArray(value) ? value : [];
    if (top[1] === "includes") meta.includes = list;
    else if (top[1] === "flags") meta.flags = list;
    else if (top[1] === "features") meta.features = list;
    else if (top[1] === "negative" && typeof value === "object" && !Array.isArray(value))
      meta.negative = { phase: value.phase ?? "", type: value.type ?? "" };
  }
  return meta;
}

// ---------------------------------------------------------------------------------
// Running one test (in a worker)

export type Status = "pass" | "fail" | "unsupported" | "timeout" | "crash" | "skip";

export interface TestResult {
  file: string;
  status: Status;
  /** First line of the error, the reason for a skip, or which run failed. */
  message?: string;
}

/** Host-defined globals test262 expects (INTERPRETING.md), as far as Jaunt can offer. */
const HOST_PRELUDE = `var print = typeof print !== "undefined" ? print : function (msg) { console.log(msg); };
var $262 = (function (detach) {
  delete this.__jauntDetachArrayBuffer;
  return {
    global: this,
    evalScript: function () { throw new Test262Error("$262.evalScript is not supported"); },
    createRealm: function () { throw new Test262Error("$262.createRealm is not supported"); },
    detachArrayBuffer: function (buffer) { return detach(buffer); },
    gc: function () { throw new Test262Error("$262.gc is not supported"); }
  };
}).call(globalThis, globalThis.__jauntDetachArrayBuffer);
`;

/** Hands the VM's DetachArrayBuffer to the host prelude (which removes it from the global). */
function exposeDetach(j: Jaunt): void {
  const realm = j.vm.realm;
  const detach = realm.internals.props.get("abDetach")?.value;
  realm.global.setOwn("__jauntDetachArrayBuffer", detach, PF.Hidden);
}

const harnessCache = new Map<string, string>();

function harnessFile(root: string, name: string): string {
  let text = harnessCache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(root, "harness", name), "utf8");
    harnessCache.set(name, text);
  }
  return text;
}

/** The source test262 asks for: host prelude, harness, includes, then the test. */
function buildSource(root: string, meta: Meta, body: string, strict: boolean): string {
  if (meta.flags.includes("raw")) return body;
  const files = ["assert.js", "sta.js"];
  if (meta.flags.includes("async")) files.push("doneprintHandle.js");
  files.push(...meta.includes);
  const parts = [HOST_PRELUDE, ...files.map((f) => harnessFile(root, f)), body];
  return (strict ? '"use strict";\n' : "") + parts.join("\n");
}

/**
 * For module tests, the host prelude and harness as a classic script run first, so
 * they are globals that every module of the test sees (some tests import other test
 * files, which use `assert` too).
 */
function moduleHarness(root: string, meta: Meta): string {
  const files = ["assert.js", "sta.js"];
  if (meta.flags.includes("async")) files.push("doneprintHandle.js");
  files.push(...meta.includes);
  return [HOST_PRELUDE, ...files.map((f) => harnessFile(root, f))].join("\n");
}

/** Which modes a test must pass in: false = sloppy, true = strict. */
function modesFor(meta: Meta): boolean[] {
  const f = meta.flags;
  if (f.includes("module")) return [true];
  if (f.includes("raw") || f.includes("noStrict")) return [false];
  if (f.includes("onlyStrict")) return [true];
  return [false, true];
}

/** Reads a data property along the prototype chain without running guest code. */
function dataProperty(obj: JSObject, key: string): Value {
  for (let o: JSObject | null = obj; o; o = o.proto) {
    const p = o.getOwnProperty(key);
    if (p) return p.getter || p.setter ? undefined : p.value;
  }
  return undefined;
}

/** The name of the thrown value's constructor, e.g. "TypeError", or "" for primitives. */
function constructorName(v: Value): string {
  if (!(v instanceof JSObject)) return "";
  const ctor = dataProperty(v, "constructor");
  const name = ctor instanceof JSObject ? ctor.getOwnProperty("name")?.value : undefined;
  if (typeof name === "string" && name) return name;
  const own = dataProperty(v, "name");
  return typeof own === "string" ? own : "";
}

function describeThrown(v: Value): string {
  if (!(v instanceof JSObject)) return `(thrown ${typeof v}) ${String(v)}`;
  const message = dataProperty(v, "message");
  const text = typeof message === "string" ? message : "";
  return `${constructorName(v) || "object"}: ${text}`;
}

function firstLine(s: string): string {
  return s.split(/\r\n|\r|\n/)[0].slice(0, 300);
}

type RunOutcome = { status: Status; message?: string };

/** One compile-and-run of a prepared source, judged by test262's rules. */
function runOnce(
  source: string,
  filename: string,
  meta: Meta,
  steps: number,
  harness: string | null,
): RunOutcome {
  let stdout = "";
  // test262 hosts do not fail on unhandled rejections (many tests leave one behind).
  const j = Jaunt.create({
    stdout: (t) => (stdout += t),
    stderr: () => {},
    argv: [],
    seed: 1,
    unhandledRejections: "none",
    capabilities: { fs: true }, // module tests import their _FIXTURE files
  });
  exposeDetach(j);
  const neg = meta.negative;
  if (harness !== null) {
    j.load(harness, path.join(path.dirname(filename), "harness.js"), "script");
    const r = j.run(steps);
    if (r.status !== "done") return { status: "crash", message: `the harness ended ${r.status}` };
  }
  try {
    // Module tests run as the main ES module, from their own path so that their
    // relative imports (fixtures, self-imports) resolve.
    j.load(source, filename, meta.flags.includes("module") ? "module" : "script");
  } catch (e) {
    if (!(e instanceof GuestSyntaxError)) throw e;
    const msg = `SyntaxError: ${e.message} (line ${e.line})`;
    if (/is not supported yet$/.test(e.message)) return { status: "unsupported", message: msg };
    if (neg?.phase === "parse" && neg.type === "SyntaxError") return { status: "pass" };
    return { status: "fail", message: msg };
  }
  if (neg?.phase === "parse")
    return { status: "fail", message: `expected a parse-time ${neg.type}, but it compiled` };
  const r = j.run(steps);
  if (r.status === "paused")
    return { status: "timeout", message: `still running after ${steps} instructions` };
  return judgeEnd(j.vm.uncaught?.value, j.vm.uncaught !== null, stdout, meta);
}

function judgeEnd(thrown: Value, threw: boolean, stdout: string, meta: Meta): RunOutcome {
  const neg = meta.negative;
  if (neg) {
    if (threw && constructorName(thrown) === neg.type) return { status: "pass" };
    const got = threw ? describeThrown(thrown) : "no error";
    return { status: "fail", message: `expected a runtime ${neg.type}, got ${firstLine(got)}` };
  }
  if (threw) return { status: "fail", message: firstLine(describeThrown(thrown)) };
  if (meta.flags.includes("async")) {
    const failure = /Test262:AsyncTestFailure:(.*)/.exec(stdout);
    if (failure) return { status: "fail", message: firstLine(failure[1]) };
    if (!stdout.includes("Test262:AsyncTestComplete"))
      return { status: "fail", message: "async test never called $DONE" };
  }
  return { status: "pass" };
}

function skipReason(meta: Meta): string | null {
  // Jaunt acts as a host whose agent can block (like Node's main thread).
  if (meta.flags.includes("CanBlockIsFalse")) return "CanBlockIsFalse";
  return null;
}

/** Runs every required mode of one test; the test passes only if all of them do. */
export function runTest(root: string, rel: string, steps: number): TestResult {
  const file = path.join(root, "test", rel);
  const body = fs.readFileSync(file, "utf8");
  const meta = parseFrontmatter(body);
  const skip = skipReason(meta);
  if (skip) return { file: rel, status: "skip", message: skip };
  for (const strict of modesFor(meta)) {
    let out: RunOutcome;
    try {
      out = meta.flags.includes("module")
        ? runOnce(
            body,
            file,
            meta,
            steps,
            meta.flags.includes("raw") ? null : moduleHarness(root, meta),
          )
        : runOnce(buildSource(root, meta, body, strict), file, meta, steps, null);
    } catch (e) {
      const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      out = { status: "crash", message: firstLine(text) };
    }
    if (out.status !== "pass") {
      const mode = strict ? "strict" : "sloppy";
      return { file: rel, status: out.status, message: `[${mode}] ${out.message ?? ""}` };
    }
  }
  return { file: rel, status: "pass" };
}

function workerMain(opts: Options): void {
  process.on("message", (msg: { file: string }) => {
    let result: TestResult;
    try {
      result = runTest(opts.root, msg.file, opts.steps);
    } catch (e) {
      result = { file: msg.file, status: "crash", message: firstLine(String(e)) };
    }
    process.send!(result);
  });
}

// ---------------------------------------------------------------------------------
// Finding tests

function isTestFile(name: string): boolean {
  return name.endsWith(".js") && !name.includes("_FIXTURE");
}

function walk(dir: string, rel: string, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(path.join(dir, e.name), r, out);
    else if (isTestFile(e.name)) out.push(r);
  }
}

/** Test files (relative to test/) under each given path, each with the path it came from. */
function listTests(root: string, paths: string[]): Map<string, string> {
  const tests = new Map<string, string>();
  for (const p of paths.length ? paths : [""]) {
    const abs = path.join(root, "test", p);
    if (!fs.existsSync(abs)) throw new Error(`no such test path: ${abs}`);
    const found: string[] = [];
    if (fs.statSync(abs).isDirectory()) walk(abs, p, found);
    else found.push(p);
    const base = fs.statSync(abs).isDirectory() ? p : path.posix.dirname(p);
    for (const f of found) if (!tests.has(f)) tests.set(f, base);
  }
  return tests;
}

/** The report row a test belongs to: its directory cut `depth` levels below `base`. */
function groupOf(file: string, base: string, depth: number): string {
  const baseLevels = base ? base.split("/").length : 0;
  const dirs = path.posix.dirname(file).split("/");
  return dirs.slice(0, baseLevels + depth).join("/");
}

// ---------------------------------------------------------------------------------
// The worker pool

class Pool {
  private queue: string[];
  private results: TestResult[] = [];
  private running = 0;
  private done!: (r: TestResult[]) => void;

  constructor(
    private opts: Options,
    files: string[],
    private onResult: (r: TestResult, count: number) => void,
  ) {
    this.queue = [...files];
  }

  run(): Promise<TestResult[]> {
    return new Promise((resolve) => {
      this.done = resolve;
      const n = Math.min(this.opts.jobs, this.queue.length);
      if (n === 0) resolve([]);
      for (let i = 0; i < n; i++) this.startWorker();
    });
  }

  private startWorker(): void {
    const args = ["--worker", "--root", this.opts.root, "--timeout-steps", `${this.opts.steps}`];
    const child = fork(__filename, args, { execArgv: ["--max-old-space-size=2048"] });
    this.running++;
    let current: string | null = null;
    let timer: NodeJS.Timeout | undefined;
    const kill = (status: Status, message: string) => {
      if (current !== null) this.record({ file: current, status, message });
      current = null;
      child.kill("SIGKILL");
    };
    const next = () => {
      current = this.queue.shift() ?? null;
      if (current === null) return child.disconnect();
      timer = setTimeout(
        () => kill("timeout", `no answer after ${this.opts.timeoutMs} ms`),
        this.opts.timeoutMs,
      );
      child.send({ file: current });
    };
    child.on("message", (r: TestResult) => {
      clearTimeout(timer);
      current = null;
      this.record(r);
      next();
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      this.running--;
      if (current !== null)
        this.record({ file: current, status: "crash", message: `worker died (${signal ?? code})` });
      if (this.queue.length > 0) this.startWorker();
      else if (this.running === 0) this.done(this.results);
    });
    next();
  }

  private record(r: TestResult): void {
    this.results.push(r);
    this.onResult(r, this.results.length);
  }
}

// ---------------------------------------------------------------------------------
// Reporting

interface Tally {
  pass: number;
  fail: number;
  unsupported: number;
  timeout: number;
  crash: number;
  skip: number;
}

function emptyTally(): Tally {
  return { pass: 0, fail: 0, unsupported: 0, timeout: 0, crash: 0, skip: 0 };
}

function add(t: Tally, s: Status): void {
  t[s]++;
}

/** Failures of every kind: everything that ran and did not pass. */
function failed(t: Tally): number {
  return t.fail + t.unsupported + t.timeout + t.crash;
}

function row(name: string, t: Tally): string[] {
  const ran = t.pass + failed(t);
  const pct = ran ? ((100 * t.pass) / ran).toFixed(1) + "%" : "-";
  const counts = [t.pass, failed(t), ran].map(String);
  return [name, ...counts, pct, ...[t.unsupported, t.timeout, t.crash, t.skip].map(String)];
}

function printTable(rows: string[][]): void {
  const header = [
    "directory",
    "pass",
    "fail",
    "total",
    "pass%",
    "unsupp",
    "timeout",
    "crash",
    "skipped",
  ];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

function tallyBy(results: TestResult[], key: (r: TestResult) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const r of results) {
    const k = key(r);
    if (!out.has(k)) out.set(k, emptyTally());
    add(out.get(k)!, r.status);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function printFailures(results: TestResult[]): void {
  const bad = results.filter((r) => r.status !== "pass" && r.status !== "skip");
  console.log(`\nfailures (${bad.length}):`);
  for (const r of bad) console.log(`  ${r.status.padEnd(11)} ${r.file}: ${r.message ?? ""}`);
}

function report(
  opts: Options,
  tests: Map<string, string>,
  results: TestResult[],
  ms: number,
): void {
  results.sort((a, b) => (a.file < b.file ? -1 : 1));
  const groups = tallyBy(results, (r) => groupOf(r.file, tests.get(r.file)!, opts.depth));
  const tops = tallyBy(results, (r) => tests.get(r.file) || "(all)");
  const total = tallyBy(results, () => "overall").get("overall") ?? emptyTally();
  if (opts.verbose) printFailures(results);
  console.log();
  printTable([...groups].map(([k, t]) => row(k, t)));
  console.log();
  printTable([...[...tops].map(([k, t]) => row(k, t)), row("overall", total)]);
  const skipNote = total.skip ? ` (${total.skip} skipped: CanBlockIsFalse)` : "";
  console.log(
    `\n${results.length} tests in ${(ms / 1000).toFixed(1)} s with ${opts.jobs} jobs${skipNote}`,
  );
  if (opts.json) writeJson(opts, groups, total, results, ms);
}

function writeJson(
  opts: Options,
  groups: Map<string, Tally>,
  total: Tally,
  results: TestResult[],
  ms: number,
): void {
  const data = {
    root: opts.root,
    paths: opts.paths,
    timeoutSteps: opts.steps,
    date: new Date().toISOString(),
    seconds: ms / 1000,
    total,
    groups: Object.fromEntries(groups),
    tests: results,
  };
  fs.writeFileSync(opts.json!, JSON.stringify(data, null, 1) + "\n");
  console.log(`results written to ${opts.json}`);
}

// ---------------------------------------------------------------------------------
// Main

function progress(total: number): (r: TestResult, count: number) => void {
  return (_r, count) => {
    if (count % 1000 === 0 || count === total) process.stderr.write(`  ${count}/${total}\n`);
  };
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.worker) return workerMain(opts);
  if (!fs.existsSync(path.join(opts.root, "harness", "assert.js")))
    throw new Error(`${opts.root} is not a test262 checkout (set --root or TEST262_DIR)`);
  const tests = listTests(opts.root, opts.paths);
  const started = Date.now();
  const files = [...tests.keys()];
  process.stderr.write(`running ${files.length} tests from ${opts.root}\n`);
  const results = await new Pool(opts, files, progress(files.length)).run();
  report(opts, tests, results, Date.now() - started);
}

main().catch((e: Error) => {
  console.error(`test262: ${e.message}`);
  process.exit(2);
});
