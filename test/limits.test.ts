// The heapBytes limit: a runaway guest gets a catchable RangeError and the host (this
// test process: the runaways run in it) stays alive; a guest that catches it and keeps
// allocating is stopped; garbage does not count; a single huge allocation is refused
// before the host makes it; the limit is part of the snapshot and only tightens on
// resume.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { decode, encode } from "cbor-x";
import { Jaunt, DEFAULT_HEAP_BYTES, SnapshotError, type JauntOptions } from "../vm";
import { vmWith } from "./harness";

const MB = 1_000_000;

/** A VM with `source` loaded as /guest/main.js, its output collected in `out.text`. */
function loaded(source: string, opts: JauntOptions = {}): { j: Jaunt; out: { text: string } } {
  const vm = vmWith(opts);
  vm.j.load(source, "/guest/main.js");
  return vm;
}

const limitError = (n: number) => `RangeError Jaunt heap limit of ${n} bytes exceeded`;

test("a runaway guest gets a catchable RangeError naming the limit; the host lives on", () => {
  const { j, out } = loaded(
    `const a = [];
     try { for (;;) a.push(new Array(1e5)); }
     catch (e) { console.log(e.name, e.message, e instanceof RangeError, a.length > 10); }
     a.length = 0;
     console.log("after", [1, 2, 3].map((x) => x * 2).join());`,
    { limits: { heapBytes: 16 * MB } },
  );
  const r = j.run();
  assert.equal(r.status, "done", out.text);
  assert.equal(out.text, `${limitError(16 * MB)} true true\nafter 2,4,6\n`);
});

test("uncaught, the heap limit's RangeError ends the program like any uncaught error", () => {
  const { j } = loaded(`const a = []; for (;;) a.push({ x: a.length, y: [a.length] });`, {
    limits: { heapBytes: 4 * MB },
  });
  const r = j.run();
  assert.equal(r.status, "exited");
  assert.equal(r.exitCode, 1);
  assert.equal(r.stopped, undefined);
  assert.match(j.uncaughtReport()!, /RangeError: Jaunt heap limit of 4000000 bytes exceeded/);
});

test("every kind of growth is stopped: strings, maps, closures, environments, buffers, JSON", () => {
  const runaways = [
    `let s = ""; for (;;) s += "abcdefgh" + s.length;`,
    `let s = "x"; for (;;) s += s;`,
    `let s = ""; for (let i = 0; ; i++) s += i;`,
    `const a = []; for (let x = 3n; ; x *= 3n) a.push(x);`,
    `const a = []; for (;;) a.push(Symbol("s"));`,
    `const m = new Map(); for (let i = 0; ; i++) m.set(i, i);`,
    `const s = new Set(); for (let i = 0; ; i++) s.add("k" + i);`,
    `const a = []; for (let i = 0; ; i++) a.push(() => i);`,
    `const o = {}; for (let i = 0; ; i++) o["p" + i] = i;`,
    `for (let i = 0; ; i++) globalThis["g" + i] = i;`,
    `const a = []; for (;;) a.push(new ArrayBuffer(65536));`,
    `const a = []; for (;;) a.push(new Float64Array(10000));`,
    `const a = []; for (;;) a.push("y".repeat(10000) + a.length);`,
    `const t = JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ i }))); const a = []; for (;;) a.push(JSON.parse(t));`,
    `const a = []; for (;;) a.push([1, 2, 3].concat([4, 5, 6]));`,
    `function f(n) { const big = new Array(1000).fill(n); return f(n + 1) + big.length; } f(0);`,
    `const a = []; for (let i = 0; ; i++) a.push(eval("(function f" + i + "() { return " + i + "; })"));`,
  ];
  // 1 MB, not more: what is checked is that each kind of growth meets the limit, at any
  // size. The string runaways cost most (a measurement of the heap each time their new
  // string's bytes pass the limit, so more and more often as it grows): 20 s of CPU at 4 MB.
  for (const source of runaways) {
    const { j, out } = loaded(`try { ${source} } catch (e) { console.log(e.name, e.message); }`, {
      limits: { heapBytes: 1 * MB },
    });
    const r = j.run(50_000_000);
    assert.equal(r.status, "done", `${source}: ${out.text}`);
    assert.equal(out.text, `${limitError(1 * MB)}\n`, source);
  }
});

