// The remote entry: what the first stage evaluates on a machine with nothing but node.
// It serves the runtime's files from memory, then speaks frames: stdin in, fd 3 out
// (fd 1 was pointed at stderr by the command line, so stray writes cannot corrupt the
// stream). Its VM modules are required only after the files are in place, since they
// look for them when they load.

import * as net from "node:net";
import type { Readable } from "node:stream";
import { decode as cborDecode } from "cbor-x";
import { trace } from "./trace";
import * as v8 from "node:v8";
import { holdTierUp, tierUpHeld } from "../bin/tier-up";
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
  /** performance.now() when stage 1 began, had the whole payload, had decompressed it. */
  times?: number[];
  /** The bundle's V8 code cache: "used", "rejected" (by V8) or "other node" (not tried); none sent: undefined. */
  codeCache?: string;
  /** Stage 1 set --no-opt to use the code cache (holdTierUp would have; if not, undone). */
  noOpt?: boolean;
}

/** Serves the runtime files and loads the VM's modules (what main and warm share). */
function prepare(files: Buffer): void {
  installRuntimeFiles(cborDecode(files) as RuntimeFiles);
  // The compiled programs the payload carries; writes there fail (the path has a NUL).
  process.env.JAUNT_CACHE_DIR = `${VIRTUAL_ROOT}/cache`;
}

export function main(boot: Boot): void {
  // As vmrun does: the optimizer waits until a guest computes for a while (drive.ts).
  holdTierUp();
  if (boot.noOpt && !tierUpHeld()) v8.setFlagsFromString("--opt");
  const [began, read, inflated] = (boot.times ?? []).map((t) => performance.timeOrigin + t);
  if (began !== undefined) {
    trace("stage 1 began", began);
    trace(`payload read (${boot.compressed.length} bytes)`, read);
    trace("payload decompressed", inflated);
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
 * What a remote runs before its first output line, without a connection: the origin
 * runs it once in a child process to make the bundle's V8 code cache (bundle.ts), so
 * that the functions a remote needs first are in it.
 */
export function warm(files: Buffer): void {
  holdTierUp();
  prepare(files);
  const { Jaunt } = require("../vm/index") as typeof import("../vm/index");
  require("./remote");
  const out = () => {};
  const j = Jaunt.create({ capabilities: "all", stdout: out, stderr: out });
  j.load("console.log(require('os').hostname())", "/warm.js");
  const resumed = Jaunt.resume(j.snapshot(), { capabilities: "all", stdout: out, stderr: out });
  resumed.run();
}
