// The host operations under the guest's `zlib` (vm/node/zlib.js): each one compresses
// or decompresses a whole buffer with Node's own zlib and brotli, so the bytes are
// Node's exactly. No capability: pure computation (host-pure.ts). The synchronous
// forms take one step, as zlib.gzipSync blocks node; the callback forms and the
// streams' work run on Node's thread pool as pending host operations (idempotent:
// a resume issues them again).
//
// A stream keeps its steps (input slices with their flush flags, params, resets) as
// guest data (vm/node/zlib.js explains why). The host keeps a live engine per stream
// and VM (by the VM's HostLink, so it reattaches under --snapshot-every) that has taken
// the first `fed` steps; each new step returns its output at once. A VM resumed in
// another process finds no engine and replays its steps, discarding their output.

import type * as Zlib from "node:zlib";
import { perLink } from "./link";
import { definePureOperations, viaCallback, type PureOperation } from "./pure";
import type { OpContext } from "./runtime-ops";

type Kind =
  | "deflate"
  | "inflate"
  | "gzip"
  | "gunzip"
  | "deflateRaw"
  | "inflateRaw"
  | "unzip"
  | "brotliCompress"
  | "brotliDecompress";

type Options = Zlib.ZlibOptions & Zlib.BrotliOptions;
type Callback = (e: Error | null, r: Buffer) => void;

interface Tables {
  zlib: typeof Zlib;
  sync: Record<Kind, (b: Uint8Array, o: Options) => Buffer>;
  async: Record<Kind, (b: Uint8Array, o: Options, cb: Callback) => void>;
  create: Record<Kind, (o: Options) => Zlib.Gzip | Zlib.BrotliCompress>;
}

let tables: Tables | undefined;

/** Node's zlib, loaded on first use (it costs start-up time every run would pay). */
function z(): Tables {
  if (tables) return tables;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zlib = require("node:zlib") as typeof Zlib;
  tables = {
    zlib,
    sync: {
      deflate: zlib.deflateSync,
      inflate: zlib.inflateSync,
      gzip: zlib.gzipSync,
      gunzip: zlib.gunzipSync,
      deflateRaw: zlib.deflateRawSync,
      inflateRaw: zlib.inflateRawSync,
      unzip: zlib.unzipSync,
      brotliCompress: zlib.brotliCompressSync,
      brotliDecompress: zlib.brotliDecompressSync,
    },
    async: {
      deflate: zlib.deflate,
      inflate: zlib.inflate,
      gzip: zlib.gzip,
      gunzip: zlib.gunzip,
      deflateRaw: zlib.deflateRaw,
      inflateRaw: zlib.inflateRaw,
      unzip: zlib.unzip,
      brotliCompress: zlib.brotliCompress,
      brotliDecompress: zlib.brotliDecompress,
    },
    create: {
      deflate: zlib.createDeflate,
      inflate: zlib.createInflate,
      gzip: zlib.createGzip,
      gunzip: zlib.createGunzip,
      deflateRaw: zlib.createDeflateRaw,
      inflateRaw: zlib.createInflateRaw,
      unzip: zlib.createUnzip,
      brotliCompress: zlib.createBrotliCompress,
      brotliDecompress: zlib.createBrotliDecompress,
    },
  };
  return tables;
}

const KINDS = new Set<string>([
  "deflate",
  "inflate",
  "gzip",
  "gunzip",
  "deflateRaw",
  "inflateRaw",
  "unzip",
  "brotliCompress",
  "brotliDecompress",
]);

function kind(k: unknown): Kind {
  if (typeof k === "string" && KINDS.has(k)) return k as Kind;
  throw new TypeError(`internal: no zlib operation ${String(k)}`);
}

function bytes(v: unknown): Uint8Array {
  return v instanceof Uint8Array ? v : new Uint8Array(0);
}

/** The guest's options as Node takes them (plain data only; `info` is not offered). */
function options(o: unknown): Options {
  return o && typeof o === "object" ? { ...(o as Options), info: false } : {};
}

// ---- live stream engines, re-derivable from guest data --------------------------------

/**
 * What of Node's zlib stream object a synchronous step uses: the native handle's
 * writeSync and the state array it reports into (what zlibBufferSync drives, minus the
 * close at its end, which is why `_processChunk` without a callback cannot be used here).
 */
interface Engine {
  _handle: NativeHandle | null;
  _writeState: Uint32Array;
  _chunkSize: number;
  _maxOutputLength: number;
  _level: number;
  _strategy: number;
  reset(): void;
  close(): void;
  on(event: "error", f: () => void): void;
}
interface NativeHandle {
  writeSync(
    flag: number,
    input: Uint8Array,
    inOff: number,
    inLen: number,
    out: Uint8Array,
    outOff: number,
    outLen: number,
  ): void;
  params?(level: number, strategy: number): void;
  onerror: (message: string, errno: number) => void;
}

/** A live engine whose native errors are caught synchronously (Node reports them by event). */
function newEngine(k: Kind, o: Options): Engine {
  const e = z().create[kind(k)](o) as unknown as Engine;
  // destroy() emits the error on a later tick: nobody else listens on the host.
  e.on("error", () => undefined);
  const h = e._handle;
  if (!h || typeof h.writeSync !== "function" || !(e._writeState instanceof Uint32Array))
    throw new Error(`jaunt: this node's zlib streams cannot be fed synchronously`);
  return e;
}

/**
 * What a step gave: its output in one buffer, the input bytes the engine took, and
 * whether it stopped taking input before the end of this step's (the compressed
 * stream ended: Node's stream then ends its readable side and ignores the rest).
 */
