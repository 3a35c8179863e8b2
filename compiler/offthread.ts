// Compiling on a worker thread with a big stack and heap, synchronously.
//
// `compile` is synchronous (the VM calls it for require, eval and new Function in the
// middle of an instruction), so the calling thread blocks on a shared flag until the
// worker has posted its result, then takes the message off the port without the event
// loop. The Program comes back by structured clone (strings, numbers, bigints and
// Int32Arrays only). Only source that is nested too deeply for the calling thread, or
// too big for its heap, pays for the worker (~100 ms to start one).

import * as os from "node:os";
import * as v8 from "node:v8";
import { MessageChannel, Worker, receiveMessageOnPort } from "node:worker_threads";
import type { Program } from "./bytecode";
import { WORKER_STACK_MB } from "./depth";

/** A failed compilation, as the worker reports it. */
export interface OffThreadFailure {
  syntax?: {
    message: string;
    filename: string;
    line: number;
    column: number;
    sourceLine: string;
    errorName: "SyntaxError" | "RangeError";
  };
  message: string;
  stack?: string;
  /** The worker ran out of memory or time: a limit, not a compiler bug. */
  limit?: boolean;
}

const MB = 1024 * 1024;

/** CPU time of the whole process (every thread), in milliseconds. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Peak heap bytes per source byte while compiling, with a margin: the syntax tree is
 * most of it (~80 bytes per byte for dense statements like `x=1;`).
 */
const HEAP_PER_SOURCE_BYTE = 160;

/**
 * Set by WORKER_SOURCE in a compile worker's global object: asking worker_threads
 * (isMainThread, workerData) would load it in every process, ~2% of `vmrun hello.js`.
 */
const COMPILE_WORKER = "jaunt.compileWorker";

/** Whether this thread is a compile worker started by `compileOffThread`. */
export function inCompileWorker(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for(COMPILE_WORKER)] === true;
}

/** Whether compiling `length` characters here could exhaust this thread's heap. */
export function tooBigForThisHeap(length: number): boolean {
  if (length < 4 * MB) return false;
  const h = v8.getHeapStatistics();
  return length * HEAP_PER_SOURCE_BYTE > h.heap_size_limit - h.used_heap_size;
}

const WORKER_SOURCE = `
globalThis[Symbol.for(${JSON.stringify(COMPILE_WORKER)})] = true;
const { workerData } = require("node:worker_threads");
const { port, flag, modulePath, source, opts } = workerData;
let msg;
try {
  msg = { program: require(modulePath).compile(source, opts) };
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  msg = { failure: { message: err.message, stack: err.stack } };
  if (err.constructor && err.constructor.name === "GuestSyntaxError")
    msg.failure.syntax = {
      message: err.message, filename: err.filename, line: err.line, column: err.column,
      sourceLine: err.sourceLine, errorName: err.errorName,
    };
}
port.postMessage(msg);
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
`;

/**
 * Compiles on a worker with a `WORKER_STACK_MB` stack and a heap sized for the source,
 * blocking until it is done. `fail` turns a reported failure into the error to throw.
 */
export function compileOffThread(
  source: string,
  opts: object,
  fail: (f: OffThreadFailure) => Error,
): Program {
  const heapMb = Math.min(
    Math.ceil((source.length * HEAP_PER_SOURCE_BYTE) / MB) + 512,
    Math.floor((os.totalmem() * 0.75) / MB),
  );
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      port: port2,
      flag,
      modulePath: require.resolve("./index"),
      source,
      opts,
    },
    transferList: [port2],
    resourceLimits: {
      stackSizeMb: WORKER_STACK_MB,
      maxOldGenerationSizeMb: Math.max(heapMb, 256),
    },
    stdout: true,
    stderr: true,
  });
  worker.unref();
  // Its failures arrive through the port (or as silence, above), never as events.
  worker.on("error", () => {});
  try {
    // A worker that dies (out of its heap) never sets the flag, and the blocked thread
    // cannot see its exit event. While the worker compiles, the process's CPU time
    // grows (this thread only waits); when it stops growing, the worker is gone.
    let lastCpu = cpuMs();
    let idleSince = Date.now();
    while (Atomics.load(flag, 0) === 0) {
      Atomics.wait(flag, 0, 0, 500);
      const cpu = cpuMs();
      if (cpu - lastCpu > 50) {
        lastCpu = cpu;
        idleSince = Date.now();
      } else if (Date.now() - idleSince > 10_000 && Atomics.load(flag, 0) === 0)
        throw fail({ message: "Source too large to compile", limit: true });
    }
    const got = receiveMessageOnPort(port1)?.message as
      { program?: Program; failure?: OffThreadFailure } | undefined;
    if (!got) throw fail({ message: "Source too large to compile", limit: true });
    if (got.failure) throw fail(got.failure);
    return got.program!;
  } finally {
    port1.close();
    void worker.terminate();
  }
}
