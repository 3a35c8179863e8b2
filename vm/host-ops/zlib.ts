// The host operations under the guest's `zlib` (vm/node/zlib.js): each one compresses
// or decompresses a whole buffer with Node's own zlib and brotli, so the bytes are
// Node's exactly. No capability: pure computation (host-pure.ts). The synchronous
// forms take one step, as zlib.gzipSync blocks node; the callback forms and the
// streams' work run on Node's thread pool as pending host operations (idempotent:
// a resume issues them again).
//
// A stream keeps its input as guest data until its end and is then processed at once
// (vm/node/zlib.js explains why), so no live host zlib object ever outlives a step.

import type * as Zlib from "node:zlib";
import { definePureOperations, viaCallback, type PureOperation } from "./pure";

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

const sync: Record<string, PureOperation> = {
  constants: () => ({ ...z().zlib.constants }),
  /** The zlib constants Node also puts on the module itself (Z_SYNC_FLUSH…). */
  legacyConstants: () =>
    Object.fromEntries(Object.entries(z().zlib.constants).filter(([k]) => !k.startsWith("BROTLI"))),
  codes: () => ({ ...(z().zlib as unknown as { codes: Record<string, unknown> }).codes }),
  process: (_, k: string, data: Uint8Array, o: unknown) =>
    z().sync[kind(k)](bytes(data), options(o)),
  /** Validates a stream's options as the constructor of Node's class does. */
  check(_, k: string, o: unknown) {
    z().create[kind(k)](options(o)).close();
    return true;
  },
  crc32: (_, data: Uint8Array | string, value: number) => z().zlib.crc32(data, value),
};

const async: Record<string, PureOperation> = {
  process: (_, k: string, data: Uint8Array, o: unknown) =>
    viaCallback<Buffer>((cb) => z().async[kind(k)](bytes(data), options(o), cb)),
};

definePureOperations("zlib", sync, async);
