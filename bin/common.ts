// Shared by the command-line tools: loading a program, running it to the end with
// Node's output and exit-code rules, and reporting errors the way Node does.

import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { Jaunt, GuestSyntaxError, SnapshotError, type JauntOptions } from "../vm";
import type { ProgramKind } from "../compiler/bytecode";
import { isESModule } from "../vm/modules";

/** How Node would run a main file: an ES module (.mjs, "type": "module") or CommonJS. */
export function programKind(file: string, script: boolean): ProgramKind {
  if (script) return "script";
  return isESModule(path.resolve(file)) ? "module" : "commonjs";
}

/** Reads and loads the main program; on a syntax error prints Node's report and exits 1. */
export function loadMain(file: string, script: boolean, opts: JauntOptions): Jaunt {
  const filename = path.resolve(file);
  let source: string;
  try {
    source = fs.readFileSync(filename, "utf8");
  } catch (e) {
    process.stderr.write(`Error: Cannot find module '${filename}'\n`);
    process.exit(1);
  }
  const j = Jaunt.create(opts);
  const kind = programKind(filename, script);
  try {
    j.load(source, filename, kind);
  } catch (e) {
    if (e instanceof GuestSyntaxError) {
      process.stderr.write(
        `${kind === "module" ? pathToFileURL(e.filename).href : e.filename}:${e.line}\n${e.sourceLine}\n${" ".repeat(e.column)}^\n\nSyntaxError: ${e.message}\n`,
      );
      process.exit(1);
    }
    throw e;
  }
  return j;
}

/**
 * Runs to the end. With `snapshotEvery`, after every N instructions the VM is encoded,
 * thrown away and decoded into a fresh instance that continues (a transparency test
 * that is also a public option).
 */
export function runToEnd(j: Jaunt, opts: JauntOptions, snapshotEvery = 0): number {
  if (snapshotEvery > 0) {
    for (;;) {
      const r = j.run(snapshotEvery);
      if (r.status !== "paused") break;
      j = Jaunt.resume(j.snapshot(), { ...opts, continueTurn: true });
    }
  } else j.run();
  const report = j.uncaughtReport();
  if (report) process.stderr.write(report);
  return j.exitCode;
}

export function readSnapshot(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    process.stderr.write(`vmresume: cannot read ${file}: ${(e as Error).message}\n`);
    process.exit(2);
  }
}

export function resumeOrExit(bytes: Uint8Array, opts: JauntOptions): Jaunt {
  try {
    return Jaunt.resume(bytes, opts);
  } catch (e) {
    if (e instanceof SnapshotError) {
      process.stderr.write(`vmresume: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}