test("what is reachable only through a closure, timer, job, generator, collection or field counts", () => {
  // HOLD keeps each chunk alive only through one kind of holder: if the measurement
  // missed that holder, it would find one chunk live and the loop would finish.
  const holders = [
    `const fs = []; const HOLD = (c) => fs.push(() => c);`,
    `const ids = []; const HOLD = (c) => ids.push(setTimeout(() => {}, 1e9, c));`,
    `const HOLD = (c) => Promise.resolve().then(() => c.length);`,
    `function* g(c) { yield 1; return c; } const gs = []; const HOLD = (c) => { const it = g(c); it.next(); gs.push(it); };`,
    `const m = new Map(); const HOLD = (c) => m.set(m.size, c);`,
    `const ks = [], wm = new WeakMap(); const HOLD = (c) => { const k = {}; ks.push(k); wm.set(k, c); };`,
    `class H { #c; constructor(c) { this.#c = c; } } const hs = []; const HOLD = (c) => hs.push(new H(c));`,
    `const fs = []; const HOLD = (c) => fs.push(function () {}.bind(null, c));`,
    `const ps = []; const HOLD = (c) => ps.push(new Proxy(c, {}));`,
    `const es = []; const HOLD = (c) => es.push(new Error("e", { cause: c }));`,
    `const HOLD = (c) => { globalThis["held" + c[0]] = c; };`,
  ];
  for (const holder of holders) {
    const { j, out } = loaded(
      `${holder}
       try {
         for (let i = 0; i < 1000; i++) {
           const chunk = [i];
           for (let k = 1; k < 1000; k++) chunk.push(k);
           HOLD(chunk);
         }
         console.log("all held");
       } catch (e) { console.log(e.message); }
       if (typeof ids !== "undefined") ids.forEach(clearTimeout);`,
      // 1 MB: ~120 chunks held meet it, one chunk (~8 KB) never does (4 MB: 4x the steps).
      { limits: { heapBytes: 1 * MB } },
    );
    const r = j.run(50_000_000);
    assert.notEqual(r.status, "paused", holder);
    assert.equal(out.text, `Jaunt heap limit of ${1 * MB} bytes exceeded\n`, holder);
  }
});

test("a guest that catches the RangeError and keeps allocating is stopped", () => {
  const { j, out } = loaded(
    `const a = []; let caught = 0;
     for (;;) { try { a.push(new Array(1e5)); } catch (e) { caught++; console.log("caught", caught); } }`,
    { limits: { heapBytes: 16 * MB } },
  );
  const r = j.run();
  assert.equal(r.status, "exited");
  assert.equal(r.exitCode, 134);
  assert.deepEqual(r.stopped, {
    limit: "heapBytes",
    message:
      "Jaunt heap limit of 16000000 bytes exceeded: the guest kept allocating after its RangeError",
  });
  assert.equal(out.text, "caught 1\n");
  assert.match(j.uncaughtReport()!, /^FATAL ERROR: Jaunt heap limit of 16000000 bytes exceeded/);
  // A stopped VM stays stopped.
  assert.equal(j.run().status, "exited");
});

test("a guest that catches the RangeError and lets its data go may go on", () => {
  const { j, out } = loaded(
    `let a = [];
     for (let round = 0; round < 3; round++) {
       try { for (;;) a.push(new Array(1e5)); }
       catch (e) { console.log(round, e.message); a = []; }
     }`,
    { limits: { heapBytes: 16 * MB } },
  );
  const r = j.run();
  assert.equal(r.status, "done", out.text);
  assert.equal(out.text, [0, 1, 2].map((i) => `${i} ${limitError(16 * MB).slice(11)}\n`).join(""));
});

test("garbage does not count: allocating many times the limit in all is fine", () => {
  const { j, out } = loaded(
    `let total = 0;
     for (let i = 0; i < 200; i++) {
       const a = new Array(1e5);            // 800 KB of slots
       const s = "z".repeat(5e5) + i;       // 1 MB of characters
       const b = new ArrayBuffer(1e6);
       const o = []; for (let k = 0; k < 1000; k++) o.push({ k });
       total += a.length + s.length + b.byteLength + o.length;
     }
     console.log(total);`,
    { limits: { heapBytes: 8 * MB } },
  );
  const r = j.run();
  assert.equal(r.status, "done", out.text);
  // The lengths, plus the digits of i appended to each string.
  assert.equal(out.text, `${200 * (1e5 + 5e5 + 1e6 + 1000) + 10 + 90 * 2 + 100 * 3}\n`);
});

