// Public-key crypto for the guest's `crypto` (vm/node/internal/crypto/keypair.js and
// sig.js): key import and export, key pair generation, signatures and RSA encryption,
// as pure host operations over bytes (no capability).
//
// A key is guest data: a record { type, asymmetricKeyType, details, der } whose `der`
// is the key's PKCS#8 (private) or SPKI (public) encoding. Every operation rebuilds the
// host KeyObject from the record it is given, so nothing here outlives a call and a
// snapshot holding keys resumes anywhere. Parsing and validation are Node's own (the
// inputs cross as given), so errors carry Node's codes and messages.

import * as crypto from "node:crypto";
import { definePureOperations, viaCallback, type PureOperation } from "./pure";

/** A key as the guest keeps it. */
interface KeyRecord {
  type: "public" | "private";
  asymmetricKeyType: string | undefined;
  details: Record<string, unknown>;
  der: Uint8Array;
}

/**
 * A key argument as the guest hands it over: Node's key input as given (a PEM string,
 * bytes, an options object…), where each guest KeyObject is `{ jauntKeyRecord }`.
 */
type KeyInput = unknown;

function record(k: crypto.KeyObject): KeyRecord {
  const type = k.type as KeyRecord["type"];
  const der =
    type === "private"
      ? k.export({ format: "der", type: "pkcs8" })
      : k.export({ format: "der", type: "spki" });
  return {
    type,
    asymmetricKeyType: k.asymmetricKeyType,
    details: { ...(k.asymmetricKeyDetails ?? {}) },
    der: new Uint8Array(der),
  };
}

function fromRecord(rec: KeyRecord): crypto.KeyObject {
  const key = Buffer.from(rec.der);
  return rec.type === "private"
    ? crypto.createPrivateKey({ key, format: "der", type: "pkcs8" })
    : crypto.createPublicKey({ key, format: "der", type: "spki" });
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Node's key input for `input`: records become host KeyObjects, bytes Buffers. */
function nodeKey(input: KeyInput): unknown {
  if (input instanceof Uint8Array) return Buffer.from(input);
  if (!isPlain(input)) return input;
  if (input.jauntKeyRecord) return fromRecord(input.jauntKeyRecord as KeyRecord);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) out[k] = nodeKey(v);
  return out;
}

/** A generated key: a record, or the encoded value when the options asked for one. */
function generated(v: unknown): unknown {
  return v instanceof crypto.KeyObject ? { rec: record(v) } : { value: v };
}

function pair(publicKey: unknown, privateKey: unknown) {
  return { publicKey: generated(publicKey), privateKey: generated(privateKey) };
}

type SignKey = Parameters<typeof crypto.sign>[2];
type VerifyKey = Parameters<typeof crypto.verify>[2];

const ops: Record<string, PureOperation> = {
  createPublicKey: (_, input: KeyInput) =>
    record(crypto.createPublicKey(nodeKey(input) as crypto.PublicKeyInput)),
  createPrivateKey: (_, input: KeyInput) =>
    record(crypto.createPrivateKey(nodeKey(input) as crypto.PrivateKeyInput)),
  keyExport: (_, rec: KeyRecord, options: unknown) => {
    const out = fromRecord(rec).export(options as crypto.KeyExportOptions<"pem">);
    return out instanceof Buffer ? new Uint8Array(out) : out;
  },
  generateKeyPair: (_, type: string, options: unknown) => {
    const r = crypto.generateKeyPairSync(
      type as "rsa",
      options as crypto.RSAKeyPairOptions<"pem", "pem">,
    );
    return pair(r.publicKey, r.privateKey);
  },
  sign: (_, alg: string | null | undefined, data: Uint8Array, key: KeyInput) =>
    crypto.sign(alg, Buffer.from(data), nodeKey(key) as SignKey),
  verify: (_, alg: string | null | undefined, data: Uint8Array, key: KeyInput, sig: Uint8Array) =>
    crypto.verify(alg, Buffer.from(data), nodeKey(key) as VerifyKey, Buffer.from(sig)),
  /** publicEncrypt, privateDecrypt, privateEncrypt or publicDecrypt. */
  rsaCipher: (_, op: string, key: KeyInput, data: Uint8Array) => {
    if (!["publicEncrypt", "privateDecrypt", "privateEncrypt", "publicDecrypt"].includes(op))
      throw new TypeError(`no such operation: ${op}`);
    const fn = crypto[op as "publicEncrypt"] as (k: unknown, d: Buffer) => Buffer;
    return fn(nodeKey(key), Buffer.from(data));
  },
};

/** Key generation may take a while (RSA): Node runs it on its thread pool, as here. */
const asyncOps: Record<string, PureOperation> = {
  generateKeyPair: (_, type: string, options: unknown) =>
    viaCallback<[unknown, unknown]>((cb) =>
      crypto.generateKeyPair(
        type as "rsa",
        options as crypto.RSAKeyPairOptions<"pem", "pem">,
        (e: Error | null, pub: unknown, priv: unknown) => cb(e, [pub, priv]),
      ),
    ).then(([pub, priv]) => pair(pub, priv)),
};

definePureOperations("crypto", ops, asyncOps);
