// vmsnap --at-step N then vmresume: the two outputs joined equal a plain run, at
// several cut points, through the real command-line tools and real files.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { listPrograms, runCli, runJaunt } from "./harness";

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
