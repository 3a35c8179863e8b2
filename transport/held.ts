// Channels held by a heap that moves: a closure sent by remoteExec, a teleported
// program. The guest's Channel objects keep their handle under Symbol.for(HANDLE_KEY)
// (vm/node/jaunt-transport.js), so encoding the snapshot lists the handles it reaches
// (EncodeOptions.handles); the Resume/Exec frame offers the open ones (`channels`).
//
// A channel moves when the other side's guest first uses it, not when the snapshot is
// taken: closures share environments, so a snapshot may reach channels its code never
// touches, which must stay usable here (and by the next closure sent). The other side
// claims a handle with a ChannelClaim frame on the program's channel; this side checks
// it was offered and is still here, hands it over on a sub-channel (channels.ts
// handOver) and answers with a ChannelGrant. From then on the channel works there,
// relayed through here, and here says it moved. `handleFloor` is where the other side's
// own handle numbers start, so a handle that was not offered (closed, or left behind by
// fork) is never taken for one of its own.

import type { RequestSnapshotOptions } from "../vm/index";
import type { Program } from "../compiler/bytecode";
import { adoptSubChannel, closedError, handOver, type ChannelEnd } from "./channels";
import type { Connection } from "./connection";
import type { TransportContext } from "./context";
import { FrameKind } from "./frame";
import type { ProgramIO } from "./programs";

/** The registered symbol's key under which a guest Channel keeps its handle. */
export const HANDLE_KEY = "jaunt.channel";

/** At most this many channels are offered with one snapshot (a peer's list is checked). */
const MAX_HELD = 1024;

/**
 * Snapshot options that collect the channel handles the heap reaches into `found`, and
 * the programs the snapshot names (into `programs`, for Gateway.resume and exec).
 */
export function findHandles(found: number[]): RequestSnapshotOptions & { programs: Program[] } {
  return { handles: { key: HANDLE_KEY, found }, programs: [] };
}

/** Gives a claimed channel away (the end to hand over) or says why not. */
export type Grant = (handle: number) => ChannelEnd | Error;

/**
 * Offers the open channels among `found` (handles of `ctx`) with a snapshot: the frame's
 * fields, and the grant that answers the other side's claims. Channels this side was
 * offered but has not claimed yet are claimed first: they move on with the program.
 */
export async function offerHeld(
  ctx: TransportContext,
  found: number[],
): Promise<{ fields: { channels?: number[] }; grant: Grant }> {
  const unique = [...new Set(found)];
  for (const h of unique) if (!ctx.channels.has(h) && ctx.claim?.offered(h)) await ctx.claim.get(h);
  const offered = new Set(unique.filter((h) => ctx.channels.get(h)?.refusal() === null));
  if (offered.size > MAX_HELD)
    throw new RangeError(`jaunt: at most ${MAX_HELD} channels can move with one snapshot`);
  const grant: Grant = (h) => {
    const end = ctx.channels.get(h);
    if (!offered.delete(h) || !end) return closedError("that channel was not offered, or it moved");
    ctx.channels.delete(h);
    ctx.movedChannels.add(h);
    return end;
  };
  return { fields: offered.size ? { channels: [...offered] } : {}, grant };
}

/** A program's output and module files as `ctx` has them, with `grant` answering its claims. */
export function programIO(ctx: TransportContext, grant: Grant): ProgramIO {
  return {
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    fetchModule: ctx.fetchModule,
    grantChannel: grant,
  };
}

/** Answers a ChannelClaim on channel `ch`: hands the channel over and relays it, or refuses. */
export function answerClaim(conn: Connection, ch: number, body: unknown, grant?: Grant): void {
  const handle = (body as { handle?: unknown } | null)?.handle;
  if (!isHandle(handle)) return;
  const end = grant ? grant(handle) : closedError("no channels were offered");
  const quiet = () => {};
  if (end instanceof Error) {
    conn.send(FrameKind.ChannelGrant, ch, { handle, error: end.message }).catch(quiet);
    return;
  }
  const sub = handOver(conn, end);
  // The grant goes first: the other side routes the sub-channel as it reads it.
  conn.send(FrameKind.ChannelGrant, ch, { handle, id: sub.id }).catch(quiet);
  sub.relay();
}

function isHandle(v: unknown): v is number {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0 && v <= 0xffffffff;
}

/** The receiving side's claims: channels offered with its program, taken on first use. */
export class Claims {
  private readonly waiting = new Map<number, (r: ChannelEnd | Error) => void>();

  constructor(
    private readonly ctx: TransportContext,
    private readonly conn: Connection,
    private readonly ch: number,
    private readonly offers: Set<number>,
  ) {}

  offered(handle: number): boolean {
    return this.offers.has(handle);
  }

  /** Claims `handle` from the side the program came from; resolves with its end here. */
  get(handle: number): Promise<ChannelEnd> {
    if (!this.offers.delete(handle))
      return Promise.reject(closedError("this channel was not offered with this program"));
    return new Promise((resolve, reject) => {
      const off = this.conn.onEnd((e) => this.settle(handle, e));
      this.waiting.set(handle, (r) => {
        off();
        if (r instanceof Error) reject(r);
        else resolve(r);
      });
      this.conn.send(FrameKind.ChannelClaim, this.ch, { handle }).catch(reject);
    });
  }

  /** A ChannelGrant frame's body (adopted at once: the sub-channel's frames follow it). */
  deliver(body: unknown): void {
    const b = body as { handle?: unknown; id?: unknown; error?: unknown } | null;
    if (!isHandle(b?.handle) || !this.waiting.has(b.handle)) return;
    if (isHandle(b.id) && b.id > 0) {
      const end = adoptSubChannel(this.conn, b.id, this.ctx);
      this.ctx.channels.set(b.handle, end);
      this.settle(b.handle, end);
    } else this.settle(b.handle, closedError(`the channel could not move: ${String(b.error)}`));
  }

  private settle(handle: number, r: ChannelEnd | Error): void {
    const w = this.waiting.get(handle);
    this.waiting.delete(handle);
    w?.(r);
  }
}

/**
 * The receiving side of a Resume/Exec frame: its own handles start past the origin's,
 * and the channels offered can be claimed (ctx.claim). Throws (the program is refused)
 * on malformed fields.
 */
export function adoptHeld(
  ctx: TransportContext,
  conn: Connection,
  ch: number,
  body: Record<string, unknown>,
): void {
  const { channels, handleFloor } = body;
  if (handleFloor !== undefined) {
    if (!isHandle(handleFloor)) throw new Error("the frame's 'handleFloor' is not a handle number");
    ctx.nextHandle = Math.max(ctx.nextHandle, handleFloor);
    ctx.inheritedBelow = handleFloor;
  }
  if (channels === undefined) return;
  if (
    !Array.isArray(channels) ||
    channels.length > MAX_HELD ||
    !channels.every((h) => isHandle(h) && h > 0 && h < (ctx.inheritedBelow ?? 0))
  )
    throw new Error("the frame's 'channels' is not a list of handles below its 'handleFloor'");
  ctx.claim = new Claims(ctx, conn, ch, new Set(channels as number[]));
}
