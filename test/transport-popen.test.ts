// popen gateways: a real child node started by the first stage with the bundle on
// stdin, programs resumed there, and the failure cases from Mitogen's torture tests
// (a node too old, stdin ending mid-bootstrap, a peer that hangs, a peer that sends
// garbage, stray writes to fd 1, a peer that dies mid-program).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { Gateway, RemoteFailure } from "../transport/gateway";
import { runtimePayload } from "../transport/bundle";
import { STAGE1, framedPayload } from "../transport/stage1";
import { collector, script, snapshotOf, tempDir, within } from "./transport-helpers";

const T = { timeout: 60_000 };

const PROGRAM = `
let n = 0;
for (let i = 0; i < 100; i++) n += i;
console.log("sum", n);
console.error("on stderr");
process.exitCode = 3;
`;

test("popen: a snapshot resumes in a child node; output and exit code come back", T, async () => {
  const gw = await within(Gateway.open("popen"), 30_000, "open");
  try {
    assert.notEqual(gw.remote.pid, process.pid);
    const io = collector();
    const run = gw.resume(snapshotOf(PROGRAM, 5), io);
    await within(run.accepted, 10_000, "accepted");
    assert.equal(await within(run.exit, 10_000, "exit"), 3);
    assert.match(io.out, /^sum 4950\n/);
    assert.equal(io.err, "on stderr\n");
  } finally {
    await gw.close();
  }
});

// A gateway opened with no program to send at once (Gateway.open, fork) tells its
// remote to build the realm its VMs are copied from while it waits (gw.prepare); a
// program sent at once (teleport) builds its own: it would wait for the build, then
// pay for a copy. Either way the program runs as it would.
test(
  "popen: the remote builds its realm before its first program only when told",
  { timeout: 180_000 },
  async () => {
    const run = async (prepare: boolean) => {
      let err = "";
      const gw = await within(
        Gateway.open("popen//env:JAUNT_TRANSPORT_TRACE=1", { onStderr: (t) => void (err += t) }),
        60_000,
        "open",
      );
      try {
        if (prepare) {
          gw.prepare();
          // Until the realm is built: the program is sent after it.
          for (let i = 0; i < 600 && !err.includes("] realm built"); i++)
            await new Promise((r) => setTimeout(r, 50));
        }
        const io = collector();
        assert.equal(await within(gw.resume(snapshotOf(PROGRAM, 5), io).exit, 20_000, "exit"), 3);
        assert.match(io.out, /^sum 4950\n/);
      } finally {
        await gw.close();
      }
      return err;
    };
    const told = await run(true);
    const built = told.indexOf("] realm built");
    assert.ok(built >= 0 && built < told.indexOf("] program received"), told);
    const untold = await run(false);
    assert.match(untold, /\] program resumed/);
    assert.doesNotMatch(untold, /\] realm built/);
  },
);

test(
  "popen: chdir= is the remote's working folder (env: is tested with NODE_OPTIONS below)",
  T,
  async (t) => {
    const dir = fs.realpathSync(tempDir(t));
    const gw = await within(Gateway.open(`popen//chdir=${dir}`), 30_000, "open");
    try {
      const io = collector();
      assert.equal(
        await within(
          gw.resume(snapshotOf(`console.log(process.cwd())`, 1), io).exit,
          20_000,
          "exit",
        ),
        0,
      );
      assert.equal(io.out, `${dir}\n`);
    } finally {
      await gw.close();
    }
  },
);

test("popen: one connection runs several programs (the bundle is sent once)", T, async () => {
  const gw = await within(Gateway.open("popen"), 30_000, "open");
  try {
    const runs = [1, 2, 3].map((k) => {
      const io = collector();
      return { io, run: gw.resume(snapshotOf(`console.log("copy", ${k}, process.pid);`, 1), io) };
    });
    const codes = await within(Promise.all(runs.map((r) => r.run.exit)), 20_000, "exits");
    assert.deepEqual(codes, [0, 0, 0]);
    for (const [i, r] of runs.entries())
      assert.equal(r.io.out, `copy ${i + 1} ${gw.remote.pid}\n`, "all in the one remote process");
  } finally {
    await gw.close();
  }
});

test(
  "popen: a snapshot the remote cannot decode is refused, and the gateway still works",
  T,
  async () => {
    const gw = await within(Gateway.open("popen"), 30_000, "open");
    try {
      const bad = gw.resume(new Uint8Array([1, 2, 3]), collector());
      await assert.rejects(
        bad.accepted,
        (e: unknown) => e instanceof RemoteFailure && /snapshot/i.test(e.message),
      );
      await assert.rejects(bad.exit, RemoteFailure);
      const io = collector();
      assert.equal(
        await within(gw.resume(snapshotOf(`console.log("fine")`, 1), io).exit, 20_000, "exit"),
        0,
      );
      assert.equal(io.out, "fine\n");
    } finally {
      await gw.close();
    }
  },
);

