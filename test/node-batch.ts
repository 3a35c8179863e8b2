// Node's outcomes for many corpus programs from one node process: a node start costs
// ~0.09 s of CPU, more than most programs' own run, and a clean clone's differential
// suite started one per program (~700). Run as `node dist/test/node-batch.js FILE…`;
// prints a JSON object: file → its outcome, or null where the program needs a node
// process of its own.
//
// Each program gets a fresh V8 context (its own globals and built-ins, so a program
// that patches Array.prototype cannot touch the next one), compiled with the five
// parameters of Node's CommonJS wrapper, with Node's console and timers. What such a
// run prints can still differ from `node prog.js`, so:
//
// - a program shares the process only if its source names none of what would tell
//   (sharesProcess): Node's other globals (process, require, module, Buffer, …, taken
//   from this process), globalThis, stack traces and their limits, stack overflows
//   (RangeError), garbage collection (WeakRef, FinalizationRegistry), dynamic import,
//   and console other than through its methods; uncaught- and exit- programs never do;
// - a program that throws, rejects unhandled or fails to compile gets null (Node's
//   report of it comes from its own process), and its timers are cleared;
// - the differential suite takes a batch outcome as provisional: when Jaunt's output
//   differs from it, node runs the program in its own process and that decides
//   (harness.ts nodeOutcomesShared, differential.test.ts).

import * as path from "node:path";
import * as fs from "node:fs";
import * as vm from "node:vm";
import { Console } from "node:console";
import { Writable } from "node:stream";
import { createRequire } from "node:module";
import type { Outcome } from "./harness";

/** What a shared run provides of Node's globals (with the same names). */
const PROVIDED = [
  "console",
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "setImmediate",
  "clearImmediate",
  "queueMicrotask",
];

/** Node's globals that a fresh context lacks, except those provided (computed here). */
function nodeOnlyGlobals(): string[] {
  const bare = new Set(Object.getOwnPropertyNames(vm.runInNewContext("globalThis")));
  return Object.getOwnPropertyNames(globalThis).filter(
    (n) => !bare.has(n) && !PROVIDED.includes(n),
  );
}

const TELLS = new RegExp(
  [
    `\\b(?:${[...nodeOnlyGlobals(), "require", "module", "exports", "__filename", "__dirname"].join("|")})\\b`,
    String.raw`\bglobalThis\b`,
    String.raw`\.stack\b|prepareStackTrace|captureStackTrace|stackTraceLimit`,
    String.raw`\bRangeError\b`,
    String.raw`\bWeakRef\b|\bFinalizationRegistry\b`,
    String.raw`\bimport\b`,
    String.raw`\bconsole\b(?!\.[A-Za-z]+\s*\()`,
  ].join("|"),
);

/** Whether `file` may run in a shared process (see the header). */
export function sharesProcess(file: string, source: string): boolean {
  const name = path.basename(file);
  return name.endsWith(".js") && !/^(uncaught|exit)-/.test(name) && !TELLS.test(source);
}

/** A program's timers, so that the run knows when it is over (or can clear them). */
class Timers {
  private live = new Map<unknown, (h: unknown) => void>();
  private drained: (() => void) | null = null;

  globals(): Record<string, unknown> {
    const track = <A extends unknown[]>(
      set: (cb: (...a: A) => void, ...rest: never[]) => unknown,
      clear: (h: never) => void,
      repeats: boolean,
    ) => {
      const add = (cb: (...a: A) => void, ...rest: never[]) => {
        // Node's own argument check, thrown here as node throws it: a wrapped non-function
        // threw only when due, and such timers, in a process that had run ~300 programs,
        // kept node's timer loop throwing without end (100% CPU, never settled).
        if (typeof cb !== "function") return set(cb, ...rest);
        const h: unknown = set(
          (...a: A) => {
            if (!repeats) this.forget(h);
            cb(...a);
          },
          ...rest,
        );
        this.live.set(h, clear as (h: unknown) => void);
        return h;
      };
      const remove = (h: unknown) => {
        clear(h as never);
        this.forget(h);
      };
      // A program may print a timer function's name (node's own).
      Object.defineProperty(add, "name", { value: set.name });
      Object.defineProperty(remove, "name", { value: clear.name });
      return [add, remove];
    };
    const [setTimeout_, clearTimeout_] = track(setTimeout, clearTimeout, false);
    const [setInterval_, clearInterval_] = track(setInterval, clearInterval, true);
    const [setImmediate_, clearImmediate_] = track(setImmediate, clearImmediate, false);
    return {
      setTimeout: setTimeout_,
      clearTimeout: clearTimeout_,
      setInterval: setInterval_,
      clearInterval: clearInterval_,
      setImmediate: setImmediate_,
      clearImmediate: clearImmediate_,
      queueMicrotask,
    };
  }

  private forget(h: unknown): void {
    if (this.live.delete(h) && this.live.size === 0) this.drained?.();
  }

  /** After a failure: nothing more of this program runs, and settled() returns. */
  clearAll(): void {
    for (const [h, clear] of this.live) clear(h);
    this.live.clear();
    this.drained?.();
  }

  /** Resolves when no timer is left, and none came back in the jobs that followed. */
  async settled(): Promise<void> {
    for (;;) {
      if (this.live.size) await new Promise<void>((r) => (this.drained = r));
      // Promise jobs run before an immediate: whatever they scheduled is live by then.
      await new Promise((r) => setImmediate(r));
      if (!this.live.size) return;
    }
  }
}

/** Whether the program running now failed (an uncaught error or rejection). */
let failed = false;
/** The timers of the program running now. */
let current: Timers | null = null;
function fail(): void {
  failed = true;
  current?.clearAll();
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

function collector(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/** Runs one program in a fresh context: its outcome, or null when it needs its own node. */
async function runShared(file: string, source: string): Promise<Outcome | null> {
  const out = collector();
  const err = collector();
  const timers = new Timers();
  const context = vm.createContext({
    console: new Console({ stdout: out.stream, stderr: err.stream, colorMode: false }),
    ...timers.globals(),
  });
  failed = false;
  current = timers;
  try {
    const wrapper = vm.compileFunction(
      source,
      ["exports", "require", "module", "__filename", "__dirname"],
      { filename: file, parsingContext: context },
    );
    const module = { exports: {} };
    wrapper.call(
      module.exports,
      module.exports,
      createRequire(file),
      module,
      file,
      path.dirname(file),
    );
    await timers.settled();
  } catch {
    fail();
  }
  if (failed) {
    timers.clearAll();
    return null;
  }
  // The console's writes complete synchronously into the collectors.
  return { stdout: out.text(), stderr: err.text(), code: 0 };
}

async function main(files: string[]): Promise<void> {
  const outcomes: Record<string, Outcome | null> = {};
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    outcomes[file] = sharesProcess(file, source) ? await runShared(file, source) : null;
  }
  process.stdout.write(JSON.stringify(outcomes));
}

if (require.main === module && !process.env.NODE_TEST_CONTEXT) void main(process.argv.slice(2));
