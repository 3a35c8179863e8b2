// Remote execution for the guest (vm/node/jaunt-transport.js): requests that open
// gateways, start a function remotely with a channel back (its closure travels in a
// snapshot whose only work is that call: JauntRequest.snapshotCall), and move values
// over channels. The guest holds small integer ids; the gateways and channel ends stay
// here, in the program's TransportContext.

import type { JauntRequest, RequestHandler } from "../vm/index";
import type { CarriedChannels, ChannelEnd, ErrorBody, ValuePath } from "./channels";
import { carried, type TransportContext } from "./context";

function badId(what: string, id: unknown): Error {
  return Object.assign(new Error(`jaunt: no open ${what} with id ${String(id)}`), {
    code: "ERR_JAUNT_CHANNEL_CLOSED",
  });
}

function channelOf(ctx: TransportContext, req: JauntRequest): ChannelEnd {
  const end = ctx.channels.get(req.args[0] as number);
  if (!end) throw badId("channel", req.args[0]);
  return end;
}

/** A timeout argument: a non-negative number of milliseconds, or none. */
function timeoutOf(v: unknown): number | undefined {
  return typeof v === "number" && v >= 0 ? v : undefined;
}

/**
 * The channel ends a guest value carries: [handle id, paths] pairs (vm/node/
 * jaunt-transport.js finds them) as this side's ends.
 */
function carriedEnds(ctx: TransportContext, list: unknown): CarriedChannels {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new TypeError("jaunt: bad list of channels to send");
  return list.map((entry) => {
    const [id, paths] = entry as [number, ValuePath[]];
    const end = ctx.channels.get(id);
    if (!end) throw badId("channel", id);
    return { end, paths };
  });
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
  if (Array.isArray(list)) for (const [id] of list as [number][]) ctx.channels.delete(id);
}

export function execRequests(ctx: TransportContext): Record<string, RequestHandler> {
  return {
    "gateway.open": async (req) => {
      // Loaded here (as below): teleport.ts imports this module.
      const { openFrom } = require("./teleport") as typeof import("./teleport");
      const gw = await openFrom(ctx, req.args[0] as string);
      const id = ctx.nextHandle++;
      ctx.gateways.set(id, gw);
      return { id, remote: gw.remote };
    },
    "gateway.exec": async (req) => {
      const gw = ctx.gateways.get(req.args[0] as number);
      if (!gw) throw badId("gateway", req.args[0]);
      // The function's guest sees its channel as id 0 (transport/remote.ts).
      const { end, accepted } = gw.exec(req.snapshotCall(1, [0]), ctx, carried(ctx));
      await accepted;
      // Channels among its arguments: sent first, its guest puts them in place.
      const inArgs = carriedEnds(ctx, req.args[2]);
      if (inArgs.length) {
        await end.send(null, inArgs);
        forgetSent(ctx, req.args[2]);
      }
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
      await channelOf(ctx, req).send(req.args[1], carriedEnds(ctx, req.args[2]));
      forgetSent(ctx, req.args[2]);
    },
    "channel.receive": async (req) => {
      const r = await channelOf(ctx, req).receive(timeoutOf(req.args[1]));
      if (!("value" in r) || !r.channels?.length) return r;
      // Channels sent from the other side: the guest gets ids for their ends here.
      return { value: r.value, channels: receivedHandles(ctx, r.channels) };
    },
    "channel.waitClose": (req) => channelOf(ctx, req).waitClose(timeoutOf(req.args[1])),
    "channel.close": (req) => channelOf(ctx, req).close(req.args[1] as ErrorBody | undefined),
  };
}
