// Remote execution for the guest (vm/node/jaunt-transport.js): requests that open
// gateways, start a function remotely with a channel back (its closure travels in a
// snapshot whose only work is that call: JauntRequest.snapshotCall), and move values
// over channels. The guest holds small integer ids; the gateways and channel ends stay
// here, in the program's TransportContext.

import type { JauntRequest, RequestHandler } from "../vm/index";
import type { CarriedChannels, ChannelEnd, ErrorBody, ValuePath } from "./channels";
import { closedError } from "./channels";
import { carried, type TransportContext } from "./context";
import { findHandles, offerHeld, programIO } from "./held";

function badId(what: string, id: unknown): Error {
  return Object.assign(new Error(`jaunt: no open ${what} with id ${String(id)}`), {
    code: "ERR_JAUNT_CHANNEL_CLOSED",
  });
}

/** Why handle `id` names no channel here. */
function noChannel(ctx: TransportContext, id: unknown): Error {
  if (ctx.movedChannels.has(id as number))
    return closedError("this channel was sent to the other side (it is used there now)");
  if (typeof id === "number" && id < (ctx.inheritedBelow ?? 0))
    return closedError(
      "this channel stayed on the machine this code came from (it was closed or sent away " +
        "there, or this is a forked copy: copies take no channels)",
    );
  return badId("channel", id);
}

/** The end of handle `id`: a channel offered with this program is claimed on first use. */
function endOf(ctx: TransportContext, id: unknown): ChannelEnd | Promise<ChannelEnd> {
  const end = ctx.channels.get(id as number);
  if (end) return end;
  if (typeof id === "number" && ctx.claim?.offered(id)) return ctx.claim.get(id);
  throw noChannel(ctx, id);
}

function channelOf(ctx: TransportContext, req: JauntRequest): ChannelEnd | Promise<ChannelEnd> {
  return endOf(ctx, req.args[0]);
}

/** A timeout argument: a non-negative number of milliseconds, or none. */
function timeoutOf(v: unknown): number | undefined {
  return typeof v === "number" && v >= 0 ? v : undefined;
}

/**
 * The channel ends a guest value carries: [handle id, paths] pairs (vm/node/
 * jaunt-transport.js finds them) as this side's ends.
 */
async function carriedEnds(ctx: TransportContext, list: unknown): Promise<CarriedChannels> {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new TypeError("jaunt: bad list of channels to send");
  const ends: CarriedChannels = [];
  for (const [id, paths] of list as [number, ValuePath[]][])
    ends.push({ end: await endOf(ctx, id), paths });
  return ends;
}

/** Gives the guest handle ids for channel ends that arrived, with their places. */
function receivedHandles(
  ctx: TransportContext,
  channels: CarriedChannels,
): [number, ValuePath[]][] {
  return channels.map(({ end, paths }) => {
    const id = ctx.nextHandle++;
    ctx.channels.set(id, end);
    return [id, paths];
  });
}

/** After a send, the channel ends given away live on the other side: their handles go. */
function forgetSent(ctx: TransportContext, list: unknown): void {
  if (Array.isArray(list))
    for (const [id] of list as [number][]) {
      ctx.channels.delete(id);
      ctx.movedChannels.add(id);
    }
}

function noGateway(ctx: TransportContext, id: unknown): Error {
  if (typeof id === "number" && id < (ctx.inheritedBelow ?? 0))
    return closedError(
      "this gateway stayed on the machine this code came from (gateways do not move): open one here",
    );
  return badId("gateway", id);
}

export function execRequests(ctx: TransportContext): Record<string, RequestHandler> {
  return {
    "gateway.open": async (req) => {
      // Loaded here (as below): teleport.ts imports this module.
      const { openFrom } = require("./teleport") as typeof import("./teleport");
      const gw = await openFrom(ctx, req.args[0] as string);
      // Its first remoteExec comes when the guest gets there.
      gw.prepare();
      const id = ctx.nextHandle++;
      ctx.gateways.set(id, gw);
      return { id, remote: gw.remote };
    },
    "gateway.exec": async (req) => {
      const gw = ctx.gateways.get(req.args[0] as number);
      if (!gw) throw noGateway(ctx, req.args[0]);
      // The function's guest sees its channel as id 0 (transport/remote.ts); the
      // channels its closure or arguments hold move with it (held.ts).
      const found: number[] = [];
      const opts = findHandles(found);
      const snapshot = req.snapshotCall(1, [0], opts);
      const held = await offerHeld(ctx, found);
      const io = programIO(ctx, held.grant);
      const extra = { ...carried(ctx), ...held.fields };
      const { end, accepted } = gw.exec(snapshot, io, extra, opts.programs);
      await accepted;
      const id = ctx.nextHandle++;
      ctx.channels.set(id, end);
      return id;
    },
    "gateway.close": async (req) => {
      const gw = ctx.gateways.get(req.args[0] as number);
      if (!gw) return;
      ctx.gateways.delete(req.args[0] as number);
      for (const [id, end] of ctx.channels) if (end.conn === gw.conn) ctx.channels.delete(id);
      await gw.close();
    },
    // args: [channel, value, channels it carries ([handle, paths] pairs)?]
    "channel.send": async (req) => {
      const end = await channelOf(ctx, req);
      await end.send(req.args[1], await carriedEnds(ctx, req.args[2]));
      forgetSent(ctx, req.args[2]);
    },
    "channel.receive": async (req) => {
      const r = await (await channelOf(ctx, req)).receive(timeoutOf(req.args[1]));
      if (!("value" in r) || !r.channels?.length) return r;
      // Channels sent from the other side: the guest gets ids for their ends here.
      return { value: r.value, channels: receivedHandles(ctx, r.channels) };
    },
    "channel.waitClose": async (req) =>
      (await channelOf(ctx, req)).waitClose(timeoutOf(req.args[1])),
    "channel.close": async (req) =>
      (await channelOf(ctx, req)).close(req.args[1] as ErrorBody | undefined),
  };
}
