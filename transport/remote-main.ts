// The remote entry: what the first stage evaluates on a machine with nothing but node.
// It serves the runtime's files from memory, then speaks frames: stdin in, fd 3 out
// (fd 1 was pointed at stderr by the command line, so stray writes cannot corrupt the
// stream). Its VM modules are required only after the files are in place, since they
// look for them when they load.

import * as net from "node:net";
import { PassThrough, type Readable } from "node:stream";
import { decode as cborDecode } from "cbor-x";
import { trace } from "./trace";
import { holdTierUp } from "../bin/tier-up";
import { installRuntimeFiles, VIRTUAL_ROOT, type RuntimeFiles } from "./runtime-files";

export interface Boot {
  /** The compressed payload, as received (passed on to the next hop). */
  compressed: Buffer;
  /** CBOR of the runtime files. */
  files: Buffer;
  /** Bytes read from stdin after the payload: the first frames. */
  rest: Buffer;
  stdin: Readable;
  /** Written before the first frame, so the origin can skip what a login shell printed. */
  token: string;
  /**
   * When stage 1 began, had the whole payload, had decompressed it: each as
   * process.hrtime in ms (trace.ts's monotonicMs) then the process's CPU ms.
   */
  times?: number[];
  /** The bundle's V8 code cache: "used", "rejected" (by V8) or "other node" (not tried); none sent: undefined. */
  codeCache?: string;
}

/**
 * Serves the runtime files and points the VM's program cache at the compiled programs
 * the payload carries (what main and warm share): writes there fail (the path has a
 * NUL), so the remote's disk is never touched. `cacheDir`: a real folder instead (the
 * origin's warm-up writing the entries the payload will carry).
 */
function prepare(files: Buffer, cacheDir = `${VIRTUAL_ROOT}/cache`): void {
  installRuntimeFiles(cborDecode(files) as RuntimeFiles);
  // Required only now: the VM's modules look for their files as they load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { useCacheDir } = require("../vm/index") as typeof import("../vm/index");
  useCacheDir(cacheDir);
}

export function main(boot: Boot): void {
  const t = boot.times ?? [];
  if (t.length >= 6) {
    trace("stage 1 began", t[0], t[1]);
    trace(`payload read (${boot.compressed.length} bytes)`, t[2], t[3]);
    trace("payload decompressed", t[4], t[5]);
  }
  trace(
    boot.codeCache === undefined
      ? "payload evaluated"
      : `payload evaluated (code cache ${boot.codeCache})`,
  );
  prepare(boot.files);
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { adoptPayload } = require("./bundle") as typeof import("./bundle");
  const { serveConnection } = require("./remote") as typeof import("./remote");
  const { Connection } = require("./connection") as typeof import("./connection");
  adoptPayload(boot.compressed);
  // As vmrun does: the optimizer waits until a guest computes for a while (drive.ts).
  // Only now: the built-in modules above loaded with node's code cache (stage1.ts).
  holdTierUp();
  trace("modules loaded");
  const out = new net.Socket({ fd: 3, readable: false, writable: true });
  out.write(`JAUNT:${boot.token}\n`);
  const conn = new Connection(boot.stdin, out, "origin", { channelBase: 2 });
  serveConnection(conn, { exitWhenDone: true });
  trace("Hello sent");
  if (boot.rest.length) conn.receive(boot.rest);
  boot.stdin.resume();
}

/**
 * What a remote runs before its first output line: the origin runs it once in a child
 * process to make the bundle's V8 code cache (bundle.ts), so that the functions a
 * remote needs first are in it. The frames go through an in-memory connection: a
 * Hello, a program resumed from a snapshot, its output and its Exit, as over stdin.
 */
export async function warm(
  files: Buffer,
  opts: { cacheDir?: string; program?: string } = {},
): Promise<void> {
  prepare(files, opts.cacheDir);
  const { Jaunt } = require("../vm/index") as typeof import("../vm/index");
  const { serveConnection } = require("./remote") as typeof import("./remote");
  const { Connection } = require("./connection") as typeof import("./connection");
  const { sendProgram } = require("./programs") as typeof import("./programs");
  holdTierUp();
  const toRemote = new PassThrough();
  const toOrigin = new PassThrough();
  const origin = new Connection(toOrigin, toRemote, "warm", { channelBase: 1 });
  const hello = new Promise<unknown>((resolve) => (origin.onUnrouted = resolve));
  serveConnection(new Connection(toRemote, toOrigin, "origin", { channelBase: 2 }));
  await hello;
  const out = () => {};
  const j = Jaunt.create({ capabilities: "all", stdout: out, stderr: out });
  j.load(opts.program ?? "console.log(require('os').hostname())", "/warm.js");
  await sendProgram(origin, "warm", { snapshot: j.snapshot() }, { stdout: out, stderr: out }).exit;
  origin.end();
}
