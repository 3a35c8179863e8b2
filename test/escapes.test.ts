// Sandbox escapes: every program in test/escapes/ tries one technique for reaching
// the host from guest code (the constructor chain, stack-trace call sites, callers,
// proxies met by natives, species, thenables, errors from natives, module loading,
// process internals, pollution, snapshots…). Each runs through the embedding API with
// its defaults (`env: {}`, no module files) and must not succeed, as judged from the
// host side:
// - the host canary global and the host environment are untouched, and no secret
//   (canary, host env var, temp file contents) appears in the guest's output;
// - the host's process.exit/abort/kill/chdir/dlopen/binding, child_process, the file
//   system and Node's module loader are never called while the guest runs;
// - host prototypes (Object.prototype and the other built-ins') keep their keys;
// - a walk of the guest heap finds no host value (a host function or object where a
//   guest value belongs);
// - the program ran to its end ("DONE") and reported no "ESCAPED" line (what the guest
//   can judge itself, e.g. a constructor chain ending at a foreign Function).
// Each program runs twice: plainly, and with the VM snapshotted, thrown away and
// resumed from the bytes several times, so what the guest stores goes through the
// snapshot codec too. Control tests at the end show each check does catch a leak.

import { acorn } from "../compiler/acorn";
import { cborX } from "../vm/cbor-write";
import { nodeCrypto } from "../compiler/digest";
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Module from "node:module";
// The modules themselves (not import-star copies), so spies replace what every user sees.
import childProcess = require("node:child_process");
import hostFs = require("node:fs");
import { encode as cborEncode, decode as cborDecode } from "cbor-x";
import { Jaunt, SnapshotError, type JauntOptions } from "../vm";
import {
  ArrayObject,
  BoundFunction,
  FunctionObject,
  GeneratorObject,
  JSObject,
  NativeFunction,
  PrimitiveObject,
  ProxyObject,
} from "../vm/model/object";
import { CollectionObject } from "../vm/builtins/collections";
import { EMPTY, JSSymbol, PrivateName } from "../vm/model/value";
import { Env } from "../vm/model/env";
import { ROOT } from "./harness";

const DIR = path.join(ROOT, "test", "escapes");
const LIB = fs.readFileSync(path.join(DIR, "_lib.js"), "utf8");
// JAUNT_ESCAPES='^proxy' runs the matching programs only (while working on one).
const ONLY = new RegExp(process.env.JAUNT_ESCAPES ?? "");
const PROGRAMS = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".js") && !f.startsWith("_") && ONLY.test(f))
  .sort();
const MAX_STEPS = 2e7;

// ---- the host's secrets and spies ------------------------------------------------------

const token = (label: string) => `${label}_${crypto.randomBytes(8).toString("hex")}`;
const SECRET = { canary: token("jauntCanary"), env: token("jauntEnv"), file: token("jauntFile") };
const ENV_KEY = "JAUNT_ESCAPE_SECRET";

/** A scratch directory with the guest's main file name and secret files beside it. */
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-escapes-"));
const MAIN = path.join(WORK, "main.js");
function writeSecrets(): void {
  const put = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(WORK, rel)), { recursive: true });
    fs.writeFileSync(path.join(WORK, rel), text);
  };
  // As a bare identifier, running the text as JavaScript would echo it in a ReferenceError.
  put("secret.txt", `${SECRET.file}\n`);
  put("secret.json", JSON.stringify({ secret: SECRET.file }));
  put("secret.js", `module.exports = ${JSON.stringify(SECRET.file)};\n`);
  put("secret.mjs", `export default ${JSON.stringify(SECRET.file)};\n`);
  put("secretdir/index.js", `module.exports = ${JSON.stringify(SECRET.file)};\n`);
  put("node_modules/secret-pkg/index.js", `module.exports = ${JSON.stringify(SECRET.file)};\n`);
  put("main.js", `// the guest's main file name; the runner passes the source\n`);
}
writeSecrets();
(globalThis as Record<string, unknown>).__JAUNT_CANARY__ = SECRET.canary;
process.env[ENV_KEY] = SECRET.env;
after(() => {
  fs.rmSync(WORK, { recursive: true, force: true });
  delete (globalThis as Record<string, unknown>).__JAUNT_CANARY__;
  delete process.env[ENV_KEY];
});

