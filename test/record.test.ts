// vmrun --record DIR and vmresume DIR --at STEP (time travel), through the real tools:
// resuming at recorded and in-between steps prints node's output from that point on
// (what node printed minus what the run had printed by that step, which is what
// `vmsnap --at-step STEP` prints); shared content is stored once; a damaged recording
// and steps outside the run are refused in one line; stateAt gives the state at a step.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { decode as cborDecode, encode as cborEncode } from "cbor-x";
import { chunkBounds, itemEnd } from "../bin/cbor-chunks";
import { spawnSync } from "node:child_process";
import { BIN, programIn, runCli, runNode } from "./harness";
import { stateAt } from "../bin/time-travel";
import { RecordReader } from "../bin/record-store";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-record-"));
const write = programIn(tmp);

// Computation, timers and both streams (a seeded generator: node's output is the oracle).
const prog = write(
  "travel.js",
  `const seen = [];
let n = 0, seed = 7;
function tick() {
  n++;
  seed = (seed * 1103515245 + 12345) % 2147483648;
  seen.push(seed % 100);
  console.log("tick", n, seen.reduce((a, b) => a + b, 0));
  if (n % 4 === 0) console.error("quarter", n);
  if (n < 12) setTimeout(tick, 5);
  else process.exitCode = 2;
}
console.log("start");
setTimeout(tick, 5);
`,
);

function record(dir: string, args: string[], file = prog) {
  const r = runCli("vmrun", ["--record", dir, ...args, file], tmp);
  return { ...r, end: JSON.parse(fs.readFileSync(path.join(dir, "end.json"), "utf8")) };
}

test("vmresume DIR --at STEP prints node's output from that step on, at recorded steps and between them", () => {
  const plain = runNode(prog);
  const dir = path.join(tmp, "rec");
  const rec = record(dir, ["--every", "100"]);
  // Recording changes nothing the program prints.
  assert.deepEqual({ stdout: rec.stdout, stderr: rec.stderr, code: rec.code }, plain);
  const total: number = rec.end.steps;
  assert.ok(total > 400, `a run of ${total} steps`);
  const reader = new RecordReader(dir);
  assert.deepEqual(
    reader.steps,
    Array.from({ length: Math.floor(total / 100) + 1 }, (_, i) => i * 100),
  );
  for (const at of [0, 100, 137, Math.floor(total / 2) + 1, total - 1, total]) {
    const after = runCli("vmresume", [dir, "--at", String(at)], tmp);
    // What the run had printed by step `at`: vmsnap runs exactly that far.
    const before =
      at === 0
        ? { stdout: "", stderr: "" }
        : at === total
          ? plain
          : runCli("vmsnap", [prog, "--at-step", String(at), "-o", path.join(tmp, "x.snap")], tmp);
    assert.equal(before.stdout + after.stdout, plain.stdout, `stdout at step ${at}`);
    assert.equal(before.stderr + after.stderr, plain.stderr, `stderr at step ${at}`);
    assert.equal(after.code, plain.code, `exit code at step ${at}`);
    // A recorded step's manifest knows how much was printed before it.
    if (reader.steps.includes(at))
      assert.equal(reader.manifest(at).stdout, Buffer.byteLength(before.stdout));
  }
});

test("stateAt gives the state at a step, recorded or in between", async () => {
  const dir = path.join(tmp, "rec-state");
  record(dir, ["--every", "150"]);
  const plain = runNode(prog);
  for (const at of [150, 222]) {
    const snap = path.join(tmp, `state-${at}.snap`);
    fs.writeFileSync(snap, await stateAt(dir, at));
    const header = (cborDecode(fs.readFileSync(snap)) as [unknown, unknown, { steps: number }])[2];
    assert.equal(header.steps, at);
    const before = runCli(
      "vmsnap",
      [prog, "--at-step", String(at), "-o", path.join(tmp, "y.snap")],
      tmp,
    );
    assert.equal(before.stdout + runCli("vmresume", [snap], tmp).stdout, plain.stdout);
  }
});

test("content shared between snapshots is stored once", () => {
  // A large program source is in every snapshot and in the recording once.
  const big = write(
    "big.js",
    `const table = ${JSON.stringify(Array.from({ length: 3000 }, (_, i) => `entry ${i}`))};\n` +
      "let s = 0;\nfor (let i = 0; i < 3000; i++) s += table[i].length;\nconsole.log(s);\n",
  );
  const dir = path.join(tmp, "rec-big");
  const rec = record(dir, ["--every", "2000"], big);
  assert.equal(rec.stdout, runNode(big).stdout);
  const { snapshots, snapshotBytes, storedBytes } = rec.end;
  assert.ok(snapshots >= 5, `${snapshots} snapshots`);
  assert.ok(
    storedBytes < snapshotBytes / 3,
    `stored ${storedBytes} bytes for ${snapshotBytes} bytes of snapshots`,
  );
  const files = fs.readdirSync(dir);
  const onDisk = files.reduce((a, f) => a + fs.statSync(path.join(dir, f)).size, 0);
  assert.equal(onDisk, storedBytes);
  assert.ok(!files.some((f) => f.endsWith(".tmp")));
});

