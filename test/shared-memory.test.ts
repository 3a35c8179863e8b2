// SharedArrayBuffer and Atomics where Jaunt's single agent decides the behaviour (the
// rest is compared with node by test/programs/shared-memory.js): a waitAsync timeout,
// which in node races with timers; a wait that could never end; waiters that live in
// a snapshot.

import { test } from "node:test";
import assert from "node:assert/strict";
import { resumeElsewhere, runUntilReady, vmWith } from "./harness";

test("shared memory: a waitAsync timeout resolves 'timed-out' and does not keep the loop alive", async () => {
  const { j, out } = vmWith();
  j.load(
    "const w = new Int32Array(new SharedArrayBuffer(8));\n" +
      "Atomics.waitAsync(w, 0, 0, 30).value.then((v) => console.log('first', v));\n" +
      "Atomics.waitAsync(w, 1, 0, 10_000).value.then((v) => console.log('never', v));\n" +
      "setTimeout(() => console.log('timer'), 60);\n",
    "/main.js",
  );
  assert.equal((await j.runAsync()).status, "done");
  assert.equal(out.text, "first timed-out\ntimer\n");
});

test("shared memory: Atomics.wait with nothing to end it throws instead of hanging", () => {
  const { j, out } = vmWith();
  j.load(
    "const w = new Int32Array(new SharedArrayBuffer(8));\n" +
      "try { Atomics.wait(w, 0, 0); } catch (e) { console.log(e.code, e.message); }\n" +
      "console.log(Atomics.wait(w, 0, 0, 1), Atomics.wait(w, 0, 5));\n",
    "/main.js",
  );
  j.run();
  assert.equal(
    out.text,
    "ERR_JAUNT_DEADLOCK Atomics.wait would wait forever: no other agent shares this VM's memory to notify it\n" +
      "timed-out not-equal\n",
  );
});

test("shared memory: waiters and their timeouts survive a snapshot", async () => {
  const { j } = runUntilReady(
    "const w = new Int32Array(new SharedArrayBuffer(8));\n" +
      "const a = Atomics.waitAsync(w, 0, 0);\n" +
      "const b = Atomics.waitAsync(w, 1, 0, 20);\n" +
      "a.value.then((v) => console.log('a', v));\n" +
      "b.value.then((v) => console.log('b', v));\n" +
      "setTimeout(() => console.log('notified', Atomics.notify(w, 0), Atomics.notify(w, 1)), 40);\n" +
      "globalThis.ready = true;\n",
  );
  assert.equal(await resumeElsewhere(j.snapshot()), "b timed-out\nnotified 1 0\na ok\n");
});