interface StepResult {
  out: Buffer;
  read: number;
  ended: boolean;
}

/** Feeds `data` with `flag` to the engine. */
function feed(e: Engine, data: Uint8Array, flag: number): StepResult {
  const h = e._handle;
  if (!h) throw new Error("zlib binding closed");
  let failure: { message: string; errno: number } | null = null;
  const onerror = h.onerror;
  h.onerror = function (message, errno) {
    failure = { message, errno };
    onerror.call(this, message, errno);
  };
  const out: Buffer[] = [];
  let total = 0;
  let inOff = 0;
  let inLen = data.byteLength;
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(e._chunkSize);
      h.writeSync(flag, data, inOff, inLen, buf, 0, buf.length);
      if (failure) throw zlibError(failure);
      const [outLeft, inLeft] = e._writeState;
      const have = buf.length - outLeft;
      if (have > 0) {
        out.push(buf.subarray(0, have));
        total += have;
        if (total > e._maxOutputLength) throw tooLarge(e._maxOutputLength);
      }
      inOff += inLen - inLeft;
      inLen = inLeft;
      // A full output buffer: the engine has more to give for this input.
      if (outLeft !== 0) break;
    }
  } finally {
    if (e._handle) e._handle.onerror = onerror;
  }
  return {
    out: out.length === 1 ? out[0] : Buffer.concat(out, total),
    read: inOff,
    ended: inLen > 0,
  };
}

function zlibError(f: { message: string; errno: number }): Error {
  const err = new Error(f.message) as Error & { errno: number; code?: string };
  err.errno = f.errno;
  const code = (z().zlib as unknown as { codes: Record<number, string> }).codes[f.errno];
  if (code !== undefined) err.code = code;
  return err;
}

function tooLarge(max: number): Error {
  const err = new RangeError(`Cannot create a Buffer larger than ${max} bytes`) as RangeError & {
    code: string;
  };
  err.code = "ERR_BUFFER_TOO_LARGE";
  err.stack = `RangeError [ERR_BUFFER_TOO_LARGE]: ${err.message}`;
  return err;
}

interface LiveEngine {
  engine: Engine;
  /** How many of the guest's steps it has taken. */
  fed: number;
}

const enginesByLink = perLink<LiveEngine>();
const enginesOf = (ctx: OpContext) => enginesByLink(ctx.link);

/**
 * A step of a stream, as the guest keeps it: input with its flush flag, new params
 * (after the sync flush node's params() does first), or a reset.
 */
type Step = { data: Uint8Array; flag: number } | { level: number; strategy: number } | "reset";

function take(e: Engine, step: Step): StepResult {
  if (step === "reset") {
    e.reset();
    return NOTHING;
  }
  if ("data" in step) return feed(e, bytes(step.data), step.flag);
  // What params() does once its flush has called back: set them on the handle.
  e._handle?.params?.(step.level, step.strategy);
  e._level = step.level;
  e._strategy = step.strategy;
  return NOTHING;
}
const NOTHING: StepResult = { out: Buffer.alloc(0), read: 0, ended: false };

const sync: Record<string, PureOperation> = {
  constants: () => ({ ...z().zlib.constants }),
  /** The zlib constants Node also puts on the module itself (Z_SYNC_FLUSH…). */
  legacyConstants: () =>
    Object.fromEntries(Object.entries(z().zlib.constants).filter(([k]) => !k.startsWith("BROTLI"))),
  codes: () => ({ ...(z().zlib as unknown as { codes: Record<string, unknown> }).codes }),
  process: (_, k: string, data: Uint8Array, o: unknown) =>
    z().sync[kind(k)](bytes(data), options(o)),
  crc32: (_, data: Uint8Array | string, value: number) => z().zlib.crc32(data, value),

  /** A new live engine for stream `id` (validating the options, as Node's constructor). */
  engineInit(ctx, id: number, k: string, o: unknown) {
    const m = enginesOf(ctx);
    m.get(id)?.engine.close();
    m.set(id, { engine: newEngine(kind(k), options(o)), fed: 0 });
    return true;
  },
  /**
   * Step number `fed` of stream `id`: its output, or null when the live engine is missing
   * or out of step (the guest then replays). `discard`: a replayed step's output is
   * already the guest's.
   */
  engineStep(ctx, id: number, fed: number, step: Step, discard: boolean) {
    const m = enginesOf(ctx);
    const live = m.get(id);
    if (!live || live.fed !== fed) {
      live?.engine.close();
      m.delete(id);
      return null;
    }
    live.fed++;
    try {
      const out = take(live.engine, step);
      return discard ? true : out;
    } catch (e) {
      // A failed engine is unusable, as Node's stream is after its error.
      live.engine.close();
      m.delete(id);
      throw e;
    }
  },
  engineDrop(ctx, id: number) {
    const m = enginesOf(ctx);
    m.get(id)?.engine.close();
    m.delete(id);
  },
};

const async: Record<string, PureOperation> = {
  /** A stream's step, its output delivered later (as Node's stream delivers it). */
  engineStep(ctx, ...args: unknown[]) {
    try {
      return Promise.resolve(sync.engineStep(ctx, ...args));
    } catch (e) {
      // A data error is the stream's 'error' event, not a throw from write().
      return Promise.reject(e);
    }
  },
  process: (_, k: string, data: Uint8Array, o: unknown) =>
    viaCallback<Buffer>((cb) => z().async[kind(k)](bytes(data), options(o), cb)),
};

definePureOperations("zlib", sync, async);