test("a single huge allocation is refused before the host makes it", () => {
  const { j, out } = loaded(
    `for (const make of [
       () => new ArrayBuffer(2 ** 31),
       () => new ArrayBuffer(64e6),
       () => new Uint8Array(2 ** 30),
       () => "x".repeat(2 ** 28),
       () => "x".repeat(2 ** 29),
       () => "ab".padStart(2 ** 27),
       () => { const s = "x".repeat(2 ** 28); return { [s]: 1 }; },
       () => new Array(2 ** 31 - 1).fill(0),
       () => Array(1e9).fill(0),
       () => Array.from({ length: 1e8 }),
       () => { const b = new ArrayBuffer(8, { maxByteLength: 2 ** 31 }); b.resize(2 ** 31); },
     ]) {
       try { make(); console.log("made"); } catch (e) { console.log(e.name, e.message); }
     }`,
    { limits: { heapBytes: 4 * MB } },
  );
  const before = process.memoryUsage().arrayBuffers;
  const r = j.run();
  assert.equal(r.status, "done", out.text);
  const limit = limitError(4 * MB);
  assert.equal(
    out.text,
    [
      limit,
      limit,
      limit,
      // A long string of one short unit repeated is chunks sharing one chunk of about
      // 2 MB (model/long-string.ts): made; flattening it would be refused.
      "made",
      "RangeError Invalid string length", // longer than V8 allows: V8's own refusal
      "made",
      limit,
      limit,
      limit,
      limit,
      limit,
    ].join("\n") + "\n",
  );
  assert.ok(process.memoryUsage().arrayBuffers - before < 64 * MB);
});

test("the heap limit is in the snapshot and only tightens on resume", () => {
  const program = `
    let a = [];
    let i = 0;
    for (; i < 200; i++) a.push(i);
    try { for (;;) a.push(new Array(1e5)); } catch (e) { console.log(e.message); }`;
  const { j } = loaded(program, { limits: { heapBytes: 16 * MB } });
  assert.equal(j.run(500).status, "paused");
  const bytes = j.snapshot();
  const resumed = (heapBytes?: number) => {
    const out = { text: "" };
    const r = Jaunt.resume(bytes, {
      stdout: (s) => (out.text += s),
      limits: heapBytes === undefined ? undefined : { heapBytes },
    });
    return { r, out };
  };
  for (const [asked, inForce] of [
    [undefined, 16 * MB],
    [Infinity, 16 * MB],
    [64 * MB, 16 * MB],
    [8 * MB, 8 * MB],
  ] as const) {
    const { r, out } = resumed(asked);
    assert.equal(r.limits.heapBytes, inForce);
    assert.equal(r.run().status, "done");
    assert.equal(out.text, `Jaunt heap limit of ${inForce} bytes exceeded\n`);
  }
  // Without a limit at all, the snapshot carries none.
  const free = loaded(program, { limits: { heapBytes: Infinity } }).j;
  free.run(500);
  assert.equal(Jaunt.resume(free.snapshot()).limits.heapBytes, Infinity);
});

/** Fills the heap three times, catching the limit's RangeError each time. */
const RUNAWAYS = `
    const a = [];
    try { for (;;) a.push({ i: a.length, s: "v" + a.length }); }
    catch (e) { console.log(e.message, a.length); }
    a.length = 0;
    let b = [];
    for (let r = 0; r < 3; r++) {
      try { for (;;) b.push(new Array(100 + r)); } catch (e) { console.log(r, b.length); b = []; }
    }`;

test("the heap account does not depend on how run() is sliced", () => {
  // The measurement once read the top frame's operand stack up to frame.sp, which
  // the interpreter writes back when run() pauses: a sliced run measured differently.
  const opts = { limits: { heapBytes: 2 * MB } };
  const plain = loaded(RUNAWAYS, opts);
  assert.equal(plain.j.run().status, "done");
  for (const every of [1, 7, 997, 4099, 10007]) {
    const sliced = loaded(RUNAWAYS, opts);
    while (sliced.j.run(every).status === "paused");
    assert.equal(sliced.out.text, plain.out.text, `every ${every}`);
    assert.equal(sliced.j.vm.heap.used, plain.j.vm.heap.used, `heap account, every ${every}`);
  }
});

test("transparency: snapshotted every N instructions, a guest meets its limit at the same point", () => {
  const program = RUNAWAYS;
  const opts = { limits: { heapBytes: 2 * MB } };
  const plain = loaded(program, opts);
  assert.equal(plain.j.run().status, "done");
  assert.match(
    plain.out.text,
    /^Jaunt heap limit of 2000000 bytes exceeded \d+\n0 \d+\n1 \d+\n2 \d+\n$/,
  );
  for (const every of [997, 10007]) {
    const first = loaded(program, opts);
    const out = first.out;
    let j = first.j;
    while (j.run(every).status === "paused")
      j = Jaunt.resume(j.snapshot(), { stdout: (s) => (out.text += s) });
    assert.equal(out.text, plain.out.text, `every ${every}`);
  }
});

test("a guest stopped after a resume: the RangeError it had is in the snapshot", () => {
  const { j, out } = loaded(
    `const a = [];
     try { for (;;) a.push(new Array(1e5)); } catch (e) { console.log("caught"); }
     for (let i = 0; i < 1000; i++);
     for (;;) a.push(new Array(1e5));`,
    { limits: { heapBytes: 16 * MB } },
  );
  // Run until the catch has printed, then snapshot in the idle loop.
  while (!out.text) assert.equal(j.run(1000).status, "paused");
  const again = Jaunt.resume(j.snapshot(), { stdout: () => {} });
  const r = again.run();
  assert.equal(r.status, "exited");
  assert.equal(r.exitCode, 134);
  assert.equal(r.stopped?.limit, "heapBytes");
});

