// The host operations under the guest's `crypto` (vm/node/crypto.js): hashing, MACs,
// ciphers, key derivation and randomness, as pure computations over byte buffers. None
// needs a capability. Every one is bounded by the bytes it is given: the guest hands
// them over in slices of at most 256 KB (a step of a few milliseconds at most: see the
// README for the measured rates), except key derivation (pbkdf2/scrypt), whose cost the
// caller chooses with its parameters, as in Node.
//
// Snapshots. A Hash, Hmac or Cipher is guest data; nothing here is needed to resume one.
// - Hash and Hmac keep every input slice in the guest until digest(). Node's digests
//   cannot export their running state, so this is what makes one re-derivable. To keep
//   update() linear, a live host digest that has absorbed the first `fed` slices is
//   kept here per VM (by the VM's HostLink, so it reattaches under --snapshot-every and
//   is simply absent elsewhere); when it is absent or out of step the guest re-feeds
//   its slices, one operation each.
// - A cipher's state between update() calls is guest data too: CBC/ECB carry the last
//   block (the IV of the next call) and the partial block; CTR, GCM (96-bit IVs) and
//   chacha20-poly1305 carry the byte offset in the key stream (each update is one pure
//   CTR/ChaCha20 run from that offset); the AEAD tag is computed at final() over the
//   input the guest kept. Any other mode is replayed: each update runs the whole input
//   so far and returns the part not yet given out (quadratic, but exact).
//
// Failures cross as plain records (host-pure.ts) from which the guest rebuilds Node's
// errors (vm/node/internal/host-call.js).

import * as crypto from "node:crypto";
import { perLink } from "./link";
import { definePureOperations, viaCallback, type PureOperation } from "./pure";
import type { OpContext } from "./runtime-ops";

function bytes(v: unknown): Uint8Array {
  return v instanceof Uint8Array ? v : new Uint8Array(0);
}

// ---- live digests, re-derivable from guest data ----------------------------------

interface LiveDigest {
  h: crypto.Hash | crypto.Hmac;
  /** How many of the guest's slices it has absorbed. */
  fed: number;
}

const digestsByLink = perLink<LiveDigest>();
const digestsOf = (ctx: OpContext) => digestsByLink(ctx.link);

/** The live digest `id` if it has absorbed exactly `fed` slices (else it is dropped). */
function liveDigest(ctx: OpContext, id: number, fed: number): LiveDigest | undefined {
  const m = digestsOf(ctx);
  const d = m.get(id);
  if (d && d.fed === fed) return d;
  m.delete(id);
  return undefined;
}

function newDigest(alg: string, key: Uint8Array | null, outputLength: unknown) {
  if (key) return crypto.createHmac(alg, key);
  return crypto.createHash(alg, typeof outputLength === "number" ? { outputLength } : undefined);
}

// ---- ciphers -------------------------------------------------------------------------

type Cipher = crypto.Cipher | crypto.Decipher;

interface CipherOptions {
  authTagLength?: number;
  autoPadding?: boolean;
  /** AAD given to setAAD, and its options' plaintextLength (CCM). */
  aad?: Uint8Array | null;
  plaintextLength?: number;
  tag?: Uint8Array | null;
}

function newCipher(
  alg: string,
  key: Uint8Array,
  iv: Uint8Array | null,
  decrypt: boolean,
  o: CipherOptions,
): Cipher {
  const opts = o.authTagLength !== undefined ? { authTagLength: o.authTagLength } : undefined;
  const c = decrypt
    ? crypto.createDecipheriv(alg, key, iv, opts as crypto.CipherGCMOptions)
    : crypto.createCipheriv(alg, key, iv, opts as crypto.CipherGCMOptions);
  if (o.autoPadding === false) c.setAutoPadding(false);
  if (decrypt && o.tag) (c as crypto.DecipherGCM).setAuthTag(o.tag);
  if (o.aad)
    (c as crypto.CipherGCM).setAAD(
      o.aad,
      o.plaintextLength !== undefined ? { plaintextLength: o.plaintextLength } : undefined,
    );
  return c;
}

/** Adds `n` to a big-endian counter block (CTR mode's whole-block increment). */
function counterPlus(iv: Uint8Array, n: number): Buffer {
  const out = Buffer.from(iv);
  let carry = n;
  for (let i = out.length - 1; i >= 0 && carry > 0; i--) {
    const s = out[i] + (carry % 256);
    out[i] = s & 0xff;
    carry = Math.floor(carry / 256) + (s >> 8);
  }
  return out;
}

