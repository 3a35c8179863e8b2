// Node's built-in modules (vm/runtime/node-modules.ts, vm/prelude/62-node-modules.js): the
// registry, lazy loading from the runtime's own files whatever the guest's
// capabilities, `node:` names, named ESM exports, and snapshots that name the
// runtime's files instead of carrying their source. Each module's behaviour is
// compared with node by the differential programs test/programs-node/*.js.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as querystring from "node:querystring";
import { decode, encode } from "cbor-x";
import { Jaunt, SnapshotError, type JauntOptions } from "../vm";

/** Runs a program in a VM with no capabilities (the embedding default); its output. */
function run(
  source: string,
  kind: "commonjs" | "module" = "commonjs",
  capabilities?: JauntOptions["capabilities"],
) {
  const out = { text: "" };
  const sink = (s: string) => void (out.text += s);
  const j = Jaunt.create({ stdout: sink, stderr: sink, seed: 1, capabilities });
  j.load(source, kind === "module" ? "/app/main.mjs" : "/app/main.js", kind);
  return { j, out };
}

test("built-ins load without the fs capability, by bare and node: names", () => {
  const { j, out } = run(`
    const a = require("string_decoder"), b = require("node:string_decoder");
    console.log(a === b, typeof a.StringDecoder);
    console.log(new a.StringDecoder("utf8").write(Buffer.from([0xe2, 0x82, 0xac])));
    console.log(require("module").builtinModules.includes("string_decoder"));
  `);
  j.run();
  assert.equal(out.text, "true function\n€\ntrue\n");
});

test("an unknown node: name is Node's ERR_UNKNOWN_BUILTIN_MODULE; a bare one is not a built-in", () => {
  const { j, out } = run(`
    try { require("node:nope"); } catch (e) { console.log(e.code, e.message); }
    try { require("nope"); } catch (e) { console.log(e.code === "ERR_UNKNOWN_BUILTIN_MODULE", e.message.split("\\n")[0]); }
    const m = require("node:module");
    console.log(m === require("module"), m.isBuiltin("node:string_decoder"), m.isBuiltin("nope"));
  `);
  j.run();
  assert.equal(
    out.text,
    "ERR_UNKNOWN_BUILTIN_MODULE No such built-in module: node:nope\n" +
      "false Cannot find module 'nope'\n" +
      "true true false\n",
  );
});

test("import gives a built-in's own keys as named exports and module.exports as default", () => {
  const { j, out } = run(
    `import sd, { StringDecoder } from "node:string_decoder";
     import * as ns from "string_decoder";
     console.log(sd.StringDecoder === StringDecoder, Object.keys(ns).join());
     try { await import("node:nope"); } catch (e) { console.log(e.code); }`,
    "module",
  );
  j.run();
  assert.equal(out.text, "true StringDecoder,default\nERR_UNKNOWN_BUILTIN_MODULE\n");
});

/** The program list of a snapshot's header. */
function programsOf(bytes: Uint8Array): unknown[][] {
  return (decode(bytes) as [{ programs: unknown[][] }])[0].programs;
}

