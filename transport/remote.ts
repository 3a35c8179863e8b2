// The remote side of a connection: after Hello, each Resume frame starts a program on
// its channel (a VM resumed from the snapshot it carries), whose stdout/stderr travel
// back as frames and whose end is an Exit frame with its exit code; an Open frame
// starts a further hop from here (via=) and relays its bytes. Used by the bootstrapped
// remote (remote-main) and by the `vmresume --listen` server.

import * as net from "node:net";
import type { Readable, Writable } from "node:stream";
import { Jaunt, offerPrograms, offeredProgramsUsed } from "../vm/index";
import { bootstrap, type BootOptions } from "./bootstrap";
import { runtimePayload } from "./bundle";
import type { Connection, FrameHandler } from "./connection";
import { FrameKind, type Frame } from "./frame";
import { parseSpec, type GatewaySpec } from "./spec";
import { trace } from "./trace";
import { settleForExit } from "../bin/tier-up";
import { runWithBackPressure } from "./drive";
import { finishContext, newContext, type TransportContext } from "./context";
import { serveRequests } from "./teleport";
import { ChannelEnd } from "./channels";
import { adoptHeld } from "./held";
import { ForwardedFiles, manifestOf, ModuleReplies, requestModule } from "./forwarding";

export const PROTOCOL = 1;

/** Bytes of output waiting to go to the origin past which a remote guest is paused. */
export const OUTPUT_HIGH_WATER = 256 * 1024;

export interface ServeOptions {
  /** End this process when the connection ends (a bootstrapped remote). */
  exitWhenDone?: boolean;
  /**
   * Checks a Resume frame's body and returns the snapshot to run; throws (with a
   * message for the origin) to refuse it. Default: any snapshot is taken.
   */
  acceptSnapshot?: (body: Record<string, unknown>) => Uint8Array;
  /**
   * The origin's side of a gateway (programs coming home): they run with this context's
   * output and origin instead of sending their output back over the connection.
   */
  home?: TransportContext;
}

/** A frame body that is a plain object (the shape every frame but Stdout/Relay has). */
export function objectBody(frame: Frame): Record<string, unknown> {
  const b = frame.body;
  if (b === null || typeof b !== "object" || Array.isArray(b) || b instanceof Uint8Array)
    throw new Error(`a ${FrameKind[frame.kind]} frame's body must be a map`);
  return b as Record<string, unknown>;
}

function bytesField(body: Record<string, unknown>, name: string): Uint8Array {
  const v = body[name];
  if (!(v instanceof Uint8Array)) throw new Error(`the frame has no '${name}' bytes`);
  return v;
}

function errorBody(e: unknown): { message: string; code?: string } {
  const err = e as { message?: unknown; code?: unknown };
  return {
    message: typeof err?.message === "string" ? err.message : String(e),
    ...(typeof err?.code === "string" ? { code: err.code } : {}),
  };
}

/** Handles the frames that start something on this side: Resume (a program) and Open (a hop). */
export function frameDispatcher(conn: Connection, opts: ServeOptions = {}): FrameHandler {
  const quiet = () => {};
  return (frame) => {
    try {
      switch (frame.kind) {
        case FrameKind.Resume:
        case FrameKind.Exec:
          void runProgram(
            conn,
            frame.channel,
            objectBody(frame),
            opts,
            frame.kind === FrameKind.Exec,
          );
          return;
        case FrameKind.Prepare:
          // Nothing once this process has made a VM (the socket server, an origin).
          Jaunt.prepare();
          trace("realm built");
          return;
        case FrameKind.Open:
          if (opts.home) throw new Error("an origin does not open hops for its remote");
          void openHop(conn, frame.channel, objectBody(frame));
          return;
        default:
          throw new Error(`unexpected ${FrameKind[frame.kind]} frame on channel ${frame.channel}`);
      }
    } catch (e) {
      conn.send(FrameKind.Error, frame.channel, errorBody(e)).catch(quiet);
    }
  };
}

/** The remote's side of a connection: Hello, then programs and hops as they are asked for. */
export function serveConnection(conn: Connection, opts: ServeOptions = {}): void {
  conn.onUnrouted = frameDispatcher(conn, opts);
  if (opts.exitWhenDone)
    conn.onEnd(() => {
      settleForExit(); // no TurboFan job in flight as node exits (bin/tier-up.ts)
      process.exit(0);
    });
  conn
    .send(FrameKind.Hello, 0, { node: process.version, pid: process.pid, protocol: PROTOCOL })
    .catch(() => {});
}