test("the default interval keeps recording cheap, and records step 0", () => {
  const dir = path.join(tmp, "rec-auto");
  const rec = record(dir, []);
  assert.equal(rec.stdout, runNode(prog).stdout);
  const steps = new RecordReader(dir).steps;
  assert.equal(steps[0], 0);
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, "recording.json"), "utf8")).every, "auto");
});

test("bad recordings, steps and options are refused in one line", () => {
  const dir = path.join(tmp, "rec-bad");
  const rec = record(dir, ["--every", "200"]);
  const total: number = rec.end.steps;
  const refused = (args: string[], code: number, line: RegExp) => {
    const r = runCli("vmresume", args, tmp);
    assert.equal(r.stdout, "");
    assert.equal(r.code, code, r.stderr);
    assert.match(r.stderr, line);
    assert.equal(r.stderr.split("\n").length, 2, r.stderr);
  };
  refused(
    [dir, "--at", String(total + 1)],
    2,
    new RegExp(`ended at step ${total}, before step ${total + 1}\\n$`),
  );
  refused([dir], 9, /is a recording: say where with --at STEP/);
  refused([dir, "--at", "x"], 9, /--at must be a non-negative integer/);
  refused([prog, "--at", "3"], 2, /--at needs a recording folder; .* is not a folder/);
  refused([tmp, "--at", "3"], 2, /--at needs a recording folder; .* without recording\.json/);
  // A damaged chunk is found by its hash.
  const pack = path.join(dir, "200.pack");
  const bytes = fs.readFileSync(pack);
  bytes[bytes.length >> 1] ^= 0xff;
  fs.writeFileSync(pack, bytes);
  refused([dir, "--at", "250"], 2, /step 200: a chunk in 200\.pack .* does not match its hash/);
  // Steps before the damage are still there.
  const early = runCli("vmresume", [dir, "--at", "150"], tmp);
  assert.equal(early.code, rec.code, early.stderr);
});

test("vmrun --record checks its folder and options before the program runs", () => {
  const noisy = write("noisy.js", "console.log('ran');\n");
  const full = path.join(tmp, "full");
  fs.mkdirSync(full);
  fs.writeFileSync(path.join(full, "x"), "");
  for (const [args, code, line] of [
    [["--record", full, noisy], 1, /^vmrun: cannot record into .*full: the folder is not empty\n$/],
    [
      ["--record", path.join(tmp, "no", "such"), noisy],
      1,
      /^vmrun: cannot record into .*: folder .*no: no such file or directory\n$/,
    ],
    [["--every", "5", noisy], 9, /^vmrun: --every applies to --record only\n$/],
    [
      ["--record", path.join(tmp, "r2"), "--every", "0", noisy],
      9,
      /^vmrun: --every must be a positive integer, got '0'\n$/,
    ],
  ] as const) {
    const r = runCli("vmrun", [...args], tmp);
    assert.equal(r.stdout, "", "the program did not run");
    assert.equal(r.code, code, r.stderr);
    assert.match(r.stderr, line);
  }
  assert.ok(!fs.existsSync(path.join(tmp, "r2")));
});

test("snapshots are cut at CBOR item boundaries, the same way where they agree", () => {
  const records = Array.from({ length: 2000 }, (_, i) => [0, i, `name ${i}`, { x: i }]);
  const chunks = (value: unknown) => {
    const bytes = cborEncode(value);
    const cuts = chunkBounds(bytes);
    assert.equal(cuts[0], 0);
    assert.equal(cuts[cuts.length - 1], bytes.length);
    return cuts.slice(1).map((end, i) => Buffer.from(bytes.subarray(cuts[i], end)).toString("hex"));
  };
  const a = chunks([{ magic: "x" }, records, { steps: 1 }]);
  const b = chunks([
    { magic: "x" },
    records.map((r, i) => (i === 1500 ? [0, i, "changed", {}] : r)),
    { steps: 2 },
  ]);
  assert.ok(a.length > 20, `${a.length} chunks`);
  const shared = a.filter((c) => b.includes(c)).length;
  assert.ok(shared >= a.length - 3, `${shared} of ${a.length} chunks shared`);
  // Indefinite lengths, tags, and malformed input.
  assert.equal(itemEnd(Uint8Array.from([0x9f, 0x01, 0xc1, 0x02, 0xff, 0x07]), 0), 5);
  assert.throws(() => chunkBounds(Uint8Array.from([0x83, 0x01])), /CBOR ends inside an item/);
  assert.throws(() => chunkBounds(Uint8Array.from([0x01, 0x02])), /bytes after its item/);
});

test("a recording that cannot be written stops, and the program runs on", () => {
  const dir = path.join(tmp, "rec-full");
  // Files of 512 bytes at most: recording.json fits, the first snapshot does not.
  const r = spawnSync(
    "sh",
    [
      "-c",
      `ulimit -f 1; exec "${process.execPath}" "${path.join(BIN, "vmrun.js")}" "$@"`,
      "sh",
      "--record",
      dir,
      prog,
    ],
    { encoding: "utf8", cwd: tmp },
  );
  const plain = runNode(prog);
  assert.equal(r.stdout, plain.stdout);
  assert.equal(r.stderr, `vmrun: recording stopped: ${dir}: file too large\n` + plain.stderr);
  assert.equal(r.status, plain.code);
  assert.deepEqual(fs.readdirSync(dir), ["recording.json"]);
});
