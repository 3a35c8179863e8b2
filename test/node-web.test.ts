// Node's web-style globals, timers and process events where a differential program
// cannot show them: across snapshots into a new VM (an 'exit' listener, an
// AbortSignal.timeout, an unref'd timer), under an injected clock, with warnings on
// stderr (node's pid), without capabilities, and with corrupt snapshot state.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { decode as cborDecode, encode as cborEncode } from "cbor-x";
import { Jaunt, type JauntOptions, type RunResult } from "../vm";

interface Output {
  out: string;
  err: string;
}

function sinks(o: Output): Pick<JauntOptions, "stdout" | "stderr"> {
  return { stdout: (t) => void (o.out += t), stderr: (t) => void (o.err += t) };
}

/**
 * Runs `source` to the end, snapshotting every `every` instructions and resuming each
 * snapshot in a fresh VM (so nothing may live outside the snapshot). With `every` 0,
 * a plain run.
 */
function runCut(source: string, every: number, opts: JauntOptions = {}): Output & { r: RunResult } {
  const o: Output = { out: "", err: "" };
  let j = Jaunt.create({ ...sinks(o), argv: [], capabilities: "all", ...opts });
  j.load(source, "/virtual/web.js");
  for (;;) {
    const r = j.run(every > 0 ? every : Infinity);
    if (r.status !== "paused") {
      assert.notEqual(r.status, "waiting");
      return { ...o, r };
    }
    j = Jaunt.resume(j.snapshot(), { ...sinks(o), argv: [], capabilities: "all", ...opts });
  }
}

test("exit listeners run at the end of a run cut by snapshots, and set the exit code", () => {
  const source = `
    let n = 0;
    process.on("beforeExit", (c) => { console.log("beforeExit", c, n); if (n++ === 0) setTimeout(() => console.log("timer"), 1); });
    process.on("exit", (c) => { console.log("exit", c); process.exitCode = 6; });
    process.exitCode = 2;
    console.log("main");`;
  const plain = runCut(source, 0);
  assert.equal(plain.out, "main\nbeforeExit 2 0\ntimer\nbeforeExit 2 1\nexit 2\n");
  assert.equal(plain.r.exitCode, 6);
  for (const every of [13, 97]) {
    const cut = runCut(source, every);
    assert.equal(cut.out, plain.out, `cut every ${every}`);
    assert.equal(cut.r.exitCode, 6);
  }
});

test("process.exit inside an exit listener ends at once with its code; what listeners schedule never runs", () => {
  const { out, r } = runCut(
    `process.on("exit", (c) => { console.log("exit", c); setTimeout(() => console.log("never")); process.exit(4); console.log("not reached"); });
     process.on("exit", () => console.log("second listener not reached"));
     process.exit(3);`,
    0,
  );
  assert.equal(out, "exit 3\n");
  assert.equal(r.exitCode, 4);
});

test("an uncaughtException listener that throws ends the program with code 7 and its error", () => {
  const o: Output = { out: "", err: "" };
  const j = Jaunt.create({ ...sinks(o), argv: [] });
  j.load(
    `process.on("uncaughtException", (e) => { console.log("caught", e.message); throw new TypeError("in handler"); });
     setTimeout(() => console.log("never"), 1);
     throw new Error("first");`,
    "/virtual/handler.js",
  );
  const r = j.run();
  assert.equal(o.out, "caught first\n");
  assert.equal(r.exitCode, 7);
  assert.match(j.uncaughtReport() ?? "", /TypeError: in handler/);
});

test("an AbortSignal.timeout set before a snapshot fires in the resumed VM, on the VM clock", () => {
  let clock = 1000;
  const o: Output = { out: "", err: "" };
  const j = Jaunt.create({ ...sinks(o), argv: [], now: () => clock });
  j.load(
    `const s = AbortSignal.timeout(500);
     s.addEventListener("abort", () => console.log("aborted", s.reason.name, s.reason.message));
     setTimeout(() => console.log("kept alive", s.aborted), 600);
     console.log("main done");`,
    "/virtual/timeout.js",
  );
  // Snapshot once the main program has printed its last line: the timers are pending.
  while (!o.out.includes("main done")) assert.equal(j.run(1).status, "paused");
  clock = 1700;
  const again = Jaunt.resume(j.snapshot(), { ...sinks(o), argv: [], now: () => clock });
  assert.equal(again.run().status, "done");
  assert.equal(
    o.out,
    "main done\naborted TimeoutError The operation was aborted due to timeout\nkept alive true\n",
  );
});

test("an unref'd timer stays unref'd across a snapshot: the resumed program ends without it", () => {
  const o: Output = { out: "", err: "" };
  const j = Jaunt.create({ ...sinks(o), argv: [] });
  j.load(
    `const t = setTimeout(() => console.log("never"), 60000);
     t.unref();
     setTimeout(() => console.log("ref'd", t.hasRef()), 1);`,
    "/virtual/unref.js",
  );
  assert.equal(j.run(5).status, "paused");
  const again = Jaunt.resume(j.snapshot(), { ...sinks(o), argv: [] });
  assert.equal(again.run().status, "done");
  assert.equal(o.out, "ref'd false\n");
});