async function runProgram(
  conn: Connection,
  ch: number,
  body: Record<string, unknown>,
  opts: ServeOptions,
  exec = false,
): Promise<void> {
  const quiet = () => {};
  // Output goes out as frames; past the mark the sender (a hop relaying a further
  // remote's output, or the driver below) is asked to wait for the back-log to drain.
  const congested = () => (conn.buffered > OUTPUT_HIGH_WATER ? conn.drained() : null);
  let first = true;
  const out = (kind: FrameKind) => (text: string) => {
    if (first) trace("first output sent");
    first = false;
    conn.send(kind, ch, text).catch(quiet);
    return congested() ?? undefined;
  };
  const ctx: TransportContext = opts.home
    ? newContext(opts.home, opts.home)
    : newContext(
        { stdout: out(FrameKind.Stdout), stderr: out(FrameKind.Stderr) },
        { upstream: conn },
      );
  // remoteExec: the function's channel to the origin is channel 0 for its guest.
  const end = exec ? new ChannelEnd(conn, ch) : null;
  if (end) ctx.channels.set(0, end);
  const replies = new ModuleReplies();
  conn.route(ch, (f) => {
    if (f.kind === FrameKind.ModuleReply) replies.deliver(f.body);
    else if (f.kind === FrameKind.ChannelGrant) ctx.claim?.deliver(f.body);
    else end?.deliver(f);
  });
  let j: Jaunt;
  trace("program received");
  try {
    const snapshot = opts.acceptSnapshot ? opts.acceptSnapshot(body) : bytesField(body, "snapshot");
    // Channels the program's heap holds, offered by the origin (held.ts).
    adoptHeld(ctx, conn, ch, body);
    // Import forwarding: the program's own module files, for requires of files this
    // machine lacks, fetched from the origin when first needed; passed on wherever it
    // goes next (a further remote fetches them through this one).
    // They are this program's alone: its VM's loader serves them.
    const modules = manifestOf(body.modules);
    const files = modules && !opts.home ? new ForwardedFiles(modules) : null;
    if (files) {
      ctx.modules = () => files.manifest;
      ctx.fetchModule = (file) =>
        files.fetch(conn, file, (f) => requestModule(conn, ch, replies, f));
    }
    // Compiled programs from an origin that sent this runtime (program-offers.ts).
    if (!opts.acceptSnapshot && !opts.home)
      trace(`compiled programs taken: ${offerPrograms(body.compiled)}`);
    const requests = serveRequests(ctx);
    requests["module.fetch"] = async (req) => {
      if (!ctx.fetchModule)
        throw new Error("jaunt: this program has no origin to fetch modules from");
      await ctx.fetchModule(String(req.args[0]));
    };
    j = Jaunt.resume(snapshot, {
      capabilities: "all",
      blocking: false,
      stdout: ctx.stdout,
      stderr: ctx.stderr,
      requests,
      ...(files ? { loader: files.loader, modulePending: (f) => files.pending(f) } : {}),
    });
    // A forked copy: a PRNG sequence of its own.
    if (typeof body.seed === "number") j.reseed(body.seed);
  } catch (e) {
    conn.unroute(ch);
    await conn.send(FrameKind.Error, ch, errorBody(e)).catch(quiet);
    return;
  }
  trace(`program resumed (offered programs used: ${offeredProgramsUsed()})`);
  // Acknowledged only once resumed: a refused program stays the origin's.
  await conn.send(FrameKind.Ack, ch, { pid: process.pid }).catch(quiet);
  let code: number;
  try {
    // Programs coming home write here directly: only a remote's output backs up.
    await runWithBackPressure(j, opts.home ? () => null : congested);
    const report = j.uncaughtReport();
    if (report) ctx.stderr(report);
    code = j.exitCode;
  } catch (e) {
    ctx.stderr(`jaunt: the remote VM failed: ${(e as Error).stack ?? String(e)}\n`);
    code = 70;
  }
  // The copies it forked end before it does (their output comes through here); the
  // gateways it left open close.
  await finishContext(ctx);
  await end?.close();
  conn.unroute(ch);
  await conn.send(FrameKind.Exit, ch, { code }).catch(quiet);
}

/** The next hop's byte stream, seen from here. */
interface Hop {
  input: Readable;
  output: Writable;
  close(): Promise<void>;
}

/**
 * Reaches the next hop from this machine: a process started with the payload this one
 * got (popen, ssh=), or a TCP connection to a vmresume --listen server (socket=; the
 * origin authenticates through it, TLS included, end to end: the key and the
 * certificate check stay with the origin, this machine only carries bytes).
 */
async function dialHop(spec: GatewaySpec, opts: BootOptions): Promise<Hop> {
  if (spec.kind !== "socket") return bootstrap(spec, runtimePayload(), opts);
  const sock = net.connect({ host: spec.host, port: spec.port! });
  await new Promise<void>((resolve, reject) => {
    sock.once("connect", resolve);
    sock.once("error", (e) => reject(new Error(`cannot connect to ${spec.text}: ${e.message}`)));
  });
  sock.on("error", () => sock.destroy());
  return { input: sock, output: sock, close: async () => void sock.destroy() };
}

/** via=: reaches the next hop from this machine and relays its bytes both ways. */
async function openHop(conn: Connection, ch: number, body: Record<string, unknown>) {
  const quiet = () => {};
  let hop: Hop;
  try {
    if (typeof body.spec !== "string") throw new Error("an Open frame needs a 'spec' string");
    hop = await dialHop(parseSpec(body.spec), {
      onStderr: (t) => void conn.send(FrameKind.Stderr, ch, t).catch(quiet),
    });
  } catch (e) {
    await conn.send(FrameKind.Error, ch, errorBody(e)).catch(quiet);
    return;
  }
  conn.route(ch, (f) => {
    if (f.kind === FrameKind.Relay && f.body instanceof Uint8Array) hop.output.write(f.body);
    else if (f.kind === FrameKind.Close) void hop.close();
  });
  conn.onEnd(() => void hop.close());
  hop.input.on("data", (c: Buffer) => void conn.send(FrameKind.Relay, ch, c).catch(quiet));
  hop.input.on("end", () => {
    conn.unroute(ch);
    void conn.send(FrameKind.Close, ch, {}).catch(quiet);
  });
  await conn.send(FrameKind.Ack, ch, {}).catch(quiet);
  hop.input.resume();
}
