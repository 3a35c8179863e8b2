// Upgrading in-flight workflows (workflow/upgrade.ts over vm/rebase.ts): a workflow
// started on v1 continues at its wait on v2; a change that moves or removes the wait
// is refused naming the frame; --dry-run changes nothing; workflows not upgraded
// finish on the code they started with.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Engine } from "../workflow/engine";
import { programIn, runCli } from "./harness";

async function withEngine(
  f: (e: Engine, program: (name: string, source: string) => string, out: string[]) => Promise<void>,
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vmflow-upgrade-"));
  const out: string[] = [];
  const e = await Engine.open({
    store: `sqlite:${path.join(dir, "flows.db")}`,
    stdout: (s) => out.push(s),
  });
  try {
    await f(e, programIn(dir), out);
  } finally {
    await e.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const V1 = `const { waitFor, step, workflow } = require("jaunt");
const fs = require("fs");
async function pay(order) {
  const paid = await waitFor("paid");
  return paid.via;
}
workflow(async (order) => {
  const via = await pay(order);
  const receipt = await step("receipt", async () => "v1 receipt for " + order.amount + (fs ? "" : "?"));
  return { via, receipt };
});
`;

// Lines added before the waits (positions move), a helper, a log line after the wait,
// and the step after it changes its effect.
const V2 = `// version 2
const { waitFor, step, workflow } = require("jaunt");
const fs = require("fs");
function euros(n) {
  return n.toFixed(2) + " EUR";
}
async function pay(order) {
  console.log("waiting for", euros(order.amount));
  const paid = await waitFor("paid");
  console.log("v2: paid by", paid.via);
  return paid.via;
}
workflow(async (order) => {
  const via = await pay(order);
  const receipt = await step("receipt", async () => "v2 receipt for " + euros(order.amount));
  // A capability the workflow had (fs) survives the upgrade; __dirname is known.
  return { via, receipt, version: 2, fs: fs.existsSync(__dirname) };
});
`;

test("a workflow started on v1 continues at its wait on v2 after upgrade; one not upgraded finishes on v1", async () => {
  await withEngine(async (e, program, out) => {
    const v1 = program("order.js", V1);
    await e.start(v1, { id: "up", input: { amount: 5 } });
    await e.start(v1, { id: "stay", input: { amount: 7 } });
    const before = (await e.store.get("up"))!.program;
    const [o] = await e.upgrade("up", { source: V2 });
    assert.equal(o.result, "upgraded", o.reason);
    assert.deepEqual(o.frames?.map((f) => [f.function, f.from, f.to]).sort(), [
      ["<anonymous>", 8, 14],
      ["pay", 4, 9],
    ]);
    const rec = (await e.store.get("up"))!;
    assert.notEqual(rec.program, before);
    assert.equal((await e.store.program(rec.program))!.source, V2);
    const done = await e.signal("up", "paid", { via: "card" });
    assert.equal(done.status, "done", done.error?.message);
    assert.deepEqual(done.result, {
      via: "card",
      receipt: "v2 receipt for 5.00 EUR",
      version: 2,
      fs: true,
    });
    assert.deepEqual(out, ["v2: paid by card\n"]);
    // Old code stays content-addressed: the other workflow finishes on v1.
    const stay = await e.signal("stay", "paid", { via: "cash" });
    assert.deepEqual(stay.result, { via: "cash", receipt: "v1 receipt for 7" });
    assert.equal((await e.store.get("stay"))!.program, before);
  });
});

test("an unmappable change is refused naming the frame and line; the workflow stays on its code", async () => {
  await withEngine(async (e, program) => {
    await e.start(program("order.js", V1), { id: "w", input: { amount: 1 } });
    const snapshot = (await e.store.get("w"))!.snapshot;
    // The waiting function removed.
    const removed = V1.replace(/async function pay[^]*?\n}\n/, "").replace(
      "await pay(order)",
      'await waitFor("paid")',
    );
    let [o] = await e.upgrade("w", { source: removed });
    assert.equal(o.result, "refused");
    assert.match(
      o.reason!,
      /; frame pay \(.*order\.js:4\) waits at `await waitFor\("paid"\);`: the new code has no pay at that place/,
    );
    // The wait moved into another function.
    const moved = V1.replace(
      'const paid = await waitFor("paid");\n  return paid.via;',
      "return ask();",
    ).replace(
      "async function pay",
      'async function ask() {\n  return (await waitFor("paid")).via;\n}\nasync function pay',
    );
    [o] = await e.upgrade("w", { source: moved });
    assert.equal(o.result, "refused");
    assert.match(
      o.reason!,
      /^frame pay \(.*order\.js:4\) waits at `await waitFor\("paid"\);`: the new pay has no such wait$/,
    );
    // A variable of a scope that has already run cannot be given a value.
    const newConst = V1.replace(
      'require("jaunt");',
      'require("jaunt");\nconst fee = 3;\nfunction withFee(n) { return n + fee; }',
    ).replace('"v1 receipt for " + order.amount', "withFee(order.amount)");
    [o] = await e.upgrade("w", { source: newConst });
    assert.equal(o.result, "refused");
    assert.match(o.reason!, /scope of <top level> .* gains `fee`.*has already run/);
    const rec = (await e.store.get("w"))!;
    assert.deepEqual(rec.snapshot, snapshot);
    const done = await e.signal("w", "paid", { via: "card" });
    assert.deepEqual(done.result, { via: "card", receipt: "v1 receipt for 1" });
  });
});

test("a wait inside a loop keeps its iteration when the new code adds loops before and after it", async () => {
  const loop = (before: string, after: string) => `const { waitFor, workflow } = require("jaunt");
workflow(async (order) => {
  const got = [];${before}
  for (const item of order.items) {
    const paid = await waitFor("paid");
    got.push(item + ":" + paid.via);
  }${after}
  return got;
});
`;
  await withEngine(async (e, program) => {
    await e.start(program("loop.js", loop("", "")), { id: "l", input: { items: ["x", "y", "z"] } });
    await e.signal("l", "paid", { via: "a" });
    const v2 = loop(
      '\n  for (const w of ["never", "runs"]) got.push(w);',
      '\n  for (const w of ["end"]) got.push(w);',
    );
    const [o] = await e.upgrade("l", { source: v2 });
    assert.equal(o.result, "upgraded", o.reason);
    assert.deepEqual(o.added, ["w in <anonymous>"]);
    await e.signal("l", "paid", { via: "b" });
    const w = await e.signal("l", "paid", { via: "c" });
    // The loop goes on with y and z (its iterator found among the new loops' by the
    // code around the wait); the loop added before the wait never runs.
    assert.deepEqual(w.result, ["x:a", "y:b", "z:c", "end"]);
    // A loop before it declaring the same variables (item, paid, %iter twice): the
    // code around the wait tells which is which.
    await e.start(program("loop.js", loop("", "")), { id: "m", input: { items: ["x", "y"] } });
    const [r] = await e.upgrade("m", {
      source: loop('\n  for (const item of ["w"]) { const paid = 1; got.push(item + paid); }', ""),
    });
    assert.equal(r.result, "upgraded", r.reason);
    await e.signal("m", "paid", { via: "a" });
    assert.deepEqual((await e.signal("m", "paid", { via: "b" })).result, ["x:a", "y:b"]);
  });
});

test("vmflow upgrade: --dry-run reports per workflow and changes nothing; --all moves every workflow of the file", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vmflow-upgrade-cli-"));
  const store = `sqlite:${path.join(dir, "s.db")}`;
  const flow = (...args: string[]) => runCli("vmflow", ["--store", store, ...args], dir, 60_000);
  try {
    const v1 = programIn(dir)("order.js", V1);
    const v2 = programIn(dir)("order-v2.js", V2);
    let e = await Engine.open({ store, stdout: () => {} });
    for (const id of ["a", "b"]) await e.start(v1, { id, input: { amount: 2 } });
    const before = await Promise.all(["a", "b"].map((id) => e.store.get(id)));
    await e.close();
    let r = flow("upgrade", "--all", "--from", v1, "--to", v2, "--dry-run");
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      // The waiting frames in heap order (with await in the interpreter: the innermost first).
      /^a {2}would upgrade\n {2}pay: line 4 -> 9, at await waitFor\("paid"\);\n {2}<anonymous>: line 8 -> 14, at await pay\(order\);\n/,
    );
    assert.match(r.stdout, /\nb {2}would upgrade\n/);
    e = await Engine.open({ store, stdout: () => {} });
    assert.deepEqual(await Promise.all(["a", "b"].map((id) => e.store.get(id))), before);
    await e.close();
    const bad = programIn(dir)("bad.js", 'require("jaunt").workflow(() => 1);');
    r = flow("upgrade", "a", "--to", bad);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^a {2}refused: frame <anonymous> \(.*order\.js:8\)/);
    r = flow("upgrade", "--all", "--from", v1, "--to", v2);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^a {2}upgraded\n[^]*\nb {2}upgraded\n/);
    e = await Engine.open({ store, stdout: () => {} });
    const b = await e.signal("b", "paid", { via: "api" });
    assert.equal(b.result && (b.result as { receipt: string }).receipt, "v2 receipt for 2.00 EUR");
    assert.deepEqual(
      (await e.upgrade({ all: v1 }, v2)).map((o) => [o.id, o.result, o.reason]),
      [["a", "skipped", "it already runs this code"]],
    );
    await e.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
