// Durable workflows (workflow/): the guest primitives as pending host operations, the
// SQLite store, the engine's start/signal/get/list/cancel and its timers, on a clock
// the tests move (so "3d" passes at once).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { Engine } from "../workflow/engine";
import { SqliteStore } from "../workflow/sqlite-store";
import { BIN, programIn, runCli } from "./harness";

const DAY = 86_400_000;

async function withEngine(
  f: (
    e: Engine,
    clock: { t: number },
    program: (name: string, source: string) => string,
    out: string[],
  ) => Promise<void>,
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vmflow-test-"));
  const clock = { t: Date.UTC(2026, 0, 1) };
  const out: string[] = [];
  const e = await Engine.open({
    store: `sqlite:${path.join(dir, "flows.db")}`,
    now: () => clock.t,
    stdout: (s) => out.push(s),
  });
  try {
    await f(e, clock, programIn(dir), out);
  } finally {
    await e.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ORDER = `
const { waitFor, sleep, step, workflow } = require("jaunt");
workflow(async (order) => {
  const receipt = await step("charge", async (key) => ({ key, amount: order.amount }));
  let paid;
  try {
    paid = await waitFor("paid", { timeout: "3d" });
  } catch (e) {
    console.log("reminder:", e.code);
    await sleep("1d");
    paid = await waitFor("paid");
  }
  console.log("paid by", paid.via);
  return { receipt, paid };
});
`;

test("a workflow waits for an event with its stack stored, and continues on the next line when it arrives", async () => {
  await withEngine(async (e, _clock, program, out) => {
    const w = await e.start(program("order.js", ORDER), { id: "o1", input: { amount: 12 } });
    assert.equal(w.status, "waiting");
    assert.deepEqual(w.waits, ["paid"]);
    assert.equal(w.wakeAt, Date.UTC(2026, 0, 4));
    assert.ok((await e.store.get("o1"))!.snapshot!.length > 0);
    const done = await e.signal("o1", "paid", { via: "card" });
    assert.equal(done.status, "done");
    assert.deepEqual(done.result, {
      receipt: { key: "o1/charge", amount: 12 },
      paid: { via: "card" },
    });
    assert.deepEqual(out, ["paid by card\n"]);
    assert.equal(done.activations, 2);
  });
});

test("a wait's timeout and a sleep are timers a worker fires when due; events sent early are buffered", async () => {
  await withEngine(async (e, clock, program, out) => {
    await e.start(program("order.js", ORDER), { id: "o2", input: { amount: 5 } });
    clock.t += 3 * DAY - 1;
    assert.equal(await e.runDue(), 0, "nothing is due a millisecond early");
    clock.t += 1;
    assert.equal(await e.runDue(), 1);
    let w = (await e.get("o2"))!;
    assert.equal(w.status, "waiting");
    assert.deepEqual(w.waits, [], "sleeping, waiting for no event");
    assert.equal(w.wakeAt, clock.t + DAY);
    assert.deepEqual(out, ["reminder: ERR_JAUNT_WAIT_TIMEOUT\n"]);
    // Sent while it sleeps: kept until the workflow waits for it.
    w = await e.signal("o2", "paid", { via: "cash" });
    assert.equal(w.status, "waiting");
    assert.equal((await e.store.events("o2")).length, 1);
    clock.t += DAY;
    await e.runDue();
    w = (await e.get("o2"))!;
    assert.equal(w.status, "done");
    assert.deepEqual((w.result as { paid: unknown }).paid, { via: "cash" });
    assert.equal((await e.store.events("o2")).length, 0, "a delivered event is deleted");
  });
});

test("Promise.race of waitFors takes the first event; the workflow ends when its function returns (the losing wait abandoned)", async () => {
  await withEngine(async (e, _clock, program) => {
    const file = program(
      "race.js",
      `const { waitFor, workflow } = require("jaunt");
       workflow(async () => {
         const first = await Promise.race([waitFor("a").then((v) => "a" + v), waitFor("b").then((v) => "b" + v)]);
         const second = await waitFor("c");
         return [first, second];
       });`,
    );
    let w = await e.start(file, { id: "r" });
    assert.deepEqual(w.waits.sort(), ["a", "b"]);
    w = await e.signal("r", "b", 2);
    assert.deepEqual(w.waits.sort(), ["a", "c"], "the losing waitFor is still pending");
    w = await e.signal("r", "c", 3);
    assert.deepEqual(w.result, ["b2", 3]);
  });
});

test("a step's result is stored once: resumed from the snapshot before it, a stored step is not run again", async () => {
  await withEngine(async (e, clock, program, out) => {
    const file = program(
      "once.js",
      `const { waitFor, step, workflow } = require("jaunt");
       workflow(async () => {
         const a = await step("a", async (key, { attempt }) => { console.log("effect", key, attempt); return 41; });
         await waitFor("go");
         return a + 1;
       });`,
    );
    // The worker dies after storing the step's result, before storing the wait: the
    // workflow is taken over from the snapshot stored before the effect.
    const real = e.store.commit.bind(e.store);
    e.store.commit = async (lease, c, leaseMs, now) => {
      if (c.status === "waiting") throw new Error("killed");
      return real(lease, c, leaseMs, now);
    };
    await e.start(file, { id: "s" }).catch(() => {});
    e.store.commit = real;
    assert.equal((await e.get("s"))!.status, "running");
    assert.equal((await e.store.step("s", "a"))!.status, "done");
    clock.t += 60_000;
    assert.equal(await e.runDue(), 1);
    assert.equal((await e.get("s"))!.status, "waiting");
    assert.equal((await e.signal("s", "go")).result, 42);
    assert.deepEqual(out, ["effect s/a 1\n"]);
  });
});

test("repeated step names are numbered in call order (a, a#2, a#3): each has its own key and record", async () => {
  await withEngine(async (e, _clock, program, out) => {
    const file = program(
      "loop.js",
      `const { waitFor, step, workflow } = require("jaunt");
       workflow(async () => {
         let sum = 0;
         for (let i = 1; i <= 2; i++) sum += await step("a", async (key) => { console.log(key); return i; });
         await waitFor("go");
         sum += await step("a", async (key) => { console.log(key); return 10; });
         await step("b#2", async () => 0);
         await step("b", async () => 0);
         await step("b", async () => 0).catch((err) => console.log(err.code, err.message));
         return sum;
       });`,
    );
    await e.start(file, { id: "n" });
    const w = await e.signal("n", "go");
    assert.equal(w.result, 13);
    assert.deepEqual(out, [
      "n/a\n",
      "n/a#2\n",
      "n/a#3\n",
      "ERR_JAUNT_STEP_NAME step: 'b' (its use number 2, 'b#2') collides with a step named 'b#2'; name steps without '#<number>'\n",
    ]);
    assert.deepEqual(
      (await e.store.steps("n")).map((s) => s.name),
      ["a", "a#2", "a#3", "b", "b#2"],
    );
  });
});

test("a step whose result cannot be stored (a function, a symbol) fails at once with a DataCloneError, recorded", async () => {
  await withEngine(async (e, _clock, program, out) => {
    const file = program(
      "clone.js",
      `const { step, workflow } = require("jaunt");
       workflow(async () => {
         let runs = 0;
         for (const [name, f] of [["fn", () => ({ f() {} })], ["sym", () => Symbol("s")]])
           await step(name, async () => { runs++; return f(); }).catch((err) => console.log(err.name, err.code, err.message));
         return runs;
       });`,
    );
    const w = await e.start(file, { id: "c" });
    assert.equal(w.status, "done");
    assert.equal(w.result, 2, "no retry: the effect ran and succeeded");
    assert.match(
      out[0],
      /^DataCloneError ERR_JAUNT_STEP_RESULT step 'fn': its result cannot be stored \(a function could not be cloned\)/,
    );
    assert.match(
      out[1],
      /^DataCloneError ERR_JAUNT_STEP_RESULT step 'sym': its result cannot be stored \(.*Symbol\(s\) could not be cloned\)/,
    );
    const rec = (await e.store.step("c", "fn"))!;
    assert.equal(rec.status, "failed");
    assert.equal(rec.attempts, 1);
    assert.match(rec.error!, /DataCloneError/);
    assert.equal((await e.store.step("c", "sym"))!.status, "failed");
  });
});

test("a failing step is retried with backoff (durable timers) and its final error is stored and thrown", async () => {
  await withEngine(async (e, clock, program) => {
    const file = program(
      "retry.js",
      `const { step, workflow } = require("jaunt");
       workflow(async () => {
         const ok = await step("flaky", async (key, { attempt }) => {
           if (attempt < 3) throw new Error("down " + attempt);
           return attempt;
         }, { retries: 3, backoff: "1h" });
         await step("broken", async () => { const e = new Error("no"); e.code = "EBROKEN"; throw e; }, { retries: 1, backoff: "1h" });
         return ok;
       });`,
    );
    let w = await e.start(file, { id: "f" });
    assert.equal(w.status, "waiting");
    assert.equal(w.wakeAt, clock.t + 3_600_000, "first retry after the backoff");
    clock.t += 3_600_000;
    await e.runDue();
    w = (await e.get("f"))!;
    assert.equal(w.wakeAt, clock.t + 7_200_000, "the backoff doubles");
    clock.t += 7_200_000;
    await e.runDue();
    assert.equal((await e.store.step("f", "flaky"))!.status, "done");
    assert.equal((await e.store.step("f", "flaky"))!.attempts, 3);
    clock.t += 3_600_000;
    await e.runDue();
    w = (await e.get("f"))!;
    assert.equal(w.status, "failed");
    assert.equal(w.error!.message, "no");
    assert.equal(w.error!.code, "EBROKEN");
    assert.match(w.error!.stack!, /retry\.js:7/, "the guest stack is kept");
    const broken = (await e.store.step("f", "broken"))!;
    assert.equal(broken.status, "failed");
    assert.equal(broken.attempts, 2);
  });
});

test("a program that throws fails with the uncaught report; one that ends plainly is done", async () => {
  await withEngine(async (e, _clock, program) => {
    const bad = await e.start(program("bad.js", `null.x;`), { id: "bad" });
    assert.equal(bad.status, "failed");
    assert.match(bad.error!.stack!, /TypeError/);
    const plain = await e.start(program("plain.js", `console.log(1);`), { id: "plain" });
    assert.equal(plain.status, "done");
    assert.equal(plain.result, undefined);
    assert.deepEqual(
      (await e.list({ status: "failed" })).map((w) => w.id),
      ["bad"],
    );
    await assert.rejects(e.start(program("plain2.js", ``), { id: "plain" }), /already exists/);
    const syntax = await e.start(program("syntax.js", `let = ;`), { id: "syntax" });
    assert.equal(syntax.status, "failed");
    assert.equal(syntax.error!.name, "SyntaxError");
  });
});

test("cancel: a waiting workflow is cancelled; signals to it are refused", async () => {
  await withEngine(async (e, _clock, program) => {
    await e.start(program("order.js", ORDER), { id: "c", input: { amount: 1 } });
    assert.equal(await e.cancel("c"), true);
    assert.equal((await e.get("c"))!.status, "cancelled");
    assert.equal(await e.cancel("c"), false);
    await assert.rejects(e.signal("c", "paid", {}), /has finished \(cancelled\)/);
    await assert.rejects(e.signal("nope", "paid", {}), /no workflow with id 'nope'/);
  });
});

test("a stored snapshot changed outside the engine is refused (HMAC)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vmflow-test-"));
  const db = path.join(dir, "s.db");
  const errors: string[] = [];
  const e = await Engine.open({
    store: `sqlite:${db}`,
    onError: (_id, err) => errors.push(String(err)),
  });
  try {
    await e.start(programIn(dir)("order.js", ORDER), { id: "t", input: { amount: 1 } });
    const raw = new SqliteStore(db);
    const snap = Buffer.from((await raw.get("t"))!.snapshot!);
    snap[snap.length - 10] ^= 1;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (raw as any).db.prepare("UPDATE workflows SET snapshot = ? WHERE id = 't'").run(snap);
    await raw.close();
    const w = await e.signal("t", "paid", {});
    assert.equal(w.status, "failed");
    assert.match(w.error!.message, /signature does not match/);
    assert.deepEqual(errors, []);
  } finally {
    await e.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("outside the engine waitFor and step throw ERR_JAUNT_NOT_AVAILABLE naming vmflow; sleep just waits", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vmflow-test-"));
  try {
    const file = programIn(dir)(
      "plain.js",
      `const { waitFor, sleep, step } = require("jaunt");
       sleep(5).then(() => console.log("slept"));
       try { waitFor("x"); } catch (e) { console.log(e.code, /vmflow start/.test(e.message)); }
       step("s", () => 1).catch((e) => console.log(e.code));`,
    );
    const r = runCli("vmrun", [file]);
    assert.equal(
      r.stdout,
      "ERR_JAUNT_NOT_AVAILABLE true\nERR_JAUNT_NOT_AVAILABLE\nslept\n",
      r.stderr,
    );
    assert.ok(fs.existsSync(path.join(BIN, "vmrun.js")));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a lease expires: a workflow leased by a worker that died is taken over", async () => {
  await withEngine(async (e, clock, program) => {
    await e.start(program("order.js", ORDER), { id: "l", input: { amount: 1 } });
    await e.signal("l", "paid", { via: "late" }, { run: false });
    const [dead] = await e.store.claim(1, 30_000, clock.t);
    assert.equal(dead.id, "l");
    assert.equal(await e.runDue(), 0, "leased: nobody else takes it");
    clock.t += 30_001;
    assert.equal(await e.runDue(), 1);
    assert.equal((await e.get("l"))!.status, "done");
    await assert.rejects(
      e.store.commit(dead, { status: "failed", error: "{}" }, 30_000, clock.t),
      /lease on workflow l was lost/,
      "the dead worker's lease is refused",
    );
  });
});

test("vmflow: start, list, show (frames at the wait), signal, cancel, and a worker firing a timer", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vmflow-cli-"));
  const store = ["--store", `sqlite:${path.join(dir, "s.db")}`];
  const flow = (...args: string[]) => runCli("vmflow", [...store, ...args], dir, 60_000);
  try {
    const file = programIn(dir)("order.js", ORDER);
    let r = flow("start", file, "--id", "a", "--input", '{"amount":3}');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^a {2}waiting {2}for paid {2}until /);
    r = flow("show", "a");
    assert.match(r.stdout, /waits at vmflow\.waitFor\('paid', 259200000\)/);
    assert.match(r.stdout, /at .*order\.js:7:/, "the workflow's own frame at the wait");
    assert.match(r.stdout, /step {5}charge: \{ key: 'a\/charge', amount: 3 \}, 1 attempt\(s\)/);
    r = flow("signal", "a", "paid", '{"via":"cli"}');
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /paid by cli\na {2}done {2}\{ receipt: \{ key: 'a\/charge', amount: 3 \}/,
    );
    r = flow("start", file, "--id", "b", "--input", "{}");
    assert.equal(flow("cancel", "b").code, 0);
    r = flow("list", "--status", "cancelled", "--json");
    assert.equal(JSON.parse(r.stdout).id, "b");
    r = flow("cancel", "b");
    assert.equal(r.code, 1);
    assert.match(r.stderr, /vmflow: workflow 'b' has already finished/);
    assert.equal(flow("signal", "b", "x", "{bad").code, 9);
    // A sleep longer than the engine waits for in memory is parked; the worker fires it.
    const sleeper = programIn(dir)(
      "sleeper.js",
      `const { sleep, workflow } = require("jaunt");
       workflow(async () => { await sleep("1500ms"); return "woke"; });`,
    );
    assert.match(flow("start", sleeper, "--id", "z").stdout, /z {2}waiting {2}until/);
    const worker = spawn(process.execPath, [
      path.join(BIN, "vmflow.js"),
      ...store,
      "worker",
      "--poll-ms",
      "100",
    ]);
    try {
      const e = await Engine.open({ store: `sqlite:${path.join(dir, "s.db")}` });
      for (let i = 0; i < 200 && (await e.get("z"))!.status !== "done"; i++) await delay(100);
      assert.equal((await e.get("z"))!.result, "woke");
      await e.close();
    } finally {
      worker.kill("SIGTERM");
      await new Promise((res) => worker.once("exit", res));
    }
    assert.equal(worker.exitCode, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