interface Spy {
  name: string;
  calls: number;
}
const spies: Spy[] = [];
let running = false;

/**
 * The runtime's own files — Node's built-in modules (vm/node/, Jaunt's npm
 * dependencies) and the compiled-program cache — which the runtime reads on a
 * guest's first require of a built-in, whatever the guest may read.
 */
const RUNTIME_DIRS = [
  path.join(__dirname, "..", "..", "vm", "node"),
  path.join(__dirname, "..", "..", "node_modules"),
  process.env.JAUNT_CACHE_DIR ?? path.join(os.tmpdir(), "jaunt-cache-"),
];
/** Descriptors the runtime opened on its own files (a cache entry written through its fd). */
const runtimeFds = new Set<number>();
const isRuntimeFile = (args: unknown[]) =>
  typeof args[0] === "number"
    ? runtimeFds.has(args[0])
    : typeof args[0] === "string" && RUNTIME_DIRS.some((d) => (args[0] as string).startsWith(d));

/** Counts calls made while a guest runs; `passThrough` false refuses them. */
function spyOn(target: object, key: string, label: string, passThrough: boolean): void {
  const t = target as Record<string, unknown>;
  const orig = t[key];
  if (typeof orig !== "function") return;
  const spy: Spy = { name: label, calls: 0 };
  spies.push(spy);
  t[key] = function (this: unknown, ...args: unknown[]) {
    const runtime = target === hostFs && isRuntimeFile(args);
    if (running && !runtime) {
      spy.calls++;
      if (!passThrough) throw new Error(`escape test: ${label} called by the guest`);
    }
    const result = (orig as (...a: unknown[]) => unknown).apply(this, args);
    if (runtime && key === "openSync" && typeof result === "number") runtimeFds.add(result);
    if (target === hostFs && key === "closeSync" && typeof args[0] === "number")
      runtimeFds.delete(args[0]);
    return result;
  };
}
for (const k of ["exit", "reallyExit", "abort", "kill", "chdir", "dlopen", "setuid", "setgid"])
  spyOn(process, k, `process.${k}`, false);
for (const k of ["binding", "_linkedBinding"]) spyOn(process, k, `process.${k}`, true);
for (const k of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"])
  spyOn(childProcess, k, `child_process.${k}`, false);
for (const k of [
  "readFileSync",
  "readFile",
  "openSync",
  "closeSync",
  "open",
  "statSync",
  "lstatSync",
  "existsSync",
  "readdirSync",
  "accessSync",
  "writeFileSync",
  "realpathSync",
])
  spyOn(hostFs, k, `fs.${k}`, true);
spyOn(Module.prototype, "require", "Module.prototype.require", true);
spyOn(Module as unknown as object, "_load", "Module._load", true);

const HOST_PROTOTYPES: [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Function.prototype", Function.prototype],
  ["Array.prototype", Array.prototype],
  ["String.prototype", String.prototype],
  ["Number.prototype", Number.prototype],
  ["Boolean.prototype", Boolean.prototype],
  ["Symbol.prototype", Symbol.prototype],
  ["Error.prototype", Error.prototype],
  ["TypeError.prototype", TypeError.prototype],
  ["RangeError.prototype", RangeError.prototype],
  ["Promise.prototype", Promise.prototype],
  ["RegExp.prototype", RegExp.prototype],
  ["Map.prototype", Map.prototype],
  ["Date.prototype", Date.prototype],
  ["Uint8Array.prototype", Uint8Array.prototype],
  ["Iterator.prototype", Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))],
  ["globalThis", globalThis],
];
const hostShape = () =>
  HOST_PROTOTYPES.map(([n, o]) => `${n}: ${Reflect.ownKeys(o).map(String).sort().join(",")}`);
const HOST_SHAPE = hostShape();
const HOST_ENV = JSON.stringify(process.env);

// ---- the guest heap walk ---------------------------------------------------------------