const ZERO = Buffer.alloc(64);

/**
 * The key stream of `mode` from byte `offset`, XORed with `data`: one fresh CTR or
 * ChaCha20 run that starts at the block holding `offset`.
 *  - ctr: the IV is the first counter block;
 *  - gcm (96-bit IV): CTR from the block IV ‖ 00000002 (J0 + 1);
 *  - chacha20-poly1305: ChaCha20 whose block counter starts at 1 (RFC 8439).
 */
function streamAt(
  mode: string,
  alg: string,
  key: Uint8Array,
  iv: Uint8Array,
  offset: number,
  data: Uint8Array,
): Buffer {
  let c: crypto.Cipher;
  let skip: number;
  if (mode === "chacha20-poly1305") {
    const block = 1 + Math.floor(offset / 64);
    const start = Buffer.alloc(16);
    start.writeUInt32LE(block >>> 0, 0);
    start.set(bytes(iv), 4);
    c = crypto.createCipheriv("chacha20", bytes(key), start);
    skip = offset % 64;
  } else {
    const first =
      mode === "gcm" ? Buffer.concat([bytes(iv), Buffer.from([0, 0, 0, 2])]) : bytes(iv);
    const ctr = mode === "gcm" ? `aes-${bytes(key).length * 8}-ctr` : alg;
    c = crypto.createCipheriv(ctr, bytes(key), counterPlus(first, Math.floor(offset / 16)));
    skip = offset % 16;
  }
  if (skip) c.update(ZERO.subarray(0, skip));
  return c.update(bytes(data));
}

// ---- the operations --------------------------------------------------------------