test("popen: a remote node that is too old is named", T, async (t) => {
  const dir = tempDir(t);
  const preload = path.join(dir, "old.js");
  fs.writeFileSync(
    preload,
    `Object.defineProperty(process, "versions", { value: { ...process.versions, node: "14.21.3" } });`,
  );
  const node = script(dir, "old-node", `exec "${process.execPath}" --require "${preload}" "$@"`);
  await assert.rejects(Gateway.open(`popen//node=${node}`, { onStderr() {} }), (e: Error) => {
    assert.match(e.message, /too old/);
    assert.match(e.message, /v14\.21\.3; jaunt needs node >= 20/);
    return true;
  });
});

test(
  "popen: stdin ending in the middle of the payload is reported by the first stage",
  T,
  async () => {
    const payload = framedPayload(runtimePayload());
    const child = spawn(process.execPath, ["-e", STAGE1, "tok"], {
      stdio: ["pipe", "pipe", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.stdin.end(payload.subarray(0, 1000));
    const code = await within(new Promise((r) => child.on("exit", r)), 20_000, "exit");
    assert.equal(code, 98);
    assert.match(err, /payload ended after 1000 of \d+ bytes/);
  },
);

test("popen: a program sent before the gateway is open runs once it is", T, async () => {
  const opening = Gateway.start("popen");
  const io = collector();
  const prog = opening.early!(snapshotOf(`console.log("early")`, 1), io, {});
  const gw = await within(opening.gateway, 30_000, "open");
  try {
    await within(prog.accepted, 20_000, "accepted");
    assert.equal(await within(prog.exit, 20_000, "exit"), 0);
    assert.equal(io.out, "early\n");
  } finally {
    await gw.close();
  }
});

test(
  "popen: a program sent early to a remote that never starts fails as the gateway does",
  T,
  async (t) => {
    const dir = tempDir(t);
    const node = script(dir, "gone", `exit 3`);
    const opening = Gateway.start(`popen//node=${node}`, { onStderr() {} });
    const prog = opening.early!(snapshotOf(`console.log("never")`, 1), {}, {});
    await assert.rejects(opening.gateway, /exited before it started \(exit code 3\)/);
    await assert.rejects(within(prog.accepted, 20_000, "refused"));
    await assert.rejects(within(prog.exit, 20_000, "failed"));
  },
);

// Stage 1 reads the payload with blocking reads; a stdin left non-blocking by whoever
// started node (EAGAIN) is read as a stream instead. python3 sets O_NONBLOCK and execs node.
test(
  "popen: the first stage reads a non-blocking stdin too",
  { ...T, skip: spawnSync("python3", ["-c", "1"]).status === 0 ? false : "no python3" },
  async (t) => {
    const dir = tempDir(t);
    const node = script(
      dir,
      "nonblocking-node",
      `exec python3 -c 'import fcntl, os, sys; fcntl.fcntl(0, fcntl.F_SETFL, fcntl.fcntl(0, fcntl.F_GETFL) | os.O_NONBLOCK); os.execv(sys.argv[1], sys.argv[1:])' "${process.execPath}" "$@"`,
    );
    const gw = await within(Gateway.open(`popen//node=${node}`), 30_000, "open");
    try {
      const io = collector();
      assert.equal(
        await within(gw.resume(snapshotOf(`console.log("read")`, 1), io).exit, 20_000, "exit"),
        0,
      );
      assert.equal(io.out, "read\n");
    } finally {
      await gw.close();
    }
  },
);

test("popen: a peer that never answers times out and is killed", T, async (t) => {
  const dir = tempDir(t);
  const pidFile = path.join(dir, "pid");
  const node = script(dir, "hang", `echo $$ > "${pidFile}"; exec sleep 60`);
  await assert.rejects(
    Gateway.open(`popen//node=${node}`, { timeoutMs: 1500 }),
    /no answer from the remote within 1500 ms/,
  );
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  await new Promise((r) => setTimeout(r, 200));
  assert.throws(() => process.kill(pid, 0), /ESRCH/, "the hung process was killed");
});

test(
  "popen: a peer that sends garbage after its marker is refused with the problem named",
  T,
  async (t) => {
    const dir = tempDir(t);
    // The fake node gets -e STAGE1 TOKEN: print the marker, then text that is not a frame.
    const node = script(
      dir,
      "garbage",
      `printf 'JAUNT:%s\\nWelcome to the machine\\n' "$3" >&3; sleep 5`,
    );
    await assert.rejects(Gateway.open(`popen//node=${node}`, { timeoutMs: 10_000 }), (e: Error) => {
      assert.match(e.message, /no frame magic at offset 0.*Welcome/);
      return true;
    });
  },
);

test("popen: stray writes to fd 1 on the remote do not reach the frame stream", T, async (t) => {
  const dir = tempDir(t);
  const preload = path.join(dir, "noisy.js");
  fs.writeFileSync(
    preload,
    `require("fs").writeSync(1, "noise at start\\n"); setTimeout(() => require("fs").writeSync(1, "noise later\\n"), 50).unref();`,
  );
  let stray = "";
  const gw = await within(
    Gateway.open(`popen//env:NODE_OPTIONS=--require ${preload}`, { onStderr: (s) => (stray += s) }),
    30_000,
    "open",
  );
  try {
    const io = collector();
    const prog = `setTimeout(() => console.log("after the noise"), 200);`;
    assert.equal(await within(gw.resume(snapshotOf(prog, 1), io).exit, 20_000, "exit"), 0);
    assert.equal(io.out, "after the noise\n");
    assert.match(stray, /noise at start\n[^]*noise later\n/);
  } finally {
    await gw.close();
  }
});

// `performance` loads perf_hooks and 8 of node's internal modules on first use: a
// remote's start reads process.hrtime instead, and only a trace that is on reads it.
test("popen: a remote resumes a program without loading perf_hooks", T, async (t) => {
  const dir = tempDir(t);
  const preload = path.join(dir, "modules.js");
  const list = path.join(dir, "modules.txt");
  fs.writeFileSync(
    preload,
    `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join("\\n")));`,
  );
  const gw = await within(
    Gateway.open(`popen//env:NODE_OPTIONS=--require ${preload}`),
    30_000,
    "open",
  );
  try {
    const io = collector();
    assert.equal(await within(gw.resume(snapshotOf(PROGRAM, 5), io).exit, 20_000, "exit"), 3);
    assert.match(io.out, /^sum 4950\n/);
  } finally {
    await gw.close();
  }
  const loaded = fs.readFileSync(list, "utf8").split("\n");
  assert.ok(loaded.includes("NativeModule zlib"), "the list is the remote's");
  assert.ok(!loaded.includes("NativeModule perf_hooks"), "perf_hooks was loaded");
});

test(
  "popen: a remote that dies mid-program wakes the waiting origin with an error",
  T,
  async () => {
    const gw = await within(Gateway.open("popen"), 30_000, "open");
    try {
      const io = collector();
      const run = gw.resume(snapshotOf(`console.log("up"); setInterval(() => {}, 1000);`, 1), io);
      await within(run.accepted, 10_000, "accepted");
      process.kill(gw.remote.pid, "SIGKILL");
      await assert.rejects(within(run.exit, 10_000, "exit"), (e: Error & { code?: string }) => {
        assert.equal(e.code, "ERR_JAUNT_DISCONNECTED");
        return true;
      });
    } finally {
      await gw.close();
    }
  },
);

test("popen via popen: a hop started from the remote, its frames relayed", T, async () => {
  const gw = await within(Gateway.open("popen//via=popen"), 30_000, "open");
  try {
    const io = collector();
    const run = gw.resume(snapshotOf(`console.log("two hops", process.pid)`, 1), io);
    assert.equal(await within(run.exit, 20_000, "exit"), 0);
    assert.equal(io.out, `two hops ${gw.remote.pid}\n`);
    // Its parent is the first hop, not this process.
    const ppid = Number(
      fs.readFileSync(`/proc/${gw.remote.pid}/stat`, "utf8").split(") ")[1].split(" ")[1],
    );
    assert.ok(ppid > 0);
    assert.notEqual(ppid, process.pid);
  } finally {
    await gw.close();
  }
});

test(
  "popen: a slow reader of the output pauses the remote guest instead of piling it up there",
  T,
  async (t) => {
    const progress = path.join(tempDir(t), "progress");
    // 200 lines of 64 KB (12.8 MB); the guest notes how far it got in a file.
    const prog = `const fs = require("fs"); const line = "x".repeat(65535) + "\\n";
      for (let i = 0; i < 200; i++) { process.stdout.write(line); fs.writeFileSync(${JSON.stringify(progress)}, String(i)); }`;
    let stray = "";
    const onStderr = (text: string) => void (stray += text);
    const gw = await within(Gateway.open("popen", { onStderr }), 30_000, "open");
    try {
      let received = 0;
      let reachedWhilePaused = -1;
      const stdout = (text: string) => {
        received += text.length;
        if (reachedWhilePaused >= 0) return;
        // The first output: stop reading for a while, then see how far the guest went.
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            reachedWhilePaused = Number(fs.readFileSync(progress, "utf8"));
            resolve();
          }, 1500),
        );
      };
      const run = gw.resume(snapshotOf(prog, 1), { stdout, stderr() {} });
      assert.equal(await within(run.exit, 40_000, "exit"), 0);
      assert.equal(received, 200 * 65536, "nothing lost");
      // Unpaused it would have written all 200 lines (12.8 MB) into its back-log; held,
      // it stops near the mark (256 KB) plus the pipe and one slice of guest work.
      assert.ok(
        reachedWhilePaused >= 0 && reachedWhilePaused < 60,
        `the guest wrote ${reachedWhilePaused + 1} lines while the reader was paused`,
      );
      // Many writes while held share one wait (no listener piles up on the remote).
      assert.doesNotMatch(stray, /MaxListeners/);
    } finally {
      await gw.close();
    }
  },
);
