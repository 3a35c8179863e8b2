// npm run node-tests -- [options] — runs a chosen set of node's own tests (test/parallel
// of node v20.11.1, from Deno's copy denoland/node_test, checked out outside this
// repository, by default at /work/node_test) under vmrun and under node, both with
// Jaunt's own `common` shim (bench/node-common/), and prints pass rates per module.
// The rate that counts is vmrun passes / tests node passes with the same shim.
// Measured, never asserted: this is not part of `npm test`.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import yargs from "yargs";

const REPO = path.join(__dirname, "..", "..");
const VMRUN = path.join(REPO, "dist", "bin", "vmrun.js");
const SHIM = path.join(REPO, "bench", "node-common");

// ---------------------------------------------------------------------------------
// Which tests: per module, the test/parallel files whose names match, minus those that
// need what neither the shim nor the issue provides; big modules are sampled evenly.

interface ModuleTests {
  name: string;
  pattern: RegExp;
}

const MODULES: ModuleTests[] = [
  { name: "path", pattern: /^test-path/ },
  { name: "events", pattern: /^test-event-emitter-|^test-events-/ },
  { name: "util", pattern: /^test-util-(format|inspect)/ },
  { name: "assert", pattern: /^test-assert/ },
  { name: "url", pattern: /^test-url/ },
  { name: "querystring", pattern: /^test-querystring/ },
  { name: "string_decoder", pattern: /^test-string-decoder/ },
  { name: "stream", pattern: /^test-stream/ },
  { name: "fs", pattern: /^test-fs-/ },
  { name: "zlib", pattern: /^test-zlib/ },
  { name: "crypto", pattern: /^test-crypto-(hash|hmac)/ },
  { name: "http", pattern: /^test-http-/ },
  { name: "os", pattern: /^test-os/ },
  { name: "buffer", pattern: /^test-buffer-/ },
  { name: "timers", pattern: /^test-timers/ },
  { name: "child_process", pattern: /^test-child-process-/ },
  { name: "net", pattern: /^test-net-/ },
  { name: "readline", pattern: /^test-readline/ },
];

/** Sources that rule a test out: node flags, node internals, modules outside the issue. */
const EXCLUDED_SOURCE = [
  /\/\/ Flags:/,
  /require\('internal\//,
  /internalBinding|process\.binding/,
  /require\('node:test'\)/,
  /require\('(node:)?(worker_threads|cluster|inspector|tls|https|http2|dgram|v8|vm|async_hooks|domain|trace_events|wasi|repl)'\)/,
  /require\('\.\.\/common\/(?!(index|fixtures|tmpdir|countdown|arraystream|duplexpair)(\.js)?'\))/,
];

function evenSample<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

export function selectTests(root: string, perModule: number): Map<string, string[]> {
  const dir = path.join(root, "test", "parallel");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort();
  const chosen = new Map<string, string[]>();
  for (const m of MODULES) {
    const usable = files.filter((f) => {
      if (!m.pattern.test(f)) return false;
      const source = fs.readFileSync(path.join(dir, f), "utf8");
      return !EXCLUDED_SOURCE.some((re) => re.test(source));
    });
    chosen.set(m.name, evenSample(usable, perModule));
  }
  return chosen;
}

// ---------------------------------------------------------------------------------
// Options

interface Options {
  root: string;
  modules: string[];
  list: boolean;
  jobs: number;
  timeoutMs: number;
  perModule: number;
  json: string | undefined;
}

function parseOptions(args: string[]): Options {
  const argv = yargs(args)
    .scriptName("node-tests")
    .usage("npm run node-tests -- [options]")
    .option("root", {
      type: "string",
      default: process.env.NODE_TEST_DIR ?? "/work/node_test",
      describe: "denoland/node_test checkout at node v20.11.1 (or env NODE_TEST_DIR)",
    })
    .option("module", {
      type: "string",
      array: true,
      default: [],
      describe: "run only this module (repeatable)",
    })
    .option("list", {
      type: "boolean",
      default: false,
      describe: "list failures with their first error line",
    })
    .option("jobs", { type: "number", default: 2, describe: "tests run at once" })
    .option("timeout-ms", {
      type: "number",
      default: 20000,
      describe: "wall-clock limit per test and runtime",
    })
    .option("per-module", {
      type: "number",
      default: 30,
      describe: "at most this many tests per module",
    })
    .option("json", { type: "string", describe: "write every result to this file" })
    .strictOptions()
    .version(false)
    .help()
    .parseSync();
  const known = new Set(MODULES.map((m) => m.name));
  for (const m of argv.module)
    if (!known.has(m)) throw new Error(`unknown module ${m}; known: ${[...known].join(", ")}`);
  return {
    root: path.resolve(argv.root),
    modules: argv.module,
    list: argv.list,
    jobs: Math.max(1, argv.jobs),
    timeoutMs: argv["timeout-ms"],
    perModule: argv["per-module"],
    json: argv.json,
  };
}

// ---------------------------------------------------------------------------------
// Running one test: a copy of it in <work>/test/parallel next to the shim in
// <work>/test/common, so its relative requires resolve as in node's tree.

type Status = "pass" | "fail" | "timeout" | "skip";

interface RunResult {
  status: Status;
  error: string;
}

interface TestResult {
  module: string;
  file: string;
  node: RunResult;
  vmrun: RunResult;
}

export function prepareWorkDir(root: string, tests: string[]): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-node-tests-"));
  fs.mkdirSync(path.join(work, "test", "parallel"), { recursive: true });
  fs.cpSync(SHIM, path.join(work, "test", "common"), { recursive: true });
  for (const t of tests)
    fs.copyFileSync(path.join(root, "test", "parallel", t), path.join(work, "test", "parallel", t));
  return work;
}