test("a snapshot with a bad heap limit is refused", () => {
  const { j } = loaded(`for (let i = 0; i < 100; i++);`, { limits: { heapBytes: 16 * MB } });
  j.run(10);
  const [header, heap, roots] = decode(j.snapshot()) as [unknown, unknown, Record<string, unknown>];
  const host = roots.host as unknown[];
  for (const [bad, msg] of [
    [-1, /bad heapBytes -1/],
    ["big", /bad heapBytes big/],
    [0, /bad heapBytes 0/],
  ] as const) {
    const h = structuredClone(host);
    (h[4] as unknown[])[4] = bad;
    assert.throws(
      () => Jaunt.resume(encode([header, heap, { ...roots, host: h }])),
      (e: Error) => e instanceof SnapshotError && msg.test(e.message),
    );
  }
  for (const [at, bad] of [
    [5, "yes"],
    [6, [-1, null, false, 0]],
    [6, [0, "soon", false, 0]],
    [6, [0, null, 1, 0]],
    [6, [0, null, false, Infinity]],
  ] as const) {
    const h = structuredClone(host);
    (h[4] as unknown[])[at] = bad;
    assert.throws(
      () => Jaunt.resume(encode([header, heap, { ...roots, host: h }])),
      (e: Error) => e instanceof SnapshotError && /bad heap limit state/.test(e.message),
    );
  }
});

test("defaults: the embedding API limits the heap to half the host's; a bad limit is refused", () => {
  assert.equal(Jaunt.create().limits.heapBytes, DEFAULT_HEAP_BYTES);
  assert.ok(DEFAULT_HEAP_BYTES > 100 * MB);
  assert.equal(Jaunt.create({ limits: { heapBytes: Infinity } }).limits.heapBytes, Infinity);
  for (const bad of [0, -5, NaN, "1e6" as unknown as number])
    assert.throws(
      () => Jaunt.create({ limits: { heapBytes: bad } }),
      /heapBytes must be a positive/,
    );
});

test("vmrun --max-heap-bytes: RangeError, then exit code 134 for a guest that goes on; a bad value is refused", () => {
  const vmrun = path.join(__dirname, "..", "bin", "vmrun.js");
  const file = path.join(__dirname, "..", "..", "test", "fixtures", "heap-runaway.js");
  const limited = spawnSync(process.execPath, [vmrun, "--max-heap-bytes", "4000000", file], {
    encoding: "utf8",
  });
  assert.equal(limited.status, 134, limited.stderr);
  assert.equal(limited.stdout, "caught RangeError Jaunt heap limit of 4000000 bytes exceeded\n");
  assert.match(limited.stderr, /^FATAL ERROR: Jaunt heap limit of 4000000 bytes exceeded/);
  const bad = spawnSync(process.execPath, [vmrun, "--max-heap-bytes", "lots", file], {
    encoding: "utf8",
  });
  assert.equal(bad.status, 9);
  assert.match(bad.stderr, /--max-heap-bytes must be a non-negative integer/);
});

test("a snapshot stays within a small factor of heapBytes: concatenations are charged at full length", () => {
  // V8 holds `big + i` as a rope (big shared), but a snapshot writes each string out
  // in full: 300 such strings of 10^5 characters were charged ~10 KB under an 8 MB
  // limit and made a 30 MB snapshot. Each guest is snapshotted once it stopped
  // growing (after its RangeError), looping so that its data stays live.
  const heapBytes = 8 * MB;
  const growers = [
    `const big = "y".repeat(1e5); for (let i = 0; i < 3000; i++) a.push(big + i);`,
    "const big = 'y'.repeat(1e5); for (let i = 0; i < 3000; i++) a.push(`${big}${i}`);",
    `let s = "y".repeat(1e4); for (let i = 0; i < 3000; i++) { s = s + "z"; a.push(s); }`,
    `let s = "y"; for (let i = 0; i < 40; i++) { s = s + s; a.push(s); }`,
    `const big = "y".repeat(1e5); for (let i = 0; i < 3000; i++) a.push(big + String(i));`,
    `const big = "y".repeat(1e5); for (let i = 0; i < 3000; i++) a.push(big.concat(i));`,
  ];
  for (const grow of growers) {
    const { j, out } = loaded(
      `const a = []; try { ${grow} } catch (e) { console.log(e.message); } console.log(a.length); for (;;);`,
      { limits: { heapBytes } },
    );
    while (!out.text.includes("\n")) assert.equal(j.run(10_000).status, "paused", grow);
    const size = j.snapshot().length;
    assert.ok(size < 2 * heapBytes, `${grow}: a ${size}-byte snapshot`);
  }
});
