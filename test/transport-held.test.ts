// Channels held by a heap that moves (transport/held.ts): a channel that remoteExec's
// function captures in its closure (directly, or deep in an object it reaches, or in a
// Map among its arguments), and a channel a teleported program holds, arrive as working
// ends — relayed through the side they left — over each gateway and back home
// (teleport("origin")); the side they left gets ERR_JAUNT_CHANNEL_CLOSED saying they
// moved, and a forked copy (which takes no channels) an error that says so. A channel
// moves when the far side first uses it: one the closure reaches but never uses stays.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { gatewayTargets, programFile, vmrun } from "./transport-helpers";

const T = { timeout: 120_000 };
const KEY = "the held-channel tests' shared key";

// An ES module with a top-level await: the closures reach its running body, which the
// function's snapshot leaves behind (vm/call-snapshot.ts).
const CAPTURED = (spec: string) => `
import { Gateway } from "jaunt";
await null;
const gw = Gateway.open(${JSON.stringify(spec)});
const echo = (tag) => gw.remoteExec((c) => {
  for (let v; (v = c.receive()) !== null;) c.send(tag + " " + v);
}, tag);
const direct = echo("d");
const deep = { list: [1, { ch: echo("n") }] };
const inMap = echo("m");
// In the closure's environment too, but never used there: it stays here.
const spare = echo("s");
const spareLater = () => spare;
const user = gw.remoteExec((c, opts) => {
  direct.send("x");
  deep.list[1].ch.send("y");
  const viaMap = opts.get("ch");
  viaMap.send("z");
  // Both ways: a value comes back on each captured channel.
  c.send([direct.receive(10000), deep.list[1].ch.receive(10000), viaMap.receive(10000)]);
  for (const ch of [direct, deep.list[1].ch, viaMap]) ch.send(null);
}, new Map([["ch", inMap]]));
console.log(JSON.stringify(user.receive(10000)));
user.waitClose(10000);
try { direct.send(1); } catch (e) { console.log(e.code, e.message); }
spareLater().send("here");
console.log(spare.receive(10000));
spare.send(null);
gw.close();
`;

for (const [name, setup, skip] of gatewayTargets(KEY)) {
  test(
    `remoteExec over ${name}: channels captured by the closure work remotely`,
    { ...T, skip },
    async (t) => {
      const target = await setup(t);
      const r = await vmrun(programFile(t, "captured.mjs", CAPTURED(target.spec)), {
        env: target.env,
      });
      assert.equal(
        r.stdout,
        '["d x","n y","m z"]\n' +
          "ERR_JAUNT_CHANNEL_CLOSED this channel was sent to the other side (it is used there now)\n" +
          "s here\n",
        r.stderr,
      );
      assert.equal(r.code, 0);
    },
  );
}

test("teleport: a channel in the program's heap goes there and back home", T, async (t) => {
  const r = await vmrun(
    programFile(
      t,
      "held.js",
      `const { Gateway, teleport, fork } = require("jaunt");
       const gw = Gateway.open("popen");
       const echo = gw.remoteExec((c) => {
         for (let v; (v = c.receive()) !== null;) c.send("echo " + v);
       });
       const state = { echo, home: process.pid };
       const where = () => (process.pid === state.home ? "home" : "away");
       teleport("popen");
       state.echo.send("from " + where());
       console.log(state.echo.receive(10000));
       // The gateway did not move: using it here says so.
       try { gw.remoteExec(() => {}); } catch (e) { console.log(e.code); }
       teleport("origin");
       state.echo.send("back " + where());
       console.log(state.echo.receive(10000));
       if (fork("popen", 1) === 1) {
         try { state.echo.send("copy"); } catch (e) { console.log("copy:", e.code); }
         process.exit(0);
       }
       state.echo.send(null);`,
    ),
  );
  assert.equal(
    r.stdout,
    "echo from away\nERR_JAUNT_CHANNEL_CLOSED\necho back home\ncopy: ERR_JAUNT_CHANNEL_CLOSED\n",
    r.stderr,
  );
  assert.equal(r.code, 0);
});