/** Where a host value sits in the guest heap reachable from the global object. */
export function hostValuesIn(j: Jaunt): string[] {
  const realm = j.vm.realm;
  const bad: string[] = [];
  const seen = new Set<JSObject>();
  const seenEnv = new Set<Env>();
  const queue: [JSObject, string][] = [];
  const value = (v: unknown, where: string): void => {
    if (v === null || v === undefined || v === EMPTY || v instanceof JSSymbol) return;
    // Environment slots also hold class private names and (modules) environments.
    if (v instanceof PrivateName) return;
    if (v instanceof Env) return env(v, where);
    if (typeof v === "function") bad.push(`${where}: a host function ${v.name}`);
    else if (typeof v === "object") {
      if (!(v instanceof JSObject)) bad.push(`${where}: a host ${v.constructor?.name ?? "object"}`);
      else if (!seen.has(v)) {
        seen.add(v);
        queue.push([v, where]);
      }
    }
  };
  const env = (e: Env | null, where: string): void => {
    for (; e && !seenEnv.has(e); e = e.parent) {
      seenEnv.add(e);
      e.slots.forEach((s, i) => value(s, `${where}<env ${i}>`));
      if (e.withObject) value(e.withObject, `${where}<with>`);
    }
  };
  value(realm.global, "global");
  for (const [name, b] of realm.globalLex) value(b.value, name);
  for (let qi = 0; qi < queue.length; qi++) {
    const [o, where] = queue[qi];
    value(o.proto, `${where}.[[Prototype]]`);
    for (const [k, p] of o.props) {
      const at = `${where}.${String(k)}`;
      value(p.value, at);
      value(p.getter, `${at}<get>`);
      value(p.setter, `${at}<set>`);
    }
    if (o.privates) for (const [k, p] of o.privates) value(p.value, `${where}.#${k.description}`);
    if (o instanceof ArrayObject && o.elems) o.elems.forEach((v, i) => value(v, `${where}[${i}]`));
    if (o instanceof FunctionObject) {
      value(o.homeObject, `${where}<home>`);
      env(o.env, where);
    }
    if (o instanceof NativeFunction) o.slots.forEach((v, i) => value(v, `${where}<slot ${i}>`));
    if (o instanceof BoundFunction) {
      value(o.target, `${where}<target>`);
      value(o.boundThis, `${where}<this>`);
      o.boundArgs.forEach((v, i) => value(v, `${where}<arg ${i}>`));
    }
    if (o instanceof ProxyObject) {
      value(o.target, `${where}<target>`);
      value(o.handler, `${where}<handler>`);
    }
    if (o instanceof PrimitiveObject) value(o.primitive, `${where}<primitive>`);
    if (o instanceof GeneratorObject) o.saved.forEach((v, i) => value(v, `${where}<saved ${i}>`));
    if (o instanceof CollectionObject) {
      o.liveKeys().forEach((v, i) => value(v, `${where}<key ${i}>`));
      if (o.table.vals) o.liveValues().forEach((v, i) => value(v, `${where}<value ${i}>`));
    }
  }
  return bad;
}

// ---- running a guest and judging the outcome -------------------------------------------

interface Outcome {
  out: string;
  crash: unknown;
  status: string;
  exitCode: number | null;
  uncaught: string | null;
  calls: string[];
  hostValues: string[];
  steps: number;
}

/** Runs guest source through the embedding API; every `cutEvery` steps, snapshot and resume. */
// The runtime reads and compiles its own built-in module files (vm/node/) on their first
// load in a process — not the guest's doing, and not through its capabilities: load
// them all once before any spied run. The parser and the snapshot codec's CBOR library
// load on first use too (a run whose programs come from the program cache parses nothing).
// node:crypto hashes cache entries (when one has no verified stamp yet) and long texts.
{
  acorn();
  cborX();
  nodeCrypto();
  const warm = Jaunt.create({ stdout: () => {}, stderr: () => {} });
  warm.load("for (const m of require('module').builtinModules) try { require(m); } catch {}", MAIN);
  warm.run();
}

