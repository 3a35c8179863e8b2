// npm test's runner (all.ts): which files it runs and in what order.

import { run, test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  LONGEST_FIRST,
  SHARE_A_PROCESS,
  SHARE_SIZE,
  shareProcesses,
  testFiles,
  writeGroups,
} from "./all";
import { PROGRAMS, inCorpusPart, listPrograms, plainRun, takeCorpusPart } from "./harness";

test("the runner takes test files only, the long ones first, then by name", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-all-"));
  const names = [
    "a.test.js",
    "harness.js",
    "z.test.js",
    "differential.test.js",
    "transparency.test.js",
    "programs.test.js",
    "programs-2.test.js",
    "programs-1.test.js",
    `${LONGEST_FIRST[2]}.test.js`,
    "b.test.js.map",
  ];
  for (const n of names) fs.writeFileSync(path.join(dir, n), "");
  const picked = (only?: RegExp[]) => testFiles(dir, only).map((f) => path.basename(f));
  // differential and transparency run inside programs-1 and programs-2, half the corpus
  // each (sharing plain runs); programs.test.js, the whole corpus at once, is for by hand.
  assert.deepEqual(picked(), [
    "programs-1.test.js",
    "programs-2.test.js",
    `${LONGEST_FIRST[2]}.test.js`,
    "a.test.js",
    "z.test.js",
  ]);
  assert.deepEqual(picked([/^z/, /^a/]), ["a.test.js", "z.test.js"]);
  fs.rmSync(dir, { recursive: true });
  assert.deepEqual(LONGEST_FIRST.slice(0, 2), ["programs-1", "programs-2"]);
});

test("the two parts of the corpus split it: every program in one, each part its half", () => {
  const all = listPrograms();
  const inPart = (index: number) => {
    takeCorpusPart(index, 2);
    return all.filter(inCorpusPart);
  };
  try {
    const [first, second] = [inPart(0), inPart(1)];
    assert.deepEqual([...first, ...second].sort(), [...all].sort());
    assert.ok(!first.some((f) => second.includes(f)));
    assert.ok(Math.abs(first.length - second.length) <= 1);
  } finally {
    takeCorpusPart(0, 1);
  }
});

test("a program's plain run is done once per process and shared", async () => {
  const file = path.join(PROGRAMS, "small-add.js");
  const first = plainRun(file);
  assert.equal(plainRun(file), first);
  assert.ok((await first).steps > 0);
});

test("light files share processes, SHARE_SIZE to a group in their order; the others run alone", () => {
  const light = SHARE_A_PROCESS.slice(0, SHARE_SIZE + 1).map((n) => `/t/${n}.test.js`);
  const files = ["/t/programs.test.js", ...light.slice(0, 3), "/t/x.test.js", ...light.slice(3)];
  const { alone, groups } = shareProcesses(files);
  assert.deepEqual(alone, ["/t/programs.test.js", "/t/x.test.js"]);
  assert.deepEqual(groups, [light.slice(0, SHARE_SIZE), light.slice(SHARE_SIZE)]);
  // Those that must not share: first-VM behaviour, process-wide state.
  for (const own of [
    "programs",
    "programs-1",
    "programs-2",
    "realm",
    "shapes",
    "harness",
    "node-web",
    "limits",
    "preempt",
  ])
    assert.ok(!SHARE_A_PROCESS.includes(own), own);
});

test("a group's file runs its files' tests in one process, each file a suite", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-all-"));
  const pids = path.join(dir, "pids");
  const file = (name: string, verdict: string) => {
    const f = path.join(dir, name);
    const body = `require("node:fs").appendFileSync(${JSON.stringify(pids)}, process.pid + "\\n");${verdict}`;
    fs.writeFileSync(f, `require("node:test").test("${name} test", () => { ${body} });\n`);
    return f;
  };
  const [group] = writeGroups([[file("a.test.js", ""), file("b.test.js", "throw 1;")]], dir);
  // Through node's runner as a process of its own (run() does nothing inside a test file).
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const r = spawnSync(process.execPath, ["--test", "--test-reporter=tap", group], {
    encoding: "utf8",
    env,
  });
  const ran = fs.readFileSync(pids, "utf8").trim().split("\n");
  fs.rmSync(dir, { recursive: true });
  assert.equal(ran.length, 2);
  assert.equal(ran[0], ran[1], "one process");
  // Each file a suite, named after it; a failure still fails its test, suite and the run.
  const verdicts = r.stdout.split("\n").filter((l) => /^\s*(not )?ok \d/.test(l));
  assert.deepEqual(
    verdicts.map((l) => l.replace(/ #.*/, "")),
    [
      "    ok 1 - a.test.js test",
      "ok 1 - a.test.js",
      "    not ok 1 - b.test.js test",
      "not ok 2 - b.test.js",
    ],
    r.stdout,
  );
  assert.equal(r.status, 1);
});