/** The roots' timer records of a decoded snapshot. */
function timerRecords(data: unknown): unknown[][] {
  const roots = (data as unknown[]).find(
    (x) => x !== null && typeof x === "object" && !Array.isArray(x) && "timers" in x,
  ) as { timers: unknown[][] } | undefined;
  assert.ok(roots, "the snapshot has roots with timers");
  return roots.timers;
}

test("a timer's ref flag is validated on decode; snapshots without it (ref'd) still resume", () => {
  const j = Jaunt.create({ stdout: () => {}, argv: [] });
  j.load(`setTimeout(() => {}, 1000).unref(); setTimeout(() => {}, 5);`, "/virtual/flag.js");
  let data: unknown[] = [];
  let timers: unknown[][] = [];
  while (timers.length < 2) {
    assert.equal(j.run(1).status, "paused");
    data = cborDecode(j.snapshot()) as unknown[];
    timers = timerRecords(data);
  }
  assert.equal(timers[0][7], false);
  assert.equal(timers[1][7], true);
  timers[1].length = 7; // an older snapshot: no flag, a ref'd timer
  assert.ok(Jaunt.resume(cborEncode(data), { argv: [] }));
  timers[0][7] = "no";
  assert.throws(() => Jaunt.resume(cborEncode(data), { argv: [] }), /timer 0: bad ref flag/);
});

test("process.emitWarning prints Node's warning and emits 'warning' on the next tick", () => {
  const o: Output = { out: "", err: "" };
  const j = Jaunt.create({ ...sinks(o), argv: [] });
  j.load(
    `process.on("warning", (w) => console.log("event", w.name, w.code, w.message, w.detail));
     process.emitWarning("careful", "MyWarning", "W01");
     process.emitWarning("old", { type: "DeprecationWarning", code: "DEP01", detail: "use new" });
     process.noDeprecation = true;
     process.emitWarning("silenced", "DeprecationWarning");
     try { process.emitWarning(5); } catch (e) { console.log(e.code); }
     console.log("sync first");`,
    "/virtual/warn.js",
  );
  assert.equal(j.run().status, "done");
  assert.equal(
    o.out,
    "ERR_INVALID_ARG_TYPE\nsync first\nevent MyWarning W01 careful undefined\n" +
      "event DeprecationWarning DEP01 old use new\n",
  );
  assert.match(o.err, /^\(node:\d+\) \[W01\] MyWarning: careful\n/);
  assert.match(o.err, /\(node:\d+\) \[DEP01\] DeprecationWarning: old\nuse new\n/);
  assert.doesNotMatch(o.err, /silenced/);
});

test("dns.lookup needs the net capability; tty.isatty is false without fs", () => {
  const o: Output = { out: "", err: "" };
  const j = Jaunt.create({ ...sinks(o), argv: [] });
  j.load(
    `const dns = require("dns");
     try { dns.lookup("localhost", () => {}); } catch (e) { console.log(e.code); }
     dns.promises.lookup("localhost").catch((e) => console.log("promise", e.code));
     dns.lookup("127.0.0.1", (err, a, f) => console.log("ip", err, a, f));
     console.log(require("tty").isatty(1));
     try { process.chdir("/"); } catch (e) { console.log(e.code); }`,
    "/virtual/caps.js",
  );
  assert.equal(j.run().status, "done");
  assert.equal(
    o.out,
    "ERR_JAUNT_CAPABILITY\nfalse\nERR_JAUNT_CAPABILITY\nip null 127.0.0.1 4\npromise ERR_JAUNT_CAPABILITY\n",
  );
});

test("the web globals load on first use only, and become plain data properties", () => {
  const o: Output = { out: "", err: "" };
  const j = Jaunt.create({ ...sinks(o), argv: [] });
  j.load(
    `const before = Object.getOwnPropertyDescriptor(globalThis, "AbortController");
     console.log(typeof before.get, before.enumerable);
     const C = AbortController;
     const after = Object.getOwnPropertyDescriptor(globalThis, "AbortController");
     console.log(after.value === C, after.writable, after.enumerable);
     globalThis.performance = 5;
     console.log(performance);`,
    "/virtual/lazy.js",
  );
  assert.equal(j.run().status, "done");
  assert.equal(o.out, "function false\ntrue true false\n5\n");
});

test("typeof a global not loaded yet says what it will be, also after a resume", () => {
  const source = `console.log(typeof AbortController, typeof performance, typeof Event);
    console.log(typeof AbortController, AbortController.name);`;
  for (const every of [0, 29]) {
    const { out } = runCut(source, every);
    assert.equal(out, "function object function\nfunction AbortController\n", `cut every ${every}`);
  }
});
