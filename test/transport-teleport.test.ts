// jaunt.teleport and jaunt.fork from real vmrun processes, over each gateway: the program
// continues on the next line remotely, the origin relays its output and exits with its
// exit code; fork's copies see 1…n and PRNGs of their own; nested A → B → C and
// back-teleport home; a target that cannot be reached leaves the program where it was.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { gatewayTargets, programFile, vmrun } from "./transport-helpers";

const T = { timeout: 120_000 };
const KEY = "the teleport tests' shared key";

interface Target {
  /** The spec a program teleports to (from the origin and from each hop). */
  spec: string;
  env: Record<string, string>;
}

const GATEWAYS = gatewayTargets(KEY);

for (const [name, setup, skip] of GATEWAYS) {
  test(
    `teleport over ${name}: the next line runs remotely, output relayed, remote exit code`,
    { ...T, skip },
    async (t) => {
      const target = await setup(t);
      const file = programFile(
        t,
        "teleport.js",
        `const { teleport } = require("jaunt");
       const origin = process.pid;
       const greeting = ["hello", "from"];
       console.log("before");
       const r = teleport(${JSON.stringify(target.spec)});
       greeting.push("afar");
       console.log(greeting.join(" "), r.teleported, process.pid !== origin);
       console.error("remote stderr");
       process.exitCode = 7;`,
      );
      const r = await vmrun(file, { env: target.env });
      assert.equal(r.stdout, "before\nhello from afar true true\n", r.stderr);
      assert.match(r.stderr, /remote stderr\n/);
      assert.equal(r.code, 7);
    },
  );

  test(
    `fork(4) over ${name}: copies see 1…4 with PRNGs of their own, the original 0, lines prefixed`,
    { ...T, skip },
    async (t) => {
      const target = await setup(t);
      const file = programFile(
        t,
        "fork.js",
        `const { fork } = require("jaunt");
       Math.random();
       const i = fork(${JSON.stringify(target.spec)}, 4, { prefix: true });
       process.stdout.write("copy " + i);
       console.log(" " + Math.random() + (i ? "\\nsecond line" : ""));`,
      );
      const r = await vmrun(file, { env: target.env });
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.trim().split("\n").sort();
      // The original's line as it is; each copy's lines (one written in two parts) prefixed.
      const copies = lines.map((l) => /^(?:\[(\d)\] )?(?:copy (\d) (\S+)|second line)$/.exec(l));
      assert.ok(copies.every(Boolean), r.stdout);
      assert.deepEqual(
        copies
          .filter((m) => m![2])
          .map((m) => [m![1], m![2]])
          .sort((a, b) => Number(a[1]) - Number(b[1])),
        [
          [undefined, "0"],
          ["1", "1"],
          ["2", "2"],
          ["3", "3"],
          ["4", "4"],
        ],
        r.stdout + r.stderr,
      );
      assert.deepEqual(
        copies.filter((m) => !m![2]).map((m) => m![1]),
        ["1", "2", "3", "4"],
        r.stdout,
      );
      const randoms = new Set(copies.filter((m) => m![3]).map((m) => m![3]));
      assert.equal(randoms.size, 5, "each copy has a PRNG of its own");
    },
  );

  test(
    `nested teleport over ${name}: A → B → C, then back to B and home to A`,
    { ...T, skip },
    async (t) => {
      const target = await setup(t);
      const file = programFile(
        t,
        "nested.js",
        `const { teleport } = require("jaunt");
       const pids = [process.pid];
       teleport(${JSON.stringify(target.spec)});
       pids.push(process.pid);
       teleport(${JSON.stringify(target.spec)});
       pids.push(process.pid);
       console.log("on C", pids.length, pids[0] !== pids[2]);
       teleport("origin");
       console.log("back on B", process.pid === pids[1]);
       teleport("origin");
       console.log("home", process.pid === pids[0]);
       process.exitCode = 5;`,
      );
      const r = await vmrun(file, { env: target.env });
      assert.equal(r.stdout, "on C 3 true\nback on B true\nhome true\n", r.stderr);
      assert.equal(r.code, 5);
    },
  );
}

// A program that came home and moves to the same target again goes to the remote it
// left (its runtime is started already): the connection it came home on carries it.
test("teleport there, home, and there again: the same remote process", T, async (t) => {
  const file = programFile(
    t,
    "twice.js",
    `const { teleport } = require("jaunt");
     const home = process.pid;
     teleport("popen");
     const first = process.pid;
     teleport("origin");
     console.log("home", process.pid === home);
     teleport("popen");
     console.log("again", process.pid !== home, process.pid === first);
     process.exitCode = 4;`,
  );
  const r = await vmrun(file, {});
  assert.equal(r.stdout, "home true\nagain true true\n", r.stderr);
  assert.equal(r.code, 4);
});