test("a snapshot names the runtime's files without their source, and resumes", () => {
  const source = `
    const { StringDecoder } = require("string_decoder");
    const d = new StringDecoder("utf8");
    let s = "";
    for (const b of [0xe2, 0x82, 0xac]) s += d.write(Buffer.from([b]));
    console.log(s);
  `;
  const { j } = run(source);
  let bytes: Uint8Array | null = null;
  for (let i = 0; i < 10000 && !bytes; i++) {
    const r = j.run(50);
    assert.equal(r.status, "paused");
    const snap = j.snapshot();
    if (programsOf(snap).some((p) => String(p[2]).startsWith("node:internal/deps/"))) bytes = snap;
  }
  assert.ok(bytes, "the string_decoder file is loaded at some step");
  const runtime = programsOf(bytes).filter((p) => String(p[2]).startsWith("node:"));
  assert.ok(
    runtime.every((p) => p[3] === null),
    "no runtime file's source is carried",
  );
  const out = { text: "" };
  const again = Jaunt.resume(bytes, { stdout: (s) => (out.text += s) });
  again.run();
  assert.equal(out.text, "€\n");

  // A snapshot naming a runtime file this runtime does not have, or with another
  // hash, is refused with an error naming the program.
  const [header, ...rest] = decode(bytes) as [{ programs: unknown[][] }, ...unknown[]];
  const at = header.programs.findIndex((p) => p[3] === null);
  const bad = (change: (p: unknown[]) => void) => {
    const programs = header.programs.map((p) => p.slice());
    change(programs[at]);
    return encode([{ ...header, programs }, ...rest]);
  };
  assert.throws(
    () => Jaunt.resume(bad((p) => (p[2] = "node:internal/deps/nope/x.js"))),
    (e: unknown) => e instanceof SnapshotError && /not a built-in module file/.test(e.message),
  );
  assert.throws(
    () => Jaunt.resume(bad((p) => (p[0] = "0".repeat(64)))),
    (e: unknown) => e instanceof SnapshotError && /differs from the snapshot's/.test(e.message),
  );
  assert.throws(
    () => Jaunt.resume(bad((p) => (p[2] = "node:../../package"))),
    (e: unknown) => e instanceof SnapshotError && /not a built-in module file/.test(e.message),
  );
});

test("events: named imports, and the max-listeners warning on stderr after the tick", () => {
  const { j, out } = run(
    `import EventEmitter, { once, errorMonitor, getEventListeners } from "node:events";
     import * as ns from "events";
     console.log(typeof once, typeof errorMonitor, ns.default === EventEmitter, ns.EventEmitter === EventEmitter);
     const e = new EventEmitter();
     e.setMaxListeners(1);
     e.on("z", () => {}).on("z", () => {}).on("z", () => {});
     console.log(getEventListeners(e, "z").length);`,
    "module",
  );
  j.run();
  assert.match(
    out.text,
    /^function symbol true true\n3\n\(node:\d+\) MaxListenersExceededWarning: Possible EventEmitter memory leak detected\. 2 z listeners added to \[EventEmitter\]\. MaxListeners is 1\. Use emitter\.setMaxListeners\(\) to increase limit\n\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)\n$/,
  );
});

test("path: posix and win32 agree with the host's node on random paths", () => {
  let seed = 7;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const alphabet = ["a", ".", "..", "/", "\\", ":", "C:", "?", "con", "x.y", "//", "nul:"];
  const gen = () => Array.from({ length: rnd(8) }, () => alphabet[rnd(alphabet.length)]).join("");
  const pairs = Array.from({ length: 300 }, () => [gen(), gen()]);
  const compute = (p: typeof path.posix, [a, b]: string[]) => [
    p.normalize(a),
    p.dirname(a),
    p.basename(a),
    p.basename(a, b),
    p.extname(a),
    p.parse(a),
    p.join(a, b),
    p.resolve(a, b),
    p.relative(a, b),
    p.isAbsolute(a),
    p.toNamespacedPath(a),
  ];
  const expected = pairs.map((pair) => [path.posix, path.win32].map((p) => compute(p, pair)));
  const { j, out } = run(
    `
    const path = require("path");
    const compute = ${compute.toString()};
    const pairs = ${JSON.stringify(pairs)};
    console.log(JSON.stringify(pairs.map((pair) => [path.posix, path.win32].map((p) => compute(p, pair)))));
  `,
    "commonjs",
    // path.resolve reads process.cwd(), a host fact only with `fs` (neutral "/" without).
    { fs: true },
  );
  j.run();
  assert.deepEqual(JSON.parse(out.text), expected);
});

test("util: deprecate warns once per code, as Node prints it; named imports", () => {
  const { j, out } = run(
    `import { deprecate, format, types } from "node:util";
     const old = deprecate(() => 1, "old() is gone", "DEP0999");
     const again = deprecate(() => 2, "same code", "DEP0999");
     console.log(old() + old() + again(), format("%s=%d", "n", 3), types.isDate(new Date()));`,
    "module",
  );
  j.run();
  assert.match(
    out.text,
    /^4 n=3 true\n\(node:\d+\) \[DEP0999\] DeprecationWarning: old\(\) is gone\n\(Use `node --trace-deprecation \.\.\.` to show where the warning was created\)\n$/,
  );
});