/**
 * The line that names the error (an `…Error:` line, else the first non-empty one),
 * with the first place in the test file that stderr mentions (the stack's top, or the
 * failing line the runtime printed above the message).
 */
function firstErrorLine(stderr: string, stdout: string): string {
  const lines = stderr.split("\n").map((l) => l.trim());
  const named = lines.find((l) =>
    /^(\w+\.)?\w*(Error|Exception)\b|^Mismatched|^expected warnings|^common shim/.test(l),
  );
  const line = (named ?? lines.find((l) => l !== "") ?? stdout.split("\n")[0] ?? "").slice(0, 200);
  const where = /test\/parallel\/([^:\s)]+:\d+)/.exec(stderr);
  return where ? `${line} (${where[1]})` : line;
}

export function runOne(
  argv: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout
      .setEncoding("utf8")
      .on("data", (d: string) => (stdout = (stdout + d).slice(-20000)));
    child.stderr
      .setEncoding("utf8")
      .on("data", (d: string) => (stderr = (stderr + d).slice(-20000)));
    let timedOut = false;
    // The test's own children belong to its process group: a hang kills them all.
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // What the test left running in its group (a child it failed to kill) goes too.
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // The group is already empty.
      }
      if (timedOut) resolve({ status: "timeout", error: `no end within ${timeoutMs} ms` });
      else if (code === 0 && /^1\.\.0 # Skipped/m.test(stdout))
        resolve({ status: "skip", error: stdout.trim() });
      else if (code === 0) resolve({ status: "pass", error: "" });
      else
        resolve({
          status: "fail",
          error: `exit ${code ?? signal}: ${firstErrorLine(stderr, stdout)}`,
        });
    });
  });
}

async function runTest(
  opts: Options,
  work: string,
  module: string,
  file: string,
): Promise<TestResult> {
  const testFile = path.join(work, "test", "parallel", file);
  const envFor = (runtime: string): NodeJS.ProcessEnv => {
    const tmp = path.join(work, "tmp", `${file}.${runtime}`);
    fs.mkdirSync(tmp, { recursive: true });
    return {
      ...process.env,
      JAUNT_NODE_TMPDIR: tmp,
      JAUNT_NODE_FIXTURES: path.join(opts.root, "test", "fixtures"),
      NODE_OPTIONS: "",
    };
  };
  const node = await runOne([testFile], work, envFor("node"), opts.timeoutMs);
  const vmrun = await runOne([VMRUN, testFile], work, envFor("vmrun"), opts.timeoutMs);
  return { module, file, node, vmrun };
}

async function runPool<T, R>(items: T[], jobs: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------
// Report

function pct(n: number, d: number): string {
  return d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`;
}

function printTable(results: TestResult[], modules: string[]): void {
  const header = ["module", "tests", "node pass", "vmrun pass", "fail", "timeout", "pass rate"];
  const rows: string[][] = [];
  const totals = [0, 0, 0, 0, 0];
  for (const m of modules) {
    const mine = results.filter((r) => r.module === m);
    // Only the tests node passes with the shim count; node's skips and failures are noise.
    const counted = mine.filter((r) => r.node.status === "pass");
    const pass = counted.filter((r) => r.vmrun.status === "pass").length;
    const timeout = counted.filter((r) => r.vmrun.status === "timeout").length;
    const fail = counted.length - pass - timeout;
    const cells = [mine.length, counted.length, pass, fail, timeout];
    cells.forEach((c, i) => (totals[i] += c));
    rows.push([m, ...cells.map(String), pct(pass, counted.length)]);
  }
  rows.push(["total", ...totals.map(String), pct(totals[2], totals[1])]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

function printFailures(results: TestResult[]): void {
  const failed = results.filter((r) => r.node.status === "pass" && r.vmrun.status !== "pass");
  if (failed.length > 0) console.log("\nvmrun failures (tests node passes):");
  for (const r of failed)
    console.log(`  ${r.module}  ${r.file}  ${r.vmrun.status}: ${r.vmrun.error}`);
  const nodeFailed = results.filter((r) => r.node.status !== "pass");
  if (nodeFailed.length > 0) console.log("\nnot counted (node does not pass them with the shim):");
  for (const r of nodeFailed)
    console.log(`  ${r.module}  ${r.file}  ${r.node.status}: ${r.node.error.split("\n")[0]}`);
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (!fs.existsSync(path.join(opts.root, "test", "parallel"))) {
    console.error(
      `no node tests at ${opts.root}: clone denoland/node_test there (node v20.11.1's test/ folder)`,
    );
    process.exit(2);
  }
  const chosen = selectTests(opts.root, opts.perModule);
  const modules = opts.modules.length > 0 ? opts.modules : MODULES.map((m) => m.name);
  const tests = modules.flatMap((m) => chosen.get(m)!.map((file) => ({ module: m, file })));
  const work = prepareWorkDir(
    opts.root,
    tests.map((t) => t.file),
  );
  const started = Date.now();
  let done = 0;
  try {
    const results = await runPool(tests, opts.jobs, async (t) => {
      const r = await runTest(opts, work, t.module, t.file);
      if (++done % 25 === 0) process.stderr.write(`  ${done}/${tests.length} tests\n`);
      return r;
    });
    printTable(results, modules);
    console.log(`\n${tests.length} tests in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (opts.list) printFailures(results);
    if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(results, null, 2));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