function runGuest(source: string, cutEvery = 0, extra: JauntOptions = {}): Outcome {
  let out = "";
  const opts: JauntOptions = {
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    env: {},
    argv: [WORK],
    seed: 1,
    ...extra,
  };
  for (const s of spies) s.calls = 0;
  let crash: unknown = null;
  let status = "not run";
  let j = Jaunt.create(opts);
  running = true;
  try {
    j.load(source, MAIN);
    for (;;) {
      const r = j.run(cutEvery > 0 ? cutEvery : MAX_STEPS);
      status = r.status;
      if (r.status !== "paused" || j.steps >= MAX_STEPS) break;
      if (cutEvery > 0) j = Jaunt.resume(j.snapshot(), opts);
    }
  } catch (e) {
    crash = e;
  } finally {
    running = false;
  }
  return {
    out,
    crash,
    status,
    exitCode: status === "paused" ? null : j.exitCode,
    uncaught: j.uncaughtReport(),
    calls: spies.filter((s) => s.calls > 0).map((s) => `${s.name} ×${s.calls}`),
    hostValues: hostValuesIn(j),
    steps: j.steps,
  };
}

/** Every sign that the guest reached the host, as a list of findings. */
function violations(o: Outcome): string[] {
  const v: string[] = [];
  const text = o.out + (o.uncaught ?? "");
  if (o.crash) v.push(`the VM threw a host exception: ${(o.crash as Error)?.stack ?? o.crash}`);
  for (const line of text.split("\n")) if (line.startsWith("ESCAPED")) v.push(line);
  for (const [what, s] of Object.entries(SECRET))
    if (text.includes(s)) v.push(`the guest's output holds the ${what} secret`);
  if ((globalThis as Record<string, unknown>).__JAUNT_CANARY__ !== SECRET.canary)
    v.push("the host canary global changed");
  if (JSON.stringify(process.env) !== HOST_ENV) v.push("the host's process.env changed");
  for (const c of o.calls) v.push(`host function called while the guest ran: ${c}`);
  const shape = hostShape();
  shape.forEach((s, i) => {
    if (s !== HOST_SHAPE[i]) v.push(`host ${HOST_PROTOTYPES[i][0]} changed: ${s}`);
  });
  for (const h of o.hostValues) v.push(`host value in the guest heap at ${h}`);
  return v;
}

function completion(o: Outcome): string[] {
  const v: string[] = [];
  if (o.status !== "done") v.push(`the program ended ${o.status}`);
  if (o.uncaught) v.push(`uncaught: ${o.uncaught}`);
  const m = /^DONE attempts=(\d+) escapes=0$/m.exec(o.out);
  if (!m) v.push("the program did not reach done()");
  else if (Number(m[1]) === 0) v.push("the program made no attempt");
  return v;
}

/** Lines some programs must print: the technique was tried and refused as expected. */
const EXPECT: Record<string, RegExp[]> = {
  "host-files.js": [
    /^attempt require absolute secret\.txt: threw Error: Cannot find module/m,
    /^attempt require absolute secret\.json: threw Error: Cannot find module/m,
    /^attempt require relative \.\/secret\.js: threw Error: Cannot find module/m,
    /^attempt import\(\) absolute secret\.mjs: Error: Cannot find module/m,
    /^attempt require bare secret-pkg: threw Error: Cannot find module/m,
  ],
  "process-surface.js": [/^attempt process\.env keys: number 0$/m],
  "global-require.js": [/^attempt typeof globalThis\.require: string undefined$/m],
  "eval-with.js": [/^attempt names the with-proxy was asked: string .*process.*require/m],
  "snapshot-keys.js": [/^attempt data intact after the cuts: boolean true$/m],
};

/** Options beyond the embedding defaults: a lower depth limit keeps overflow tests quick. */
const OPTIONS: Record<string, JauntOptions> = {
  "stack-overflow.js": { maxCallDepth: 2000 },
};

