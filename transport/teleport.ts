// The guest's jaunt.teleport(target) and jaunt.fork(target, n), served as requests
// (vm/requests.ts): at the request the VM is data, so the handler takes a snapshot of
// it "as it will be when the call returns X", sends that to the target and resumes it
// there. teleport then relays the remote output and ends the program here with the
// remote exit code; fork starts n copies (each seeing its index and with a PRNG of its
// own) and returns 0 here, the copies relayed until they end.
//
// teleport("origin") on a remote sends the program back over the connection it came
// from (back-teleport): the origin resumes it in its own process.

import { randomInt } from "node:crypto";
import type { JauntRequest, RequestHandler } from "../vm/index";
import type { Connection } from "./connection";
import { Gateway, type GatewayOptions } from "./gateway";
import type { ChannelEnd } from "./channels";
import { execRequests } from "./exec";
import { collectModules, type Manifest } from "./forwarding";
import { sendProgram, type ProgramIO, type RemoteProgram } from "./programs";

/** Where a program runs, as the transport handlers see it. */
export interface TransportContext extends Required<ProgramIO> {
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
  /** The program's module files, sent with it wherever it goes (import forwarding). */
  modules?: () => Manifest | null;
}

/** A context for a program whose output goes to `io`. */
export function newContext(
  io: Required<ProgramIO>,
  more: {
    upstream?: Connection;
    gatewayOptions?: GatewayOptions;
    modules?: () => Manifest | null;
  } = {},
): TransportContext {
  return { ...io, ...more, children: [], gateways: new Map(), channels: new Map(), nextHandle: 1 };
}

/** The program has ended: close the gateways it left open (their remotes end). */
export async function finishContext(ctx: TransportContext): Promise<void> {
  await Promise.allSettled(ctx.children);
  const gws = [...ctx.gateways.values()];
  ctx.gateways.clear();
  ctx.channels.clear();
  await Promise.allSettled(gws.map((g) => g.close()));
}

/** What jaunt.teleport returns where the program arrives. */
export interface Arrival {
  teleported: true;
  target: string;
}

export const ORIGIN = "origin";

/** The request handlers for vmrun, vmresume and every remote program. */
export function transportRequests(ctx: TransportContext): Record<string, RequestHandler> {
  return {
    teleport: (req) => teleport(req, ctx),
    fork: (req) => fork(req, ctx),
    ...execRequests(ctx),
  };
}

/** A context for a program whose output goes to this process's stdout/stderr. */
export function localContext(
  gatewayOptions?: GatewayOptions,
  programRoot?: string,
): TransportContext {
  let manifest: Manifest | null | undefined;
  // Collected at the first move, not at start-up: most programs never move.
  const modules = programRoot
    ? () => (manifest === undefined ? (manifest = collectModules(programRoot)) : manifest)
    : undefined;
  return newContext(
    {
      stdout: (t) => void process.stdout.write(t),
      stderr: (t) => void process.stderr.write(t),
    },
    { gatewayOptions, modules },
  );
}

/** The fields a program carries besides its snapshot: its module files, if any. */
export function carried(ctx: TransportContext): Record<string, unknown> {
  const modules = ctx.modules?.();
  return modules ? { modules } : {};
}

export function openFrom(ctx: TransportContext, target: string): Promise<Gateway> {
  return Gateway.open(target, {
    onStderr: ctx.stderr,
    ...ctx.gatewayOptions,
    // Programs that come back over this gateway run here, with this program's output.
    home: ctx,
  });
}

async function teleport(req: JauntRequest, ctx: TransportContext): Promise<void> {
  const target = req.args[0] as string;
  const arrival: Arrival = { teleported: true, target };
  if (target === ORIGIN) {
    if (!ctx.upstream)
      throw Object.assign(
        new Error("jaunt.teleport('origin'): this program did not come from a remote origin"),
        {
          code: "ERR_JAUNT_NO_ORIGIN",
        },
      );
    await follow(
      req,
      ctx,
      sendProgram(ctx.upstream, ORIGIN, { snapshot: req.snapshot(arrival) }, ctx),
    );
    return;
  }
  const gw = await openFrom(ctx, target);
  try {
    await follow(req, ctx, gw.resume(req.snapshot(arrival), ctx, carried(ctx)));
  } finally {
    await gw.close();
  }
}

/**
 * Until the target has resumed the program, a failure is the guest's exception (the
 * program goes on here); after that the program lives there, and this copy ends with
 * its exit code (1, with a message, if the connection is lost).
 */
async function follow(
  req: JauntRequest,
  ctx: TransportContext,
  prog: RemoteProgram,
): Promise<void> {
  await prog.accepted;
  let code: number;
  try {
    code = await prog.exit;
  } catch (e) {
    ctx.stderr(`jaunt: lost the teleported program: ${(e as Error).message}\n`);
    code = 1;
  }
  req.exit(code);
}

async function fork(req: JauntRequest, ctx: TransportContext): Promise<number> {
  const [target, n] = req.args as [string, number];
  const gw = await openFrom(ctx, target);
  const copies: RemoteProgram[] = [];
  for (let i = 1; i <= n; i++)
    copies.push(
      gw.resume(req.snapshot(i), ctx, { seed: randomInt(2 ** 32 - 1) + 1, ...carried(ctx) }),
    );
  try {
    await Promise.all(copies.map((c) => c.accepted));
  } catch (e) {
    // All or none: the copies that did start end with the connection.
    await gw.close();
    throw e;
  }
  const ended = Promise.allSettled(copies.map((c) => c.exit)).then(() => gw.close());
  ctx.children.push(ended);
  return 0;
}
