// The guest's jaunt.teleport(target) and jaunt.fork(target, n), served as requests
// (vm/host-ops/requests.ts): at the request the VM is data, so the handler takes a snapshot of
// it "as it will be when the call returns X", sends that to the target and resumes it
// there. teleport then relays the remote output and ends the program here with the
// remote exit code; fork starts n copies (each seeing its index and with a PRNG of its
// own) and returns 0 here, the copies relayed until they end.
//
// teleport("origin") on a remote sends the program back over the connection it came
// from (back-teleport): the origin resumes it in its own process.

import { randomInt } from "node:crypto";
import type { JauntRequest, RequestHandler } from "../vm/index";
import { Gateway, type Opening } from "./gateway";
import { carried, type TransportContext } from "./context";
import { execRequests } from "./exec";
import { findHandles, offerHeld, programIO } from "./held";
import type { Program } from "../compiler/bytecode";
import { trace } from "./trace";
import { prefixLines, sendProgram, type ProgramIO, type RemoteProgram } from "./programs";

export type { TransportContext };

/** What jaunt.teleport returns where the program arrives. */
export interface Arrival {
  teleported: true;
  target: string;
}

export const ORIGIN = "origin";

/** The request handlers (loaded through transport/requests.ts by vmrun and vmresume). */
export function serveRequests(ctx: TransportContext): Record<string, RequestHandler> {
  return {
    teleport: (req) => teleport(req, ctx),
    fork: (req) => fork(req, ctx),
    ...execRequests(ctx),
  };
}

export function openFrom(ctx: TransportContext, target: string): Promise<Gateway> {
  return startFrom(ctx, target).gateway;
}

function startFrom(ctx: TransportContext, target: string): Opening {
  return Gateway.start(target, {
    onStderr: ctx.stderr,
    ...ctx.gatewayOptions,
    // Programs that come back over this gateway run here, with this program's output.
    home: ctx,
  });
}

/**
 * The gateways this process's teleports are using, by target: a program that comes
 * back (teleport("origin")) and moves to the same target again goes over the
 * connection it came home on, to the remote already started there (ssh's
 * ControlMaster, for a whole remote runtime). Closed when its last teleport ends.
 */
const inUse = new Map<string, { gw: Promise<Gateway>; users: number; opts: unknown }>();

/**
 * A gateway to `target` for a teleport: the one in use if it is still connected (its
 * `early` is null), else a new one (Gateway.start).
 */
function teleportGateway(ctx: TransportContext, target: string): Opening {
  const open = inUse.get(target);
  if (open && open.opts === ctx.gatewayOptions) {
    open.users++;
    return { gateway: open.gw, early: null };
  }
  const opening = startFrom(ctx, target);
  const entry = { gw: opening.gateway, users: 1, opts: ctx.gatewayOptions };
  // A connection that ends (or never opens) is not handed out again.
  const forget = () => {
    if (inUse.get(target) === entry) inUse.delete(target);
  };
  entry.gw.then((gw) => gw.conn.onEnd(forget), forget);
  inUse.set(target, entry);
  return opening;
}

/** A teleport is done with its gateway: the last one closes it. */
async function releaseGateway(target: string, gw: Gateway): Promise<void> {
  const open = inUse.get(target);
  if (open && --open.users > 0) return;
  if (open) inUse.delete(target);
  await gw.close();
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
    const found: number[] = [];
    const snapshot = req.snapshot(arrival, findHandles(found));
    const held = await offerHeld(ctx, found);
    const body = { snapshot, handleFloor: ctx.nextHandle, ...held.fields };
    const io = programIO(ctx, held.grant);
    await follow(req, ctx, sendProgram(ctx.upstream, ORIGIN, body, io));
    return;
  }
  trace(`teleport(${target}) requested`);
  // The snapshot is taken while the remote starts (it is only bytes until sent: a
  // failure leaves the program here).
  const found: number[] = [];
  const { gateway: opening, early } = teleportGateway(ctx, target);
  let snapshot: Uint8Array;
  const opts = findHandles(found);
  try {
    snapshot = req.snapshot(arrival, opts);
  } catch (e) {
    void opening.then((g) => releaseGateway(target, g)).catch(() => {});
    throw e;
  }
  trace(`snapshot taken (${snapshot.length} bytes)`);
  // The module manifest (memoized: carried() below reuses it) is collected while the
  // remote starts too: it reads and hashes the program folder's files.
  if (ctx.modules?.()) trace("module manifest collected");
  // A remote this teleport starts gets its program right behind the payload (no wait
  // for its Hello); one already running gets it once the gateway is confirmed open.
  let sent: RemoteProgram | null = null;
  const send = async (resume: NonNullable<typeof early>) => {
    const held = await offerHeld(ctx, found);
    return resume(
      snapshot,
      programIO(ctx, held.grant),
      { ...carried(ctx), ...held.fields },
      opts.programs,
    );
  };
  if (early) {
    try {
      sent = await send(early);
    } catch (e) {
      void opening.then((g) => releaseGateway(target, g)).catch(() => {});
      throw e;
    }
  }
  const gw = await opening;
  trace("gateway open");
  try {
    await follow(req, ctx, sent ?? (await send(gw.resume.bind(gw))));
  } finally {
    await releaseGateway(target, gw);
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
  trace("program accepted");
  let code: number;
  try {
    code = await prog.exit;
  } catch (e) {
    ctx.stderr(`jaunt: lost the teleported program: ${(e as Error).message}\n`);
    code = 1;
  }
  req.exit(code);
}

/**
 * Where copy `index`'s output goes: the program's, each line prefixed if asked, and
 * what writes out a last line without its newline when the copy ends.
 */
function copyIO(
  ctx: TransportContext,
  template: string | null,
  index: number,
): { io: ProgramIO; flush(): void } {
  if (!template) return { io: ctx, flush() {} };
  const prefix = template.replaceAll("{index}", String(index));
  const stdout = prefixLines(ctx.stdout, prefix);
  const stderr = prefixLines(ctx.stderr, prefix);
  return {
    io: { stdout, stderr, fetchModule: ctx.fetchModule },
    flush() {
      void stdout.flush();
      void stderr.flush();
    },
  };
}

async function fork(req: JauntRequest, ctx: TransportContext): Promise<number> {
  const [target, n, template] = req.args as [string, number, string | null | undefined];
  const gw = await openFrom(ctx, target);
  // Copies after the first are copies of a prebuilt realm anyway: build it once, first.
  if (n > 1) gw.prepare();
  const copies: RemoteProgram[] = [];
  for (let i = 1; i <= n; i++) {
    const { io, flush } = copyIO(ctx, template ?? null, i);
    // The copies name the same programs: sent compiled with the first only.
    const programs: Program[] = [];
    const snapshot = req.snapshot(i, { programs: i === 1 ? programs : undefined });
    const copy = gw.resume(
      snapshot,
      io,
      { seed: randomInt(2 ** 32 - 1) + 1, ...carried(ctx) },
      programs,
    );
    copy.exit.then(flush, flush);
    copies.push(copy);
  }
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
