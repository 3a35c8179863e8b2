// The host operations under the guest's `crypto.subtle` key operations
// (vm/node/internal/crypto/subtle.js). A guest CryptoKey is guest data: its material
// as a JWK (or the raw bytes of a PBKDF2/HKDF secret, which Web Crypto never exports),
// with its algorithm and usages. Each operation imports the keys it is given into the
// host's Web Crypto, runs there, and returns bytes or new keys described the same way,
// so a key snapshots, resumes and travels like any other value. The host keys are
// always made extractable (the guest enforces `extractable`: exportKey and wrapKey of a
// key that is not refuse there).

import { webcrypto } from "node:crypto";
import { definePureOperations, type PureOperation } from "./pure";

type CryptoKey = webcrypto.CryptoKey;
/** The host's SubtleCrypto, reached on first use: loading node's Web Crypto at start-up
 * compiled its ~3000 lines at every `vmrun` (after boot.ts changed V8's flags, node's
 * own code cache for it is refused). */
const subtle = (): webcrypto.SubtleCrypto => webcrypto.subtle;

/** A key as the guest holds it. */
export interface KeyData {
  type: string;
  algorithm: Record<string, unknown>;
  usages: string[];
  jwk?: webcrypto.JsonWebKey;
  raw?: Uint8Array;
}

/** Algorithms whose keys are raw secrets that Web Crypto will not export. */
const RAW_ONLY = new Set(["PBKDF2", "HKDF"]);

function importAlgorithm(d: KeyData): webcrypto.AlgorithmIdentifier {
  const a = d.algorithm;
  // An imported key's algorithm takes its hash by name and no generation parameters.
  const hash = a.hash as { name?: string } | undefined;
  return (hash ? { ...a, hash: hash.name ?? hash } : a) as unknown as webcrypto.AlgorithmIdentifier;
}

async function hostKey(d: KeyData): Promise<CryptoKey> {
  const usages = d.usages as webcrypto.KeyUsage[];
  if (d.raw !== undefined)
    return subtle().importKey("raw", d.raw, importAlgorithm(d), false, usages);
  return subtle().importKey("jwk", d.jwk!, importAlgorithm(d), true, usages);
}

async function keyData(k: CryptoKey, raw?: Uint8Array): Promise<KeyData> {
  const algorithm = { ...(k.algorithm as unknown as Record<string, unknown>) };
  const d: KeyData = { type: k.type, algorithm, usages: [...k.usages] };
  if (RAW_ONLY.has(k.algorithm.name)) d.raw = raw ?? new Uint8Array(0);
  else d.jwk = await subtle().exportKey("jwk", k);
  return d;
}

async function keysData(k: CryptoKey | webcrypto.CryptoKeyPair): Promise<unknown> {
  if ("privateKey" in k)
    return { publicKey: await keyData(k.publicKey), privateKey: await keyData(k.privateKey) };
  return keyData(k);
}

/** An algorithm's parameters with the keys in them (ECDH/X25519 `public`) made host keys. */
async function params(a: unknown): Promise<unknown> {
  if (a === null || typeof a !== "object" || Array.isArray(a) || a instanceof Uint8Array) return a;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  const pub = out.public as KeyData | undefined;
  if (pub && typeof pub === "object" && "usages" in pub) out.public = await hostKey(pub);
  return out;
}

const bytesOut = (b: ArrayBuffer) => new Uint8Array(b);

const asyncOps: Record<string, PureOperation> = {
  generateKey: async (_, algorithm: unknown, usages: webcrypto.KeyUsage[]) =>
    keysData(
      (await subtle().generateKey(algorithm as webcrypto.RsaHashedKeyGenParams, true, usages)) as
        CryptoKey | webcrypto.CryptoKeyPair,
    ),
  importKey: async (
    _,
    format: string,
    data: unknown,
    algorithm: unknown,
    usages: webcrypto.KeyUsage[],
  ) => {
    const name = typeof algorithm === "string" ? algorithm : (algorithm as { name?: unknown }).name;
    const rawOnly = typeof name === "string" && RAW_ONLY.has(name.toUpperCase());
    const k = await subtle().importKey(
      format as "jwk",
      data as webcrypto.JsonWebKey,
      algorithm as webcrypto.AlgorithmIdentifier,
      !rawOnly,
      usages,
    );
    return keyData(k, rawOnly ? (data as Uint8Array) : undefined);
  },
  exportKey: async (_, format: string, key: KeyData) => {
    const out = await subtle().exportKey(format as "jwk", await hostKey(key));
    return out instanceof ArrayBuffer ? bytesOut(out) : out;
  },
  sign: async (_, algorithm: unknown, key: KeyData, data: Uint8Array) =>
    bytesOut(await subtle().sign(algorithm as string, await hostKey(key), data)),
  verify: async (_, algorithm: unknown, key: KeyData, signature: Uint8Array, data: Uint8Array) =>
    subtle().verify(algorithm as string, await hostKey(key), signature, data),
  encrypt: async (_, algorithm: unknown, key: KeyData, data: Uint8Array) =>
    bytesOut(await subtle().encrypt(algorithm as string, await hostKey(key), data)),
  decrypt: async (_, algorithm: unknown, key: KeyData, data: Uint8Array) =>
    bytesOut(await subtle().decrypt(algorithm as string, await hostKey(key), data)),
  deriveBits: async (_, algorithm: unknown, key: KeyData, length: number | null) =>
    bytesOut(
      await subtle().deriveBits(
        (await params(algorithm)) as webcrypto.EcdhKeyDeriveParams,
        await hostKey(key),
        length as number,
      ),
    ),
  deriveKey: async (
    _,
    algorithm: unknown,
    key: KeyData,
    derived: unknown,
    usages: webcrypto.KeyUsage[],
  ) =>
    keyData(
      await subtle().deriveKey(
        (await params(algorithm)) as webcrypto.EcdhKeyDeriveParams,
        await hostKey(key),
        derived as webcrypto.AesKeyGenParams,
        true,
        usages,
      ),
    ),
  wrapKey: async (_, format: string, key: KeyData, wrappingKey: KeyData, algorithm: unknown) =>
    bytesOut(
      await subtle().wrapKey(
        format as "jwk",
        await hostKey(key),
        await hostKey(wrappingKey),
        algorithm as string,
      ),
    ),
  unwrapKey: async (
    _,
    format: string,
    wrapped: Uint8Array,
    unwrappingKey: KeyData,
    unwrapAlgorithm: unknown,
    algorithm: unknown,
    usages: webcrypto.KeyUsage[],
  ) =>
    keyData(
      await subtle().unwrapKey(
        format as "jwk",
        wrapped,
        await hostKey(unwrappingKey),
        unwrapAlgorithm as string,
        algorithm as string,
        true,
        usages,
      ),
    ),
};

definePureOperations("subtle", {}, asyncOps);
