// Wire frames: what travels between an origin and a remote over a byte stream (a
// pipe, an ssh session, a TCP socket). Every frame is a fixed 12-byte header and a
// CBOR body:
//
//   offset  size  field
//   0       2     magic "JT" (0x4a 0x54)
//   2       1     protocol version (FRAME_VERSION)
//   3       1     kind (FrameKind)
//   4       4     channel id, big-endian u32 (0: the connection itself)
//   8       4     body length in bytes, big-endian u32 (at most the decoder's maxFrame)
//   12      n     body: one CBOR value
//
// A peer is not trusted: the decoder checks each field as it arrives and names what
// is wrong (garbage, a version it does not speak, an unknown kind, an oversize or
// truncated frame, a body that is not CBOR) with a FrameError; nothing it decodes is
// handed on before the whole frame has been checked.

import type * as CborX from "cbor-x";

export const FRAME_MAGIC_0 = 0x4a; // "J"
export const FRAME_MAGIC_1 = 0x54; // "T"
export const FRAME_VERSION = 1;
export const HEADER_BYTES = 12;
/** The default largest body a decoder accepts: a 10 MB heap's snapshot fits many times. */
export const DEFAULT_MAX_FRAME = 256 * 1024 * 1024;

/** What a frame is for. The numbers are the wire's: never reuse one. */
export enum FrameKind {
  /** remote → origin, once, when the remote is ready: { node, pid, protocol }. */
  Hello = 1,
  /** origin → remote: resume a snapshot on this channel: { snapshot, argv?, prefix? }. */
  Resume = 2,
  /** remote → origin: the guest's stdout text on this channel. */
  Stdout = 3,
  /** remote → origin: the guest's stderr text on this channel. */
  Stderr = 4,
  /** remote → origin: the program on this channel ended: { code }. */
  Exit = 5,
  /** either way: a message on a channel (remoteExec's send/receive). */
  Data = 6,
  /** either way: this side closes the channel: { error? }. */
  Close = 7,
  /** either way: a failure that ends the channel (0: the connection): { message, code? }. */
  Error = 8,
  /** remote → origin, on a program's channel: a forwarded module file it needs: { path }. */
  ModuleRequest = 9,
  /** origin → remote: { path, data } or { path, missing: true }. */
  ModuleReply = 10,
  /** origin → remote: open a gateway from the remote (via=): { spec }. */
  Open = 11,
  /** remote → origin: the program on this channel was accepted and resumed. */
  Ack = 12,
  /** origin → remote: run a function snapshot as a channel (remoteExec): { snapshot }. */
  Exec = 13,
  /** server → client: an authentication challenge { nonce }. */
  Challenge = 14,
  /** client → server: { mac } over the challenge with the shared key. */
  Answer = 15,
  /** a relayed frame for a nested gateway: { frame } holds its encoded bytes. */
  Relay = 16,
  /**
   * either way, on a program's channel: its guest uses a channel its heap brought along
   * (transport/held.ts): { handle }.
   */
  ChannelClaim = 17,
  /** the answer: { handle, id } (the sub-channel now carrying it) or { handle, error }. */
  ChannelGrant = 18,
  /**
   * origin → remote, channel 0: no program follows at once (Gateway.open, fork), so
   * build what every VM there is copied from now (Jaunt.prepare): {}.
   */
  Prepare = 19,
}

const KNOWN_KINDS = new Set<number>(
  Object.values(FrameKind).filter((v): v is number => typeof v === "number"),
);

export interface Frame {
  kind: FrameKind;
  channel: number;
  body: unknown;
}

export type FrameProblem =
  "garbage" | "version" | "kind" | "oversize" | "truncated" | "body" | "channel";

/** A malformed frame from a peer; `problem` says which check failed. */
export class FrameError extends Error {
  readonly code: string;
  constructor(
    readonly problem: FrameProblem,
    message: string,
  ) {
    super(`jaunt transport: ${message}`);
    this.name = "FrameError";
    this.code = `ERR_JAUNT_FRAME_${problem.toUpperCase()}`;
  }
}

// Records and structured clones are cbor-x extensions another implementation would not
// read; plain CBOR keeps the wire inspectable. Made on first use: every vmrun loads this
// module, and loading cbor-x was ~3% of `vmrun hello.js`.
let codec: { out: CborX.Encoder; in: CborX.Decoder } | null = null;
function frameCodec(): { out: CborX.Encoder; in: CborX.Decoder } {
  if (codec) return codec;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Decoder, Encoder } = require("cbor-x") as typeof CborX;
  const opts = { useRecords: false, structuredClone: false, mapsAsObjects: true };
  return (codec = { out: new Encoder(opts), in: new Decoder(opts) });
}

