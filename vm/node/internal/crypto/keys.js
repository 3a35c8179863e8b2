// Secret keys: KeyObject of type "secret" (createSecretKey), and what every API that
// takes a key accepts. The key's bytes are guest data (a private Buffer copy).
"use strict";

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = require("internal/errors");

const kBytes = Symbol("kKeyBytes");
const KEY_TYPES = [
  "ArrayBuffer",
  "Buffer",
  "TypedArray",
  "DataView",
  "string",
  "KeyObject",
  "CryptoKey",
];

class KeyObject {
  constructor(type, bytes) {
    if (type !== "secret")
      throw ERR_INVALID_ARG_VALUE("type", type, "only 'secret' keys exist in Jaunt");
    this[kBytes] = bytes;
  }
  get type() {
    return "secret";
  }
  get symmetricKeySize() {
    return this[kBytes].length;
  }
  get asymmetricKeyType() {
    return undefined;
  }
  export(options) {
    if (options !== undefined && options.format === "jwk")
      return { kty: "oct", k: Buffer.from(this[kBytes]).toString("base64url") };
    return Buffer.from(this[kBytes]);
  }
  equals(other) {
    if (!(other instanceof KeyObject))
      throw ERR_INVALID_ARG_TYPE("otherKeyObject", "KeyObject", other);
    return Buffer.from(this[kBytes]).equals(other[kBytes]);
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, {
  value: "KeyObject",
  configurable: true,
});

/** The bytes of a key argument (string in `encoding`, buffer, ArrayBuffer or KeyObject). */
function keyBytes(key, name = "key", encoding) {
  if (key instanceof KeyObject) return key[kBytes];
  if (typeof key === "string") return Buffer.from(key, encoding || "utf8");
  if (ArrayBuffer.isView(key)) return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
  if (key instanceof ArrayBuffer) return Buffer.from(key);
  throw ERR_INVALID_ARG_TYPE(name, KEY_TYPES, key);
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
  return new KeyObject("secret", Buffer.from(keyBytes(key, "key", encoding)));
}

module.exports = { KeyObject, createSecretKey, keyBytes };
