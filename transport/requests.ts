// The guest's `jaunt` requests that the transport serves (teleport, fork, remote
// execution), for vmrun and vmresume: the gateways, bootstrap and frames load on the
// first such request, not at every start-up.

import type { RequestHandler } from "../vm/index";
import type { TransportContext } from "./context";

export { finishContext, localContext, type TransportContext } from "./context";

const KINDS = [
  "teleport",
  "fork",
  "gateway.open",
  "gateway.exec",
  "gateway.close",
  "channel.send",
  "channel.receive",
  "channel.waitClose",
  "channel.close",
];

export function transportRequests(ctx: TransportContext): Record<string, RequestHandler> {
  let served: Record<string, RequestHandler> | null = null;
  const handler =
    (kind: string): RequestHandler =>
    (req) => {
      served ??= (require("./teleport") as typeof import("./teleport")).serveRequests(ctx);
      return served[kind](req);
    };
  return Object.fromEntries(KINDS.map((k) => [k, handler(k)]));
}
