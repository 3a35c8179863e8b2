// bin/startup-snapshot.ts: vmrun and vmresume started from a V8 startup snapshot of
// their modules and the pristine realm (an experiment, see bin/README.md) behave as
// the tools do. Building the snapshot also checks that the runtime can be held in one:
// nothing it builds at start-up may need what V8 installs only after deserializing
// (Atomics, SharedArrayBuffer and WebAssembly are missing while a snapshot is built).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BIN, ROOT } from "./harness";
import { buildStartupSnapshot } from "../bin/startup-snapshot";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-startup-snapshot-"));
const blob = path.join(tmp, "startup.blob");
test.before(() => buildStartupSnapshot(blob));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function fromSnapshot(
  args: string[],
  cwd = tmp,
): { status: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ["--snapshot-blob", blob, ...args], {
    cwd,
    encoding: "utf8",
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

function program(name: string, source: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, source);
  return file;
}

test("vmrun from the snapshot prints what node prints for hello.js", () => {
  const hello = path.join(ROOT, "examples", "hello.js");
  const node = spawnSync(process.execPath, [hello], { encoding: "utf8" });
  const r = fromSnapshot(["vmrun", hello]);
  assert.equal(r.err, "");
  assert.equal(r.status, 0);
  assert.equal(r.out, node.stdout);
});

test("the program sees its own argv, exit code and the host's Atomics", () => {
  const file = program(
    "argv.js",
    `const a = new Int32Array(new SharedArrayBuffer(8));
Atomics.add(a, 1, 7);
console.log(process.argv.slice(2).join(","), Atomics.load(a, 1));
process.exitCode = 3;`,
  );
  const r = fromSnapshot(["vmrun", file, "x", "--y"]);
  assert.equal(r.out, "x,--y 7\n");
  assert.equal(r.status, 3);
});

test("options are refused as vmrun refuses them, and --version answers", () => {
  const bad = fromSnapshot(["vmrun", "--bogus", "x.js"]);
  assert.equal(bad.status, 9);
  assert.match(bad.err, /^vmrun: /);
  const version = fromSnapshot(["vmrun", "--version"]);
  assert.equal(version.status, 0);
  assert.match(version.out, /^jaunt .*\(snapshot format \d+, compiler \d+, node v/);
});

test("vmresume from the snapshot resumes a small snapshot", () => {
  const file = program(
    "sum.js",
    "let s = 0;\nfor (let i = 0; i < 300; i++) s += i;\nconsole.log(s);\n",
  );
  const snap = path.join(tmp, "sum.snap");
  const made = spawnSync(
    process.execPath,
    [path.join(BIN, "vmsnap.js"), file, "--at-step", "500", "-o", snap],
    { encoding: "utf8" },
  );
  assert.equal(made.status, 0, made.stderr);
  const r = fromSnapshot(["vmresume", snap]);
  assert.equal(r.err, "");
  assert.equal(r.out, "44850\n");
  assert.equal(r.status, 0);
});