test("querystring: parse and escapes agree with the host's node on random strings", () => {
  let seed = 42;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const alphabet = ["a", "=", "&", "+", "%", "%2", "%41", "%zz", "é", "%E9", ";", "==", "&&", " "];
  const gen = () => Array.from({ length: rnd(10) }, () => alphabet[rnd(alphabet.length)]).join("");
  const inputs = Array.from({ length: 200 }, gen);
  type QS = typeof querystring & { unescapeBuffer(s: string, spaces: boolean): Buffer };
  const compute = (q: QS, s: string) => [
    q.parse(s),
    q.parse(s, ";", "=="),
    q.parse(s, "&&", "=", { maxKeys: 2 }),
    q.unescape(s),
    q.unescapeBuffer(s, true).toString("hex"),
    q.escape(s),
  ];
  const expected = JSON.stringify(inputs.map((s) => compute(querystring as QS, s)));
  const { j, out } = run(`
    const compute = ${compute.toString()};
    console.log(JSON.stringify(${JSON.stringify(inputs)}.map((s) => compute(require("querystring"), s))));
  `);
  j.run();
  assert.equal(out.text.trim(), expected);
});

test("what Jaunt cannot do of http2, worker_threads, vm and v8 throws ERR_JAUNT_UNSUPPORTED", () => {
  const { j, out } = run(`
    const tries = [
      () => require("http2").connect("http://127.0.0.1:1"),
      () => require("http2").createServer(),
      () => require("http2").createSecureServer({}),
      () => new (require("worker_threads").Worker)("x.js"),
      () => require("vm").createContext({}),
      () => require("vm").runInNewContext("1"),
      () => require("v8").deserialize(Buffer.from([0xff, 0x0f, 0x49, 0x02])),
      () => require("v8").setFlagsFromString("--x"),
    ];
    for (const t of tries)
      try { t(); console.log("no error"); } catch (e) { console.log(e.code, e instanceof Error); }
  `);
  j.run();
  assert.equal(out.text, "ERR_JAUNT_UNSUPPORTED true\n".repeat(8));
});

test("v8.getHeapStatistics reports the VM's heap account and its heapBytes limit", () => {
  const out = { text: "" };
  const sink = (s: string) => void (out.text += s);
  const j = Jaunt.create({ stdout: sink, stderr: sink, limits: { heapBytes: 64 << 20 } });
  j.load(
    `const v8 = require("v8");
     const a = v8.getHeapStatistics().used_heap_size;
     const keep = Array.from({ length: 20000 }, (_, i) => ({ i }));
     const h = v8.getHeapStatistics();
     console.log(h.heap_size_limit, h.used_heap_size > a + 20000 * 100, keep.length);`,
    "/app/main.js",
    "commonjs",
  );
  j.run();
  assert.equal(out.text, `${64 << 20} true 20000\n`);
});

test("an AsyncLocalStorage store set when the VM is snapshotted is there after resume", () => {
  const { j, out } = run(`
    const { AsyncLocalStorage } = require("async_hooks");
    const als = new AsyncLocalStorage();
    als.run({ user: "ada" }, () => {
      Promise.resolve().then(() => console.log("then", als.getStore().user));
      setTimeout(() => console.log("timer", als.getStore().user), 1);
      console.log("sync", als.getStore().user);
    });
  `);
  // Cut the run every 100 instructions: each cut is a snapshot resumed in a fresh VM.
  const sink = (s: string) => void (out.text += s);
  let vm = j;
  let cuts = 0;
  while (vm.run(100).status === "paused") {
    vm = Jaunt.resume(vm.snapshot(), { stdout: sink, stderr: sink });
    cuts++;
  }
  assert.ok(cuts > 3, `cut ${cuts} times`);
  vm.run(); // the timer, if it was not due yet
  assert.equal(out.text, "sync ada\nthen ada\ntimer ada\n");
});