const ops: Record<string, PureOperation> = {
  hashes: () => crypto.getHashes(),
  ciphers: () => crypto.getCiphers(),
  curves: () => crypto.getCurves(),
  constants: () => ({ ...crypto.constants }),
  cipherInfo: (_, alg: string, keyLength?: number, ivLength?: number) => {
    const opts: { keyLength?: number; ivLength?: number } = {};
    if (keyLength !== undefined) opts.keyLength = keyLength;
    if (ivLength !== undefined) opts.ivLength = ivLength;
    const info = crypto.getCipherInfo(alg, opts);
    return info ? { ...info } : undefined;
  },

  // Digests: init (validates the algorithm and key now, as createHash does), feed
  // slices, copy, final. feed/copy/final return null when the live digest is missing
  // or out of step: the guest then re-derives it (init + feed of every slice).
  digestInit(ctx, id: number, alg: string, key: Uint8Array | null, outputLength: unknown) {
    digestsOf(ctx).set(id, { h: newDigest(alg, key, outputLength), fed: 0 });
    return true;
  },
  digestFeed(ctx, id: number, fed: number, slice: Uint8Array) {
    const d = liveDigest(ctx, id, fed);
    if (!d) return null;
    d.h.update(bytes(slice));
    d.fed++;
    return true;
  },
  digestCopy(ctx, id: number, fed: number, newId: number, outputLength: unknown) {
    const d = liveDigest(ctx, id, fed);
    if (!d || !("copy" in d.h)) return null;
    const h = d.h.copy(typeof outputLength === "number" ? { outputLength } : undefined);
    digestsOf(ctx).set(newId, { h, fed });
    return true;
  },
  digestFinal(ctx, id: number, fed: number) {
    const d = liveDigest(ctx, id, fed);
    if (!d) return null;
    digestsOf(ctx).delete(id);
    return d.h.digest();
  },
  digestDrop(ctx, id: number) {
    digestsOf(ctx).delete(id);
  },
  /** A whole digest at once (webcrypto's subtle.digest, crypto.hash-like uses). */
  digestOnce: (_, alg: string, data: Uint8Array) =>
    crypto.createHash(alg).update(bytes(data)).digest(),

  // Ciphers (see the header for the design).
  /** Validates a cipher's parameters as createCipheriv does; returns its mode facts. */
  cipherCheck(
    _,
    alg: string,
    key: Uint8Array,
    iv: Uint8Array | null,
    decrypt: boolean,
    o: CipherOptions,
  ) {
    newCipher(alg, bytes(key), iv, decrypt, { authTagLength: o.authTagLength });
    const info = crypto.getCipherInfo(alg, {
      keyLength: bytes(key).length,
      ...(iv ? { ivLength: iv.length } : {}),
    });
    return {
      mode: info?.mode ?? "stream",
      blockSize: info?.blockSize ?? 1,
      name: info?.name ?? alg,
    };
  },
  /** ECB/CBC over whole blocks, no padding: pure. */
  cipherBlocks(
    _,
    alg: string,
    key: Uint8Array,
    iv: Uint8Array | null,
    decrypt: boolean,
    data: Uint8Array,
  ) {
    const c = newCipher(alg, bytes(key), iv, decrypt, { autoPadding: false });
    return c.update(bytes(data));
  },
  /** The last partial (or held-back) block with padding, and final(). */
  cipherFinal(
    _,
    alg: string,
    key: Uint8Array,
    iv: Uint8Array | null,
    decrypt: boolean,
    autoPadding: boolean,
    data: Uint8Array,
  ) {
    const c = newCipher(alg, bytes(key), iv, decrypt, { autoPadding });
    return Buffer.concat([c.update(bytes(data)), c.final()]);
  },
  cipherStream: (_, ...a: Parameters<typeof streamAt>) => streamAt(...a),
  /**
   * The whole input run through a fresh cipher: the output after the first `given`
   * bytes, then (when `final`) final() and the tag. AEAD finals and replayed modes.
   */
  cipherReplay(
    _,
    alg: string,
    key: Uint8Array,
    iv: Uint8Array | null,
    decrypt: boolean,
    o: CipherOptions,
    data: Uint8Array[],
    given: number,
    final: boolean,
  ) {
    const c = newCipher(alg, bytes(key), iv, decrypt, o);
    const parts: Buffer[] = [];
    for (const d of data) parts.push(c.update(bytes(d)));
    if (final) parts.push(c.final());
    const out = Buffer.concat(parts).subarray(given);
    let tag: Buffer | null = null;
    if (final && !decrypt && "getAuthTag" in c) {
      try {
        tag = (c as crypto.CipherGCM).getAuthTag();
      } catch {
        tag = null;
      }
    }
    return { out, tag };
  },

  // Randomness and key derivation.
  randomBytes: (_, n: number) => crypto.randomBytes(n),
  timingSafeEqual: (_, a: Uint8Array, b: Uint8Array) => crypto.timingSafeEqual(bytes(a), bytes(b)),
  pbkdf2Sync: (
    _,
    pw: Uint8Array,
    salt: Uint8Array,
    iterations: number,
    keylen: number,
    digest: string,
  ) => crypto.pbkdf2Sync(bytes(pw), bytes(salt), iterations, keylen, digest),
  scryptSync: (_, pw: Uint8Array, salt: Uint8Array, keylen: number, o: crypto.ScryptOptions) =>
    crypto.scryptSync(bytes(pw), bytes(salt), keylen, o),
  hkdfSync: (
    _,
    digest: string,
    ikm: Uint8Array,
    salt: Uint8Array,
    info: Uint8Array,
    keylen: number,
  ) => Buffer.from(crypto.hkdfSync(digest, bytes(ikm), bytes(salt), bytes(info), keylen)),
};

/** Asynchronous forms: Node runs them on its thread pool; the guest sees a pending op. */
const asyncOps: Record<string, PureOperation> = {
  randomBytes: (_, n: number) => viaCallback<Buffer>((cb) => crypto.randomBytes(n, cb)),
  pbkdf2: (
    _,
    pw: Uint8Array,
    salt: Uint8Array,
    iterations: number,
    keylen: number,
    digest: string,
  ) =>
    viaCallback<Buffer>((cb) =>
      crypto.pbkdf2(bytes(pw), bytes(salt), iterations, keylen, digest, cb),
    ),
  scrypt: (_, pw: Uint8Array, salt: Uint8Array, keylen: number, o: crypto.ScryptOptions) =>
    viaCallback<Buffer>((cb) => crypto.scrypt(bytes(pw), bytes(salt), keylen, o, cb)),
  hkdf: async (
    _,
    digest: string,
    ikm: Uint8Array,
    salt: Uint8Array,
    info: Uint8Array,
    keylen: number,
  ) =>
    Buffer.from(
      await viaCallback<ArrayBuffer>((cb) =>
        crypto.hkdf(digest, bytes(ikm), bytes(salt), bytes(info), keylen, cb),
      ),
    ),
  digest: async (_, alg: string, data: Uint8Array) =>
    crypto.createHash(alg).update(bytes(data)).digest(),
};

definePureOperations("crypto", ops, asyncOps);
