// ssh= gateways against a real sshd on 127.0.0.1 (started here with keys of its own):
// the system ssh client, host keys checked, nothing installed on the "remote" side but
// node (the bundle comes over the session's stdin).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Gateway } from "../transport/gateway";
import { collector, snapshotOf, sshdMissing, startSshd, within } from "./transport-helpers";

const missing = sshdMissing();
const T = { timeout: 90_000, skip: missing ?? false };

test("ssh: a snapshot resumes over ssh, output and exit code come back", T, async (t) => {
  const sshd = await startSshd(t);
  const gw = await within(
    Gateway.open("ssh=jaunt-test", { sshArgs: ["-F", sshd.config] }),
    60_000,
    "open",
  );
  try {
    const io = collector();
    const prog = `console.log("over ssh", process.pid !== ${process.pid}); console.error("err"); process.exitCode = 4;`;
    assert.equal(await within(gw.resume(snapshotOf(prog, 1), io).exit, 30_000, "exit"), 4);
    assert.equal(io.out, "over ssh true\n");
    assert.equal(io.err, "err\n");
  } finally {
    await gw.close();
  }
});

test("ssh: user@host:port, chdir= and env: are passed to the remote command", T, async (t) => {
  const sshd = await startSshd(t);
  const dir = fs.realpathSync(sshd.dir);
  const user = require("node:os").userInfo().username;
  const preload = path.join(dir, "env.js");
  fs.writeFileSync(
    preload,
    `require("fs").writeSync(2, "remote env " + process.env.JAUNT_T + "\\n");`,
  );
  let stray = "";
  // No alias: the target, port and options all come from the spec; keys from -i/-o.
  const spec = `ssh=${user}@127.0.0.1:${sshd.port}//chdir=${dir}//env:JAUNT_T=a b//env:NODE_OPTIONS=--require ${preload}`;
  const sshArgs = [
    "-i",
    path.join(dir, "userkey"),
    "-o",
    "IdentitiesOnly=yes",
    "-o",
    `UserKnownHostsFile=${path.join(dir, "known_hosts")}`,
    "-o",
    "GlobalKnownHostsFile=/dev/null",
    "-o",
    "StrictHostKeyChecking=yes",
    "-F",
    "/dev/null",
  ];
  const gw = await within(
    Gateway.open(spec, { sshArgs, onStderr: (s) => (stray += s) }),
    60_000,
    "open",
  );
  try {
    const io = collector();
    assert.equal(
      await within(gw.resume(snapshotOf(`console.log(process.cwd())`, 1), io).exit, 30_000, "exit"),
      0,
    );
    assert.equal(io.out, `${dir}\n`);
    assert.match(stray, /remote env a b\n/);
  } finally {
    await gw.close();
  }
});

test("ssh: a host key that does not match known_hosts is refused", T, async (t) => {
  const sshd = await startSshd(t);
  // Another key in known_hosts for the same host and port.
  const other = fs
    .readFileSync(path.join(sshd.dir, "userkey.pub"), "utf8")
    .trim()
    .split(" ")
    .slice(0, 2)
    .join(" ");
  fs.writeFileSync(path.join(sshd.dir, "known_hosts"), `[127.0.0.1]:${sshd.port} ${other}\n`);
  await assert.rejects(
    Gateway.open("ssh=jaunt-test", { sshArgs: ["-F", sshd.config], onStderr() {} }),
    (e: Error) => {
      assert.match(e.message, /ssh failed/);
      assert.match(e.message, /host key/i);
      return true;
    },
  );
});
