// KeyObject: secret keys (createSecretKey) and public/private keys (createPublicKey,
// createPrivateKey, generateKeyPair), and how every API reads its key argument. A
// key is guest data: a secret key's bytes (a private Buffer copy); an asymmetric key's
// record { type, asymmetricKeyType, details, der } with its PKCS#8 or SPKI encoding,
// from which the host operations (vm/host-ops/crypto-keys.ts) rebuild it for each call.
"use strict";

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, nodeError } = require("internal/errors");
const { call, asBuffer, compact } = require("internal/crypto/util");

const kType = Symbol("kKeyType");
const kData = Symbol("kKeyData");
const KEY_TYPES = [
  "ArrayBuffer",
  "Buffer",
  "TypedArray",
  "DataView",
  "string",
  "KeyObject",
  "CryptoKey",
];

function ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(actual, expected) {
  return nodeError(
    TypeError,
    "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE",
    `Invalid key object type ${actual}, expected ${expected}.`,
  );
}

class KeyObject {
  constructor(type, data) {
    if (type !== "secret" && type !== "public" && type !== "private")
      throw ERR_INVALID_ARG_VALUE("type", type);
    this[kType] = type;
    Object.defineProperty(this, kData, { value: data });
  }
  get type() {
    return this[kType];
  }
  equals(other) {
    if (!(other instanceof KeyObject))
      throw ERR_INVALID_ARG_TYPE("otherKeyObject", "KeyObject", other);
    if (other.type !== this.type) return false;
    const mine = this.type === "secret" ? this[kData] : this[kData].der;
    const theirs = other.type === "secret" ? other[kData] : other[kData].der;
    return Buffer.from(mine).equals(Buffer.from(theirs));
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, {
  value: "KeyObject",
  configurable: true,
});

class SecretKeyObject extends KeyObject {
  constructor(bytes) {
    super("secret", bytes);
  }
  get symmetricKeySize() {
    return this[kData].length;
  }
  get asymmetricKeyType() {
    return undefined;
  }
  export(options) {
    if (options !== undefined && options.format === "jwk")
      return { kty: "oct", k: Buffer.from(this[kData]).toString("base64url") };
    return Buffer.from(this[kData]);
  }
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() {
    return this[kData].asymmetricKeyType;
  }
  get asymmetricKeyDetails() {
    return { ...this[kData].details };
  }
  export(options) {
    const out = call("keyExport", [this[kData], options], "KeyObject.export");
    return out instanceof Uint8Array ? asBuffer(out) : out;
  }
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(rec) {
    super("public", rec);
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(rec) {
    super("private", rec);
  }
}

/** A host key record as the guest KeyObject of its type. */
function fromRecord(rec) {
  return rec.type === "private" ? new PrivateKeyObject(rec) : new PublicKeyObject(rec);
}

/** The bytes of a secret-key argument (string in `encoding`, buffer, ArrayBuffer or KeyObject). */
function keyBytes(key, name = "key", encoding) {
  if (key instanceof KeyObject) {
    if (key.type !== "secret") throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, "secret");
    return key[kData];
  }
  if (typeof key === "string") return Buffer.from(key, encoding || "utf8");
  if (ArrayBuffer.isView(key)) return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
  if (key instanceof ArrayBuffer) return Buffer.from(key);
  throw ERR_INVALID_ARG_TYPE(name, KEY_TYPES, key);
}

/**
 * An asymmetric key argument as the host operations take it: Node's key input as
 * given (Node validates it there, with its messages), bytes copied out of their
 * buffers, each KeyObject as its record. `expected` is what a KeyObject must be
 * ("private", or "public" that a private key also satisfies).
 */
function keyInput(key, expected) {
  if (key instanceof KeyObject) {
    if (key.type === "secret" || (expected === "private" && key.type === "public"))
      throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, expected);
    return { jauntKeyRecord: key[kData] };
  }
  if (ArrayBuffer.isView(key)) return compact(key);
  if (key instanceof ArrayBuffer) return new Uint8Array(key.slice(0));
  if (typeof key === "function" || typeof key === "symbol")
    throw ERR_INVALID_ARG_TYPE("key", KEY_TYPES.concat("object"), key);
  if (typeof key !== "object" || key === null) return key;
  const out = {};
  for (const k of Object.keys(key)) {
    const v = key[k];
    out[k] = k === "key" ? keyInput(v, expected) : ArrayBuffer.isView(v) ? compact(v) : v;
  }
  return out;
}

function createSecretKey(key, encoding) {
  if (
    key instanceof KeyObject ||
    !(typeof key === "string" || ArrayBuffer.isView(key) || key instanceof ArrayBuffer)
  )
    throw ERR_INVALID_ARG_TYPE(
      "key",
      ["ArrayBuffer", "Buffer", "TypedArray", "DataView", "string"],
      key,
    );
  return new SecretKeyObject(Buffer.from(keyBytes(key, "key", encoding)));
}

function createPublicKey(key) {
  return fromRecord(call("createPublicKey", [keyInput(key, "private")], "crypto.createPublicKey"));
}

function createPrivateKey(key) {
  if (key instanceof KeyObject)
    throw ERR_INVALID_ARG_TYPE(
      "key",
      ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"],
      key,
    );
  return fromRecord(
    call("createPrivateKey", [keyInput(key, "private")], "crypto.createPrivateKey"),
  );
}

module.exports = {
  KeyObject,
  SecretKeyObject,
  PublicKeyObject,
  PrivateKeyObject,
  createSecretKey,
  createPublicKey,
  createPrivateKey,
  fromRecord,
  keyBytes,
  keyInput,
};
