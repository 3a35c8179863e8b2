// Programs sent over a connection, in either direction: the origin sends one to a remote
// (teleport, fork, Gateway.resume), and a remote sends one back to its origin
// (back-teleport). A program has its own channel; its stdout/stderr come back as frames,
// Ack says it was resumed, Exit carries its exit code, Error says it was refused.

import type { Connection } from "./connection";
import { FrameKind } from "./frame";
import { answerModuleRequest } from "./forwarding";
import { answerClaim, type Grant } from "./held";
import { trace } from "./trace";

/** Where a remote program's output goes (default: this process's stdout/stderr). */
export interface ProgramIO {
  /**
   * The program's output as it arrives. Returning a promise says "wait": nothing more
   * is read from the connection until it settles, so the remote program pauses.
   */
  stdout?: (text: string) => void | Promise<void>;
  stderr?: (text: string) => void | Promise<void>;
  /** Serves the remote's requests for the program's module files (import forwarding). */
  fetchModule?: (file: string) => Promise<Uint8Array | null>;
  /** Gives the remote the channels offered with the program as it claims them (held.ts). */
  grantChannel?: Grant;
}

/** A program sent to a remote. */
export interface RemoteProgram {
  /** Resolves once the remote has resumed it; rejects if it was refused or never arrived. */
  accepted: Promise<void>;
  /** Resolves with the remote exit code. */
  exit: Promise<number>;
}

/** The remote refused something or failed; `remoteCode` is its error code if it had one. */
export class RemoteFailure extends Error {
  readonly code = "ERR_JAUNT_REMOTE";
  constructor(
    message: string,
    readonly remoteCode?: string,
  ) {
    super(message);
    this.name = "RemoteFailure";
  }
}

/**
 * `sink` with `prefix` in front of every line (fork's prefix option). Only whole lines
 * go out: a line written in parts is held until its newline (or `flush()` at the
 * copy's end), so the lines of copies and of the original never mix mid-line.
 */
export function prefixLines(
  sink: (text: string) => void | Promise<void>,
  prefix: string,
): ((text: string) => void | Promise<void>) & { flush(): void | Promise<void> } {
  let partial = "";
  const write = (text: string) => {
    if (text === "") return sink(text);
    const all = partial + text;
    const end = all.lastIndexOf("\n") + 1;
    partial = all.slice(end);
    if (end === 0) return;
    return sink(prefix + all.slice(0, end - 1).replaceAll("\n", `\n${prefix}`) + "\n");
  };
  const flush = () => {
    const rest = partial;
    partial = "";
    if (rest !== "") return sink(prefix + rest);
  };
  return Object.assign(write, { flush });
}

/** Hands output to `sink`; a sink that asks to wait holds the connection's reading. */
export function relayOutput(
  conn: Connection,
  sink: (text: string) => void | Promise<void>,
  body: unknown,
): void {
  const wait = sink(String(body));
  if (wait) conn.hold(wait);
}

/**
 * Sends a Resume frame with `body` ({ snapshot, signature?, seed? }) on a fresh channel
 * and follows the program it starts.
 */
export function sendProgram(
  conn: Connection,
  label: string,
  body: Record<string, unknown>,
  io: ProgramIO = {},
): RemoteProgram {
  let firstOutput = true;
  const sink = io.stdout ?? ((t: string) => void process.stdout.write(t));
  const stdout = (t: string) => {
    if (firstOutput) trace("first output line received");
    firstOutput = false;
    return sink(t);
  };
  const stderr = io.stderr ?? ((t: string) => void process.stderr.write(t));
  let accept!: () => void, refuse!: (e: Error) => void;
  let finish!: (code: number) => void, fail!: (e: Error) => void;
  const accepted = new Promise<void>((a, r) => ((accept = a), (refuse = r)));
  const exit = new Promise<number>((a, r) => ((finish = a), (fail = r)));
  // A program refused is also a program that never exits: both promises reject.
  accepted.catch(() => {});
  exit.catch(() => {});
  let ch = 0;
  const off = conn.onEnd((e) => {
    refuse(e);
    fail(e);
  });
  const done = () => {
    off();
    conn.unroute(ch);
  };
  ch = conn.openChannel((f) => {
    switch (f.kind) {
      case FrameKind.Stdout:
        relayOutput(conn, stdout, f.body);
        break;
      case FrameKind.Stderr:
        relayOutput(conn, stderr, f.body);
        break;
      case FrameKind.Ack:
        accept();
        break;
      case FrameKind.ModuleRequest:
        answerModuleRequest(conn, ch, f.body, io.fetchModule);
        break;
      case FrameKind.ChannelClaim:
        answerClaim(conn, ch, f.body, io.grantChannel);
        break;
      case FrameKind.Exit: {
        const code = (f.body as { code?: unknown })?.code;
        done();
        finish(typeof code === "number" && Number.isInteger(code) ? code : 1);
        break;
      }
      case FrameKind.Error: {
        const b = f.body as { message?: string; code?: string };
        const e = new RemoteFailure(`jaunt: ${label}: ${b?.message}`, b?.code);
        done();
        refuse(e);
        fail(e);
        break;
      }
    }
  });
  conn.send(FrameKind.Resume, ch, body).catch(() => {});
  trace("snapshot sent");
  return { accepted, exit };
}
