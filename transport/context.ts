// A program's transport state, light enough for vmrun to make at start-up without
// loading the gateways: where its output goes, where it came from (a remote's
// connection to its origin), the gateways and channels it holds, the copies it forked,
// and the module files that go with it when it moves.

import type { Connection } from "./connection";
import type { Gateway, GatewayOptions } from "./gateway";
import type { ChannelEnd } from "./channels";
import type { Claims } from "./held";
import { collectModules, forwardModeFromEnv, type Manifest, type ModuleSource } from "./forwarding";
import type { ProgramIO } from "./programs";

/** Where a program runs, as the transport handlers see it. */
export interface TransportContext extends Required<
  Omit<ProgramIO, "fetchModule" | "grantChannel">
> {
  /** On a remote: the connection to the origin (teleport("origin") goes back over it). */
  upstream?: Connection;
  /** Options for gateways the program opens. */
  gatewayOptions?: GatewayOptions;
  /** Copies this program forked that are still running (their end is waited for). */
  children: Promise<unknown>[];
  /** The program's open gateways and channels (remoteExec), by the ids its guest holds. */
  gateways: Map<number, Gateway>;
  channels: Map<number, ChannelEnd>;
  nextHandle: number;
  /** Handles of channels that moved away with a closure or the program (held.ts). */
  movedChannels: Set<number>;
  /** Handles below this came with the program from its origin (held.ts's handleFloor). */
  inheritedBelow?: number;
  /** The channels offered with the program, claimed from its origin on first use (held.ts). */
  claim?: Claims;
  /** The manifest of the program's module files, sent with it wherever it goes (import forwarding). */
  modules?: () => Manifest | null;
  /** Serves a remote's request for one of those files (ProgramIO.fetchModule). */
  fetchModule?: (file: string) => Promise<Uint8Array | null>;
}

/** A context for a program whose output goes to `io`. */
export function newContext(
  io: Required<Omit<ProgramIO, "fetchModule" | "grantChannel">>,
  more: {
    upstream?: Connection;
    gatewayOptions?: GatewayOptions;
    modules?: () => Manifest | null;
    fetchModule?: (file: string) => Promise<Uint8Array | null>;
  } = {},
): TransportContext {
  return {
    ...io,
    ...more,
    children: [],
    gateways: new Map(),
    channels: new Map(),
    nextHandle: 1,
    movedChannels: new Set(),
  };
}

/** The program has ended: close the gateways it left open (their remotes end). */
export async function finishContext(ctx: TransportContext): Promise<void> {
  await Promise.allSettled(ctx.children);
  const gws = [...ctx.gateways.values()];
  ctx.gateways.clear();
  ctx.channels.clear();
  await Promise.allSettled(gws.map((g) => g.close()));
}

/** Writes `text`; a stream that is full says to wait for its drain (relayed output pauses). */
function writeOut(stream: NodeJS.WriteStream, text: string): Promise<void> | undefined {
  if (stream.write(text)) return undefined;
  let wait = draining.get(stream);
  if (!wait) {
    wait = new Promise((resolve) => {
      const done = () => {
        stream.off("drain", done);
        stream.off("close", done);
        draining.delete(stream);
        resolve();
      };
      stream.on("drain", done);
      stream.on("close", done);
    });
    draining.set(stream, wait);
  }
  return wait;
}

/** One wait per full stream, shared by every write that found it full. */
const draining = new WeakMap<NodeJS.WriteStream, Promise<void>>();

/** A context for a program whose output goes to this process's stdout/stderr. */
export function localContext(
  gatewayOptions?: GatewayOptions,
  programRoot?: string,
): TransportContext {
  let source: ModuleSource | undefined;
  // Collected at the first move, not at start-up: most programs never move.
  const collected = () => (source ??= collectModules(programRoot!, forwardModeFromEnv()));
  return newContext(
    { stdout: (t) => writeOut(process.stdout, t), stderr: (t) => writeOut(process.stderr, t) },
    programRoot
      ? {
          gatewayOptions,
          modules: () => collected().manifest,
          fetchModule: (file) => collected().fetch(file),
        }
      : { gatewayOptions },
  );
}

/**
 * The fields a program carries besides its snapshot: its module files, if any, and
 * where the handles of its new home must start (held.ts).
 */
export function carried(ctx: TransportContext): Record<string, unknown> {
  const modules = ctx.modules?.();
  return modules ? { modules, handleFloor: ctx.nextHandle } : { handleFloor: ctx.nextHandle };
}