test(
  "teleport to a target that cannot be reached throws there and the program goes on",
  T,
  async (t) => {
    const file = programFile(
      t,
      "unreachable.js",
      `const { teleport } = require("jaunt");
     try { teleport("socket=127.0.0.1:1"); } catch (e) { console.log("stayed:", e.code); }
     try { teleport("origin"); } catch (e) { console.log("no origin:", e.code); }
     try { teleport("telnet=x"); } catch (e) { console.log("bad spec:", e.code); }
     const { fork } = require("jaunt");
     try { fork("popen", 1, { prefix: 3 }); } catch (e) { console.log("bad prefix:", e.code); }
     try { fork("popen", 1, null); } catch (e) { console.log("bad options:", e.code); }
     console.log("still here", process.pid > 0);`,
    );
    const r = await vmrun(file, { env: { JAUNT_SOCKET_KEY: KEY } });
    assert.equal(
      r.stdout,
      "stayed: ERR_JAUNT_CONNECT\nno origin: ERR_JAUNT_NO_ORIGIN\nbad spec: ERR_JAUNT_BAD_SPEC\n" +
        "bad prefix: ERR_INVALID_ARG_TYPE\nbad options: ERR_INVALID_ARG_TYPE\nstill here true\n",
      r.stderr,
    );
    assert.equal(r.code, 0);
  },
);

for (const [name, setup, skip] of GATEWAYS) {
  test(
    `import forwarding over ${name}: a file first required remotely comes from the origin`,
    { ...T, skip },
    async (t) => {
      const target = await setup(t);
      const file = programFile(
        t,
        "main.js",
        `const { teleport } = require("jaunt");
       const fs = require("fs");
       const path = require("path");
       teleport(${JSON.stringify(target.spec)});
       // Remotely (same disk in this test): hide the never-loaded helper, so only the
       // origin's manifest can provide it.
       const helper = path.join(__dirname, "lib", "helper.js");
       fs.renameSync(helper, helper + ".away");
       try {
         console.log(require("./lib/helper").greet("forwarded"));
       } finally {
         fs.renameSync(helper + ".away", helper);
       }
       try { require("./lib/nope"); } catch (e) { console.log(e.code); }`,
      );
      const dir = path.dirname(file);
      fs.mkdirSync(path.join(dir, "lib"));
      fs.writeFileSync(
        path.join(dir, "lib", "helper.js"),
        'exports.greet = (w) => "hello " + w + " " + require("../data.json").n;',
      );
      fs.writeFileSync(path.join(dir, "data.json"), '{ "n": 7 }');
      const r = await vmrun(file, { env: target.env });
      assert.equal(r.stdout, "hello forwarded 7\nMODULE_NOT_FOUND\n", r.stderr);
      assert.equal(r.code, 0);
    },
  );
}

test("fork's prefixed output goes out in whole lines", async () => {
  const { prefixLines } = await import("../transport/programs");
  const out: string[] = [];
  const w = prefixLines((t) => void out.push(t), "[2] ");
  w("copy 2");
  out.push("copy 0 from the original\n");
  w(" 0.5\nsecond");
  w(" line\nlast, no newline");
  w.flush();
  assert.deepEqual(out, [
    "copy 0 from the original\n",
    "[2] copy 2 0.5\n",
    "[2] second line\n",
    "[2] last, no newline",
  ]);
});

/**
 * Runs a traced popen teleport and asserts that the origin reached milestone `first`
 * before `then` (the trace's lines, JAUNT_TRANSPORT_TRACE).
 */
async function assertOriginOrder(
  t: { after(f: () => void): void },
  first: string,
  then: string,
): Promise<void> {
  const file = programFile(
    t,
    "traced.js",
    `require("jaunt").teleport("popen"); console.log("there");`,
  );
  const r = await vmrun(file, { env: { JAUNT_TRANSPORT_TRACE: "1" } });
  assert.equal(r.stdout, "there\n", r.stderr);
  const origin = /\[jaunt (\d+) /.exec(r.stderr)![1];
  const milestones = r.stderr
    .split("\n")
    .filter((l) => l.startsWith(`[jaunt ${origin} `))
    .map((l) => l.replace(/^\[[^\]]*\] /, ""));
  const at = (m: string) => milestones.findIndex((l) => l.startsWith(m));
  assert.ok(at(first) >= 0, milestones.join("\n"));
  assert.ok(at(first) < at(then), milestones.join("\n"));
}

// The program folder's module manifest (files read and hashed) is collected while the
// remote starts, not after its Hello: it is off the path to the first remote line.
test("teleport collects the module manifest before the gateway is open", T, (t) =>
  assertOriginOrder(t, "module manifest collected", "gateway open"),
);

// The program follows the payload on the remote's stdin: it is sent before the remote's
// Hello arrives, so the remote never waits a round trip for it.
test("teleport sends its program to a remote it starts before that remote's Hello", T, (t) =>
  assertOriginOrder(t, "snapshot sent", "Hello received"),
);

// A teleported program's compiled programs travel with it to a remote bootstrapped with
// this runtime (vm/runtime/program-offers.ts): the remote compiles none of them (its own
// program, the `jaunt` module's files, a module of its folder), and loads no parser.
test("teleport sends the snapshot's programs compiled to a popen remote", T, async (t) => {
  const file = programFile(
    t,
    "compiled.js",
    `const helper = require("./helper.js");
     require("jaunt").teleport("popen");
     console.log(helper("there"));`,
  );
  fs.writeFileSync(path.join(path.dirname(file), "helper.js"), `module.exports = (s) => s + "!";`);
  const r = await vmrun(file, { env: { JAUNT_TRANSPORT_TRACE: "1" } });
  assert.equal(r.stdout, "there!\n", r.stderr);
  const taken = Number(/compiled programs taken: (\d+)/.exec(r.stderr)?.[1]);
  const used = Number(/program resumed \(offered programs used: (\d+)\)/.exec(r.stderr)?.[1]);
  assert.ok(taken >= 3, r.stderr);
  assert.equal(used, taken, r.stderr);
});