/** The bytes of one frame. Throws FrameError for a body larger than `maxFrame`. */
export function encodeFrame(frame: Frame, maxFrame = DEFAULT_MAX_FRAME): Buffer {
  if (!KNOWN_KINDS.has(frame.kind))
    throw new FrameError("kind", `unknown frame kind ${frame.kind}`);
  checkChannel(frame.channel);
  const body = frameCodec().out.encode(frame.body);
  if (body.length > maxFrame)
    throw new FrameError(
      "oversize",
      `a ${FrameKind[frame.kind]} frame of ${body.length} bytes is over the limit of ${maxFrame}`,
    );
  const out = Buffer.allocUnsafe(HEADER_BYTES + body.length);
  out[0] = FRAME_MAGIC_0;
  out[1] = FRAME_MAGIC_1;
  out[2] = FRAME_VERSION;
  out[3] = frame.kind;
  out.writeUInt32BE(frame.channel, 4);
  out.writeUInt32BE(body.length, 8);
  out.set(body, HEADER_BYTES);
  return out;
}

function checkChannel(channel: number): void {
  if (!Number.isInteger(channel) || channel < 0 || channel > 0xffffffff)
    throw new FrameError("channel", `channel id ${channel} is not a u32`);
}

/**
 * Turns a byte stream into frames. Feed it chunks of any size (one byte at a time
 * works); it returns the frames they complete. After a FrameError the stream is
 * unusable: every later push throws the same error.
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private failed: FrameError | null = null;
  /** Bytes taken from the stream so far (for error messages). */
  private offset = 0;

  constructor(readonly maxFrame = DEFAULT_MAX_FRAME) {}

  push(chunk: Uint8Array): Frame[] {
    if (this.failed) throw this.failed;
    if (chunk.length === 0) return [];
    this.chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    this.buffered += chunk.length;
    const frames: Frame[] = [];
    try {
      for (;;) {
        const f = this.next();
        if (!f) break;
        frames.push(f);
      }
    } catch (e) {
      this.failed = e as FrameError;
      throw e;
    }
    return frames;
  }

  /** The stream ended: throws FrameError("truncated") if it ended inside a frame. */
  end(): void {
    if (this.failed) throw this.failed;
    if (this.buffered > 0)
      throw (this.failed = new FrameError(
        "truncated",
        `the stream ended inside a frame (${this.buffered} bytes of it at offset ${this.offset})`,
      ));
  }

  /** Whether a partial frame is waiting for more bytes. */
  get partial(): boolean {
    return this.buffered > 0;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0];
  }

  private take(n: number): Buffer {
    const head = this.peek(n);
    const out = head.subarray(0, n);
    if (head.length === n) this.chunks.shift();
    else this.chunks[0] = head.subarray(n);
    this.buffered -= n;
    this.offset += n;
    return out;
  }

  private next(): Frame | null {
    if (this.buffered === 0) return null;
    // Check each header byte as soon as it is here: garbage is named at its first byte.
    const head = this.peek(Math.min(this.buffered, HEADER_BYTES));
    const at = this.offset;
    if (head[0] !== FRAME_MAGIC_0 || (head.length > 1 && head[1] !== FRAME_MAGIC_1))
      throw new FrameError("garbage", `no frame magic at offset ${at} (${describeBytes(head)})`);
    if (head.length > 2 && head[2] !== FRAME_VERSION)
      throw new FrameError(
        "version",
        `frame version ${head[2]} at offset ${at}; this side speaks ${FRAME_VERSION}`,
      );
    if (head.length > 3 && !KNOWN_KINDS.has(head[3]))
      throw new FrameError("kind", `unknown frame kind ${head[3]} at offset ${at}`);
    if (head.length < HEADER_BYTES) return null;
    const length = head.readUInt32BE(8);
    if (length > this.maxFrame)
      throw new FrameError(
        "oversize",
        `a frame of ${length} bytes at offset ${at} is over the limit of ${this.maxFrame}`,
      );
    if (this.buffered < HEADER_BYTES + length) return null;
    const kind = head[3] as FrameKind;
    const channel = head.readUInt32BE(4);
    this.take(HEADER_BYTES);
    const bodyBytes = length === 0 ? null : this.take(length);
    if (!bodyBytes)
      throw new FrameError("body", `a ${FrameKind[kind]} frame at offset ${at} has no body`);
    let body: unknown;
    try {
      // Copy: cbor-x may keep views of its input, and the input's buffer is reused.
      body = frameCodec().in.decode(Buffer.from(bodyBytes));
    } catch (e) {
      throw new FrameError(
        "body",
        `the body of a ${FrameKind[kind]} frame at offset ${at} is not CBOR (${(e as Error).message})`,
      );
    }
    return { kind, channel, body };
  }
}

function describeBytes(b: Buffer): string {
  const shown = b.subarray(0, 8);
  const hex = [...shown].map((x) => x.toString(16).padStart(2, "0")).join(" ");
  const text = shown.toString("latin1").replace(/[^\x20-\x7e]/g, ".");
  return `bytes ${hex}, "${text}"`;
}
