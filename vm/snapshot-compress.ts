// Optional compression of a snapshot (vmsnap --compress, EncodeOptions.compress): the
// CBOR bytes in an envelope that starts with its own magic, so a compressed snapshot
// is never taken for a plain one (CBOR) or a signed one (JAUNTSIG), and any of the
// three can be read without being told which it is. Signing wraps the compressed
// bytes, so a MAC is checked before anything is inflated.
//
//   offset 0   8 bytes  "JAUNTZIP"
//          8   1        envelope version: 1
//          9   1        algorithm: 1 = deflate (zlib), 2 = brotli
//         10   4        uncompressed length, big-endian
//         14   …        the compressed snapshot

import * as zlib from "node:zlib";

export type SnapshotCompression = "deflate" | "brotli";

const MAGIC = Buffer.from("JAUNTZIP", "latin1");
const VERSION = 1;
const HEAD = MAGIC.length + 6;
const ALGORITHMS: SnapshotCompression[] = ["deflate", "brotli"];

export function isCompressedSnapshot(bytes: Uint8Array): boolean {
  return (
    bytes.length >= MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(MAGIC)
  );
}

export function compressSnapshot(bytes: Uint8Array, algorithm: SnapshotCompression): Uint8Array {
  const code = ALGORITHMS.indexOf(algorithm) + 1;
  if (code === 0) throw new TypeError(`jaunt: unknown snapshot compression ${String(algorithm)}`);
  if (bytes.length > 0xffffffff) throw new RangeError("jaunt: snapshot too big to compress");
  // Speed over the last few percent: level 6 deflate, quality 5 brotli (11 is minutes on
  // a large heap).
  const body =
    algorithm === "deflate"
      ? zlib.deflateSync(bytes, { level: 6 })
      : zlib.brotliCompressSync(bytes, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        });
  const head = Buffer.alloc(HEAD);
  MAGIC.copy(head, 0);
  head[8] = VERSION;
  head[9] = code;
  head.writeUInt32BE(bytes.length, 10);
  return Buffer.concat([head, body]);
}

/** The snapshot inside a compressed envelope; `fail` reports a bad envelope. */
export function decompressSnapshot(bytes: Uint8Array, fail: (msg: string) => never): Uint8Array {
  if (bytes.length < HEAD) fail("compressed snapshot shorter than its header");
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (b[8] !== VERSION) fail(`unknown compression envelope version ${b[8]}`);
  const algorithm = ALGORITHMS[b[9] - 1];
  if (!algorithm) fail(`unknown compression algorithm ${b[9]}`);
  const size = b.readUInt32BE(10);
  const body = b.subarray(HEAD);
  let out: Buffer;
  try {
    // Never more than the header says: a small file cannot inflate without bound.
    const limit = { maxOutputLength: Math.max(size, 1) };
    out =
      algorithm === "deflate"
        ? zlib.inflateSync(body, limit)
        : zlib.brotliDecompressSync(body, limit);
  } catch (err) {
    return fail(`${algorithm} data is damaged (${(err as Error).message})`);
  }
  if (out.length !== size)
    fail(`compressed snapshot inflates to ${out.length} bytes, its header says ${size}`);
  return out;
}
