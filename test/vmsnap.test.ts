// vmsnap --at-step N then vmresume: the two outputs joined equal a plain run, at
// several cut points, through the real command-line tools and real files.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { BIN, listPrograms, programIn, runCli, runJaunt } from "./harness";

const sample = listPrograms()
  .filter((f) => /\/(small-|closure-|finally-|exc-|uncaught-|exit-)/.test(f))
  .filter((_, i) => i % 8 === 0);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-snap-"));

// Each cut spawns two processes (about 0.3 s of start-up each), so a program is cut at
// two points: one inside, at a fraction that differs between programs, and the last
// instruction; the first program is also cut at its first instruction.
sample.forEach((file, i) => {
  test(`vmsnap + vmresume: ${path.basename(file)}`, () => {
    const plain = runJaunt(file);
    const total = plain.steps;
    const inside = Math.floor((total * ((i % 5) + 1)) / 6);
    for (const at of [i === 0 ? 1 : inside, inside, total - 1].filter(
      (s, i, a) => s > 0 && s < total && a.indexOf(s) === i,
    )) {
      const snap = path.join(dir, `${path.basename(file)}.${at}.snap`);
      const first = runCli(
        "vmsnap",
        [file, "--at-step", String(at), "-o", snap],
        path.dirname(file),
      );
      assert.equal(first.code, 0, `vmsnap at ${at}: ${first.stderr}`);
      const second = runCli("vmresume", [snap], path.dirname(file));
      assert.equal(first.stdout + second.stdout, plain.stdout, `stdout when cut at step ${at}`);
      assert.equal(first.stderr + second.stderr, plain.stderr, `stderr when cut at step ${at}`);
      assert.equal(second.code, plain.code, `exit code when cut at step ${at}`);
    }
  });
});

const write = programIn(dir);

test("vmsnap keeps every program argument after the program, options included", () => {
  const args = write(
    "args.js",
    "let s = 0;\nfor (let i = 0; i < 50; i++) s += i;\nconsole.log(process.argv.slice(2));\n",
  );
  const snap = path.join(dir, "args.snap");
  const first = runCli(
    "vmsnap",
    [args, "x", "--flag", "y", "--at-step", "5", "-o", snap, "-z=1"],
    dir,
  );
  assert.equal(first.code, 0, first.stderr);
  const second = runCli("vmresume", [snap], dir);
  assert.equal(second.stdout, "[ 'x', '--flag', 'y', '-z=1' ]\n");
});

test("a snapshot that cannot be written leaves the old file whole and no temporary file", () => {
  const folder = fs.mkdtempSync(path.join(dir, "full-"));
  const snap = path.join(folder, "a.snap");
  fs.writeFileSync(snap, "old contents");
  const prog = write(
    "full.js",
    "let s = 0;\nfor (let i = 0; i < 500; i++) s += i;\nconsole.log(s);\n",
  );
  // Files of 512 bytes at most: the target is "full" once the snapshot is half written.
  const r = spawnSync(
    "sh",
    [
      "-c",
      `ulimit -f 1; exec "${process.execPath}" "${path.join(BIN, "vmsnap.js")}" "$@"`,
      "sh",
      prog,
      "--at-step",
      "100",
      "-o",
      snap,
    ],
    { encoding: "utf8" },
  );
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^vmsnap: cannot write .*a\.snap: /);
  assert.equal(fs.readFileSync(snap, "utf8"), "old contents");
  assert.deepEqual(fs.readdirSync(folder), ["a.snap"]);
  if (process.getuid?.() !== 0) {
    // A read-only folder (root writes anyway, so only checked for other users).
    fs.chmodSync(folder, 0o500);
    const ro = runCli("vmsnap", [prog, "--at-step", "100", "-o", snap], dir);
    fs.chmodSync(folder, 0o700);
    assert.equal(ro.code, 1);
    assert.equal(fs.readFileSync(snap, "utf8"), "old contents");
  }
});

test("vmsnap and vmresume take vmrun's limits, checked before anything runs", () => {
  const deep = write(
    "deep.js",
    "function d(n) { return n === 0 ? 0 : 1 + d(n - 1); }\nlet s = 0;\nfor (let i = 0; i < 20; i++) s += i;\ntry { console.log(d(100)); } catch (e) { console.log(e.name); }\n",
  );
  const snap = path.join(dir, "deep.snap");
  // The limit given to vmsnap is part of the snapshot.
  assert.equal(
    runCli("vmsnap", [deep, "--max-call-depth", "50", "--at-step", "20", "-o", snap], dir).code,
    0,
  );
  assert.equal(runCli("vmresume", [snap], dir).stdout, "RangeError\n");
  // vmresume may tighten a limit, never loosen it.
  assert.equal(runCli("vmsnap", [deep, "--at-step", "20", "-o", snap], dir).code, 0);
  assert.equal(runCli("vmresume", [snap], dir).stdout, "100\n");
  assert.equal(runCli("vmresume", ["--max-call-depth", "50", snap], dir).stdout, "RangeError\n");
  assert.equal(runCli("vmresume", ["--snapshot-every", "7", snap], dir).stdout, "100\n");
  for (const [tool, args, line] of [
    [
      "vmresume",
      ["--max-heap-bytes", "abc", snap],
      "vmresume: --max-heap-bytes must be a non-negative integer (0 = no limit), got 'abc'",
    ],
    [
      "vmresume",
      ["--unhandled-rejections", "loud", snap],
      "vmresume: invalid value for --unhandled-rejections: 'loud' (expected one of throw, strict, warn, none, warn-with-error-code)",
    ],
    [
      "vmsnap",
      [deep, "--deadline-ms", "-1", "--at-step", "3", "-o", snap],
      "vmsnap: --deadline-ms must be a non-negative integer (0 = none), got '-1'",
    ],
  ] as const) {
    const r = runCli(tool, [...args], dir);
    assert.deepEqual(r, { stdout: "", stderr: line + "\n", code: 9 });
  }
  // That each tool's --help lists these options is checked with the rest of its help
  // in cli.test.ts (one --help run per tool).
});

test("vmsnap --compress writes a compressed snapshot that vmresume reads as it is", () => {
  const prog = path.join(dir, "compress.js");
  fs.writeFileSync(
    prog,
    'const a = [];\nfor (let i = 0; i < 300; i++) a.push({ i, s: "x" + i });\nconsole.log(a.length);\nconsole.log(a[299].s);\n',
  );
  const plain = runJaunt(prog);
  const at = plain.steps - 20;
  const sizes: number[] = [];
  for (const flags of [[], ["--compress"]]) {
    const snap = path.join(dir, `compress${flags.length}.snap`);
    const first = runCli("vmsnap", [prog, ...flags, "--at-step", String(at), "-o", snap], dir);
    assert.equal(first.code, 0, first.stderr);
    const bytes = fs.readFileSync(snap);
    sizes.push(bytes.length);
    assert.equal(bytes.subarray(0, 8).toString("latin1") === "JAUNTZIP", flags.length > 0);
    const second = runCli("vmresume", [snap], dir);
    assert.equal(first.stdout + second.stdout, plain.stdout);
  }
  assert.ok(sizes[1] < sizes[0] / 2, `compressed ${sizes[1]} of ${sizes[0]} bytes`);
  const bad = runCli("vmsnap", [prog, "--compress=yes", "--at-step", "5", "-o", "x.snap"], dir);
  assert.equal(bad.code, 9, bad.stderr);
});
