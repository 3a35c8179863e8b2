// The embedding API: create a VM, load a program, run it (to the end or for a budget
// of instructions), take a snapshot, resume one. This is what vmrun, vmsnap and
// vmresume are built on, and what embedders use.

import * as path from "node:path";
import { compile, GuestSyntaxError } from "../compiler";
import type { ProgramKind } from "../compiler/bytecode";
import { VM, type RunStatus } from "./interpreter";
import { Realm } from "./realm";
import { processHost, type Host } from "./host";
import { ErrorObject, JSObject } from "./object";
import { encodeSnapshot, decodeSnapshot, SnapshotError } from "./snapshot";
import { displayName } from "./esm";
import type { UnhandledRejectionsMode } from "./host";
import { inspect } from "./inspect";

export { GuestSyntaxError, SnapshotError };
export type { RunStatus, Host };

export interface JauntOptions {
  /** Receives everything the guest writes to stdout (default: process.stdout). */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** `process.argv.slice(2)` as the guest sees it. */
  argv?: string[];
  /** The guest's `process.env` (default: a copy of the host's). */
  env?: Record<string, string>;
  /** Maximum guest call depth before RangeError (default 10000). */
  maxCallDepth?: number;
  /** Seed for Math.random (default: random). */
  seed?: number;
  /** The host clock in milliseconds, for timers (default: Date.now). */
  now?: () => number;
  /** What an unhandled promise rejection does, as Node's --unhandled-rejections. */
  unhandledRejections?: UnhandledRejectionsMode;
  /**
   * Let require/import read module files from the host file system, as Node does
   * (vmrun, vmsnap and vmresume grant it). Default false: the embedding API grants
   * no file reads, so the guest can load only the built-in modules and a require of
   * any path fails as "Cannot find module" without the file being touched.
   */
  moduleFiles?: boolean;
}

export interface RunResult {
  status: RunStatus;
  /** Set once the program has finished or exited. */
  exitCode: number | null;
}

function makeHost(opts: JauntOptions): Host {
  const base = processHost(opts.argv ?? []);
  return {
    stdout: opts.stdout ?? base.stdout,
    stderr: opts.stderr ?? base.stderr,
    now: opts.now ?? base.now,
    argv: opts.argv ?? [],
    env: opts.env ?? base.env,
    unhandledRejections: opts.unhandledRejections,
  };
}

export class Jaunt {
  private constructor(readonly vm: VM) {}

  /** A VM with a fresh realm and nothing loaded. */
  static create(opts: JauntOptions = {}): Jaunt {
    const vm = new VM(makeHost(opts), { maxCallDepth: opts.maxCallDepth });
    vm.moduleFiles = opts.moduleFiles === true;
    new Realm(vm);
    const j = new Jaunt(vm);
    j.setupProcess(opts);
    return j;
  }

  /** Fills in process.argv/env and seeds Math.random: program state from here on. */
  private setupProcess(opts: JauntOptions): void {
    const realm = this.vm.realm;
    const proc = realm.global.getOwnProperty("process")!.value as JSObject;
    proc.setOwn("argv", realm.newArray([process.execPath, "", ...(opts.argv ?? [])]));
    const env = realm.newObject();
    for (const [k, v] of Object.entries(this.vm.host.env)) env.setOwn(k, v);
    proc.setOwn("env", env);
    const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 32);
    realm.randomState = [seed >>> 0 || 1, Math.imul(seed, 2654435761) >>> 0 || 2];
  }

  /**
   * Compiles `source` and schedules it as the main program. CommonJS programs get
   * Node's module wrapper (exports, require, module, __filename, __dirname).
   * Throws GuestSyntaxError for bad source.
   */
  load(source: string, filename: string, kind: ProgramKind = "commonjs"): void {
    const vm = this.vm;
    const realm = vm.realm;
    const program = vm.registerProgram(compile(source, { kind, filename }));
    realm.loopNow = vm.host.now();
    const main = vm.makeClosure(program, program.functions[0], null);
    if (kind === "script") {
      vm.pushBottomCall(main, realm.global, []);
      return;
    }
    if (kind === "module") {
      vm.pushBottomCall(realm.helpers.runMainModule, undefined, [main, filename]);
      return;
    }
    // The self-hosted loader makes the module object and require(), then runs main.
    vm.pushBottomCall(realm.helpers.runMain, undefined, [main, filename, path.dirname(filename)]);
  }

  /** Runs until the program ends or `budget` more instructions have executed. */
  run(budget = Infinity): RunResult {
    const status = this.vm.run(budget);
    return { status, exitCode: status === "paused" ? null : this.exitCode };
  }

  /** The process exit code Node would use: process.exit(n), 1 after an uncaught error, else process.exitCode. */
  get exitCode(): number {
    const vm = this.vm;
    if (vm.exitCode !== null) return vm.exitCode;
    const proc = vm.realm.global.getOwnProperty("process")?.value;
    if (proc instanceof JSObject) {
      const c = proc.getOwnProperty("exitCode");
      if (c && typeof c.value === "number") return c.value | 0;
      if (c && typeof c.value === "string" && /^\d+$/.test(c.value)) return Number(c.value);
    }
    return 0;
  }

  /** Instructions executed so far over the program's whole life. */
  get steps(): number {
    return this.vm.steps;
  }

  /** Node's report for an uncaught exception, or null if there was none. */
  uncaughtReport(): string | null {
    const u = this.vm.uncaught;
    if (!u) return null;
    const realm = this.vm.realm;
    const isError = u.value instanceof ErrorObject;
    // Node prints the throw site (file:line, the line, a caret), then the error
    // inspected; for non-errors the site is preceded by a blank line.
    const lines: string[] = isError ? [] : [""];
    if (u.filename) {
      const program = [...this.vm.programs.values()].find((p) => displayName(p) === u.filename);
      const srcLine = program ? (program.source.split(/\r\n|\r|\n/)[u.line - 1] ?? "") : "";
      lines.push(`${u.filename}:${u.line}`, srcLine, " ".repeat(u.col) + "^");
      if (isError) lines.push("");
    }
    lines.push(typeof u.value === "string" ? u.value : inspect(u.value, realm));
    return lines.join("\n") + "\n";
  }

  snapshot(): Uint8Array {
    return encodeSnapshot(this.vm);
  }

  /** A VM that continues exactly where the snapshot was taken. */
  static resume(bytes: Uint8Array, opts: JauntOptions = {}): Jaunt {
    const vm = new VM(makeHost(opts), { maxCallDepth: opts.maxCallDepth });
    vm.moduleFiles = opts.moduleFiles === true;
    new Realm(vm);
    decodeSnapshot(vm, bytes);
    return new Jaunt(vm);
  }
}