for (const file of PROGRAMS) {
  const source = LIB + "\n" + fs.readFileSync(path.join(DIR, file), "utf8");
  test(`escape: ${file}`, () => {
    const plain = runGuest(source, 0, OPTIONS[file]);
    assert.deepEqual(violations(plain), [], plain.out);
    assert.deepEqual(completion(plain), [], plain.out);
    for (const re of EXPECT[file] ?? []) assert.match(plain.out, re);
    // Again with snapshots between: the guest's data goes through the codec.
    const cut = runGuest(source, Math.max(500, Math.ceil(plain.steps / 3)), OPTIONS[file]);
    assert.deepEqual(violations(cut), [], cut.out);
    assert.deepEqual(completion(cut), [], cut.out);
  });
}

// ---- host facts: neutral under the embedding defaults (the host's only with `fs`) --------

test("escape: process and os reveal no host facts (pid, cwd, execPath, memory, host)", () => {
  const o = runGuest(
    "const os = require('os'); console.log([process.pid, process.cwd(), process.argv[0], process.memoryUsage().rss, os.hostname(), os.homedir(), os.userInfo().username, os.totalmem()].join('\\n'));",
  );
  const lines = o.out.trim().split("\n");
  assert.deepEqual(lines, ["1", "/", "node", "0", "localhost", "/", "", "0"]);
  assert.deepEqual(violations(o), [], o.out);
});

// ---- controls: each check catches what it is meant to catch -------------------------------

test("escape checks: a secret in the output is caught", () => {
  const o = runGuest("console.log(process.env.S)", 0, { env: { S: SECRET.env } });
  assert.ok(violations(o).some((v) => v.includes("env secret")));
});

test("escape checks: a host function planted in the guest heap is caught", () => {
  const j = Jaunt.create({ stdout: () => {}, env: {} });
  const planted = j.vm.realm.newObject();
  planted.setOwn("f", Function as unknown as JSObject);
  j.vm.realm.global.setOwn("planted", planted);
  assert.deepEqual(hostValuesIn(j), ["global.planted.f: a host function Function"]);
});

test("escape checks: reading a file through module loading is caught", () => {
  const o = runGuest(
    `console.log(require(${JSON.stringify(path.join(WORK, "secret.json"))}).secret)`,
    0,
    {
      capabilities: { fs: true },
    },
  );
  const v = violations(o);
  assert.ok(v.some((x) => x.includes("file secret")));
  assert.ok(v.some((x) => x.startsWith("host function called") && x.includes("fs.")));
});

test("escape checks: a guest ESCAPED line, a missing DONE and host pollution are caught", () => {
  const o = runGuest(LIB + "\nescaped('control', 'reported by the guest');");
  assert.ok(violations(o).some((v) => v.startsWith("ESCAPED control")));
  assert.ok(completion(o).includes("the program did not reach done()"));
  (Object.prototype as Record<string, unknown>).polluted = 1;
  try {
    assert.ok(violations(o).some((v) => v.startsWith("host Object.prototype changed")));
  } finally {
    delete (Object.prototype as Record<string, unknown>).polluted;
  }
});

// ---- snapshot bytes with __proto__ keys ---------------------------------------------------

test("escape: snapshot bytes whose maps carry __proto__ keys pollute nothing", () => {
  const source = LIB + "\n" + fs.readFileSync(path.join(DIR, "snapshot-keys.js"), "utf8");
  const j = Jaunt.create({ stdout: () => {}, env: {}, argv: [WORK] });
  j.load(source, MAIN);
  assert.equal(j.run(20_000).status, "paused");
  const [header, heap, roots] = cborDecode(j.snapshot()) as [object, unknown[], object];
  const poison = JSON.parse('{"__proto__": {"polluted": "snapshot", "stack": [], "magic": "x"}}');
  const variants: unknown[] = [
    [{ ...header, ...poison }, heap, roots],
    [header, heap, { ...roots, ...poison }],
    [header, heap.concat([poison]), roots],
    [poison, heap, roots],
  ];
  for (const v of variants) {
    let resumed: Jaunt | null = null;
    try {
      resumed = Jaunt.resume(cborEncode(v), { stdout: () => {}, env: {} });
    } catch (e) {
      assert.ok(e instanceof SnapshotError, `not a SnapshotError: ${(e as Error)?.stack}`);
    }
    if (resumed) resumed.run(200_000);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(hostShape(), HOST_SHAPE);
  }
});
