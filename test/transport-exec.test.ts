// Gateway.open / gw.remoteExec(fn, ...args) from a real vmrun process over each gateway:
// fn's closure travels (copied), values go both ways over the channel, a remote throw is
// a RemoteError whose remoteStack lists the remote guest frames, async iteration ends at
// the close; deadlines and a lost peer wake a waiting receive with a reason.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { gatewayTargets, programFile, vmrun } from "./transport-helpers";

const T = { timeout: 120_000 };
const KEY = "the exec tests' shared key";

const GATEWAYS = gatewayTargets(KEY);

const EXEC_PROGRAM = (spec: string) => `
const { Gateway, RemoteError } = require("jaunt");
const gw = Gateway.open(${JSON.stringify(spec)});
const factor = 3;
const table = new Map([["k", 10]]);
const ch = gw.remoteExec((channel, base) => {
  console.log("remote runs elsewhere:", process.pid !== base.pid);
  for (;;) {
    const v = channel.receive();
    if (v === null) break;
    channel.send(v * factor + base.add + table.get("k"));
  }
}, { pid: process.pid, add: 1 });
for (const x of [1, 2]) { ch.send(x); console.log("got", ch.receive(10000)); }
ch.send(null);
ch.waitClose(10000);
function thrower() {
  function deep() { throw new TypeError("remote boom"); }
  deep();
}
try { gw.remoteExec(thrower).receive(10000); } catch (e) {
  console.log(e instanceof RemoteError, e.message, e.remoteStack.map((f) => f.fn + ":" + f.line).slice(0, 2).join(" "));
}
(async () => {
  for await (const v of gw.remoteExec((c) => { c.send("a"); c.send({ b: [1, 2] }); })) console.log("iter", JSON.stringify(v));
  gw.close();
  console.log("done");
})();
`;

for (const [name, setup, skip] of GATEWAYS) {
  test(
    `remoteExec over ${name}: closure, channel both ways, RemoteError frames, iteration`,
    { ...T, skip },
    async (t) => {
      const target = await setup(t);
      const r = await vmrun(programFile(t, "exec.js", EXEC_PROGRAM(target.spec)), {
        env: target.env,
      });
      assert.equal(
        r.stdout,
        [
          "remote runs elsewhere: true",
          "got 14",
          "got 17",
          "true TypeError: remote boom deep:18 thrower:19",
          'iter "a"',
          'iter {"b":[1,2]}',
          "done",
          "",
        ].join("\n"),
        r.stderr,
      );
      assert.equal(r.code, 0);
    },
  );
}

test("remoteExec: receive deadlines, a closed channel, and a peer that dies", T, async (t) => {
  const r = await vmrun(
    programFile(
      t,
      "exec.js",
      `const { Gateway } = require("jaunt");
       const gw = Gateway.open("popen");
       const quiet = gw.remoteExec((c) => { c.receive(); });
       const t0 = Date.now();
       try { quiet.receive(300); } catch (e) { console.log("timeout", e.code, Date.now() - t0 >= 250); }
       const short = gw.remoteExec(() => {});
       short.waitClose(10000);
       try { short.receive(1000); } catch (e) { console.log("closed", e.code); }
       // The remote process dies under a function (the guest here is blocked in receive).
       const waiting = gw.remoteExec(() => { process.kill(process.pid, "SIGKILL"); });
       try { waiting.receive(20000); } catch (e) { console.log("lost", e.code); }`,
    ),
  );
  assert.equal(
    r.stdout,
    "timeout ERR_JAUNT_TIMEOUT true\nclosed ERR_JAUNT_CHANNEL_CLOSED\nlost ERR_JAUNT_DISCONNECTED\n",
    r.stderr,
  );
});

test("remoteExec: a channel sent over a channel works on the other side", T, async (t) => {
  const r = await vmrun(
    programFile(
      t,
      "channels.js",
      `const { Gateway } = require("jaunt");
       const a = Gateway.open("popen");
       const b = Gateway.open("popen");
       // On b: an echo service. On a: a user that gets a channel to it through here.
       const echo = b.remoteExec((c) => {
         for (let v; (v = c.receive()) !== null;) c.send("echo " + v + " from " + process.pid);
       });
       const user = a.remoteExec((c) => {
         const other = c.receive();
         other.send("hi");
         c.send([other.constructor.name, other.receive(10000)]);
         other.send(null);
         c.send(process.pid);
       });
       user.send(echo);
       try { echo.send(1); } catch (e) { console.log("moved:", e.code); }
       const [kind, reply] = user.receive(10000);
       const userPid = user.receive(10000);
       console.log(kind, reply.startsWith("echo hi from "), reply !== "echo hi from " + userPid);
       user.waitClose(10000);
       a.close(); b.close();`,
    ),
  );
  assert.equal(r.stdout, "moved: ERR_JAUNT_CHANNEL_CLOSED\nChannel true true\n", r.stderr);
  assert.equal(r.code, 0);
});

test(
  "remoteExec: channels inside objects, arrays and remoteExec's arguments arrive working",
  T,
  async (t) => {
    const r = await vmrun(
      programFile(
        t,
        "nested.js",
        `const { Gateway } = require("jaunt");
       const gw = Gateway.open("popen");
       const echo = () => gw.remoteExec((c) => {
         for (let v; (v = c.receive()) !== null;) c.send("echo " + v);
       });
       // In an object and an array, with other data around them; the same channel twice.
       const e1 = echo();
       const e2 = echo();
       const user = gw.remoteExec((c) => {
         const m = c.receive();
         m.reply.send("a");
         m.list[1].send("b");
         c.send([m.tag, m.list[0], m.reply.receive(10000), m.list[1].receive(10000), m.again === m.reply]);
         m.reply.send(null);
         m.list[1].send(null);
       });
       const msg = { tag: "t", reply: e1, list: [7, e2], again: e1 };
       user.send(msg);
       console.log(JSON.stringify(user.receive(10000)), msg.reply === e1);
       try { e1.send(1); } catch (e) { console.log("moved:", e.code); }
       // In remoteExec's arguments.
       const e3 = echo();
       const worker = gw.remoteExec((c, opts, [out]) => {
         opts.to.send("x");
         c.send([opts.to.receive(10000), out === opts.to, opts.n]);
         opts.to.send(null);
       }, { to: e3, n: 5 }, [e3]);
       console.log(JSON.stringify(worker.receive(10000)));
       // A channel in a Map cannot travel: a TypeError here, nothing sent.
       try { user.send(new Map([["k", echo()]])); } catch (e) { console.log(e.name); }
       // A value that cannot be copied is the guest's error, not the VM's end.
       try { user.send(new (class Thing {})()); } catch (e) { console.log(e.name); }
       gw.close();`,
      ),
    );
    assert.equal(
      r.stdout,
      '["t",7,"echo a","echo b",true] true\nmoved: ERR_JAUNT_CHANNEL_CLOSED\n["echo x",true,5]\nTypeError\nDataCloneError\n',
      r.stderr,
    );
    assert.equal(r.code, 0);
  },
);
