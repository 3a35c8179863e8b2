// Remote execution for the guest (vm/node/jaunt-transport.js): requests that open
// gateways, start a function remotely with a channel back (its closure travels in a
// snapshot whose only work is that call: JauntRequest.snapshotCall), and move values
// over channels. The guest holds small integer ids; the gateways and channel ends stay
// here, in the program's TransportContext.

import type { JauntRequest, RequestHandler } from "../vm/index";
import type { ChannelEnd, ErrorBody } from "./channels";
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
    "channel.send": (req) => channelOf(ctx, req).send(req.args[1]),
    "channel.sendChannel": async (req) => {
      const other = ctx.channels.get(req.args[1] as number);
      if (!other) throw badId("channel", req.args[1]);
      await channelOf(ctx, req).sendChannel(other);
      // It lives on the other side now.
      ctx.channels.delete(req.args[1] as number);
    },
    "channel.receive": async (req) => {
      const r = await channelOf(ctx, req).receive(timeoutOf(req.args[1]));
      if (!("channel" in r)) return r;
      // A channel sent from the other side: the guest gets an id for its end here.
      const id = ctx.nextHandle++;
      ctx.channels.set(id, r.channel);
      return { channel: id };
    },
    "channel.waitClose": (req) => channelOf(ctx, req).waitClose(timeoutOf(req.args[1])),
    "channel.close": (req) => channelOf(ctx, req).close(req.args[1] as ErrorBody | undefined),
  };
}
