// JAUNT request snapshotCall (vm/call-snapshot.ts): the snapshot remoteExec sends holds
// one call of the function and what its closure reaches, not the running program's
// stack, timers or jobs; the live VM goes on untouched.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Jaunt } from "../vm";

test("snapshotCall: only fn's call runs when resumed, with its closure copied; the live VM is unchanged", async () => {
  let snap: Uint8Array | null = null;
  let out = "";
  const j = Jaunt.create({
    stdout: (t) => (out += t),
    requests: {
      "gateway.open": () => ({ id: 1, remote: {} }),
      "gateway.exec": (req) => {
        snap = req.snapshotCall(1, [0]);
        return 5;
      },
      "gateway.close": () => undefined,
    },
  });
  j.load(
    `const { Gateway } = require("jaunt");
     let ticks = 0;
     const timer = setInterval(() => { ticks++; if (ticks === 2) { clearInterval(timer); console.log("live ticks", ticks); } }, 1);
     const secret = { words: ["closure", "copied"] };
     const gw = Gateway.open("popen");
     const ch = gw.remoteExec((channel, n) => { secret.words.push(n); console.log("remote", channel instanceof Object, secret.words.join(" ")); }, 42);
     secret.words.push("origin-only");
     console.log("live", secret.words.join(" "));`,
    "/main.js",
  );
  const r = await j.runAsync();
  assert.equal(r.status, "done");
  assert.equal(out, "live closure copied origin-only\nlive ticks 2\n");
  assert.ok(snap, "the handler took a call snapshot");

  const closes: unknown[][] = [];
  let remoteOut = "";
  const remote = Jaunt.resume(snap!, {
    stdout: (t) => (remoteOut += t),
    requests: { "channel.close": (req) => void closes.push(req.args) },
  });
  const rr = await remote.runAsync();
  assert.equal(rr.status, "done");
  // No "live ticks": the interval did not travel; the closure's array did, as it was.
  assert.equal(remoteOut, "remote true closure copied 42\n");
  assert.deepEqual(closes, [[0]], "fn's channel closed normally when it returned");
});

test("snapshotCall from an ES module's top-level await: its running body stays behind, the copy resumes, and the channel handles the closure reaches are listed", async () => {
  let snap: Uint8Array | null = null;
  const found: number[] = [];
  const j = Jaunt.create({
    stdout: () => {},
    requests: {
      "gateway.open": () => ({ id: 1, remote: {} }),
      "gateway.exec": (req) => {
        snap = req.snapshotCall(1, [0], { handles: { key: "jaunt.channel", found } });
        return 9;
      },
    },
  });
  // An ES module with a top-level await: the call is made from its running body.
  j.load(
    `import { Gateway } from "jaunt";
     await null;
     const self = [1, 2];
     const gw = Gateway.open("popen");
     const held = gw.remoteExec(() => {});
     const w = { held };
     gw.remoteExec(() => console.log("remote", typeof w.held.send, self.length));`,
    "/main.mjs",
    "module",
  );
  assert.equal((await j.runAsync()).status, "done");
  // Only the second call's closure reaches a channel: the first (handle 9), listed once.
  assert.deepEqual(found, [9]);
  let remoteOut = "";
  const remote = Jaunt.resume(snap!, {
    stdout: (t) => (remoteOut += t),
    requests: { "channel.close": () => undefined },
  });
  assert.equal((await remote.runAsync()).status, "done");
  assert.equal(remoteOut, "remote function 2\n");
});
