// Text and byte encodings for TextEncoder/TextDecoder, atob/btoa and Node's Buffer.
// The classes themselves are self-hosted (prelude/75-encoding.js); these natives do
// the byte work with the host's codecs on copies or views of guest bytes, never
// keeping host state between calls (a streaming TextDecoder keeps its pending bytes
// in the guest object).
//
// Buffer methods whose validation and messages must be Node's own (readUInt16LE,
// write, fill with a string, indexOf, …) run the host Buffer method on a host view
// of the guest bytes: only primitives and byte views cross, and host errors come
// back as guest errors with the same class, message and `code`.

import { JSObject, PF, Prop, type NativeImpl } from "../model/object";
import type { Value } from "../model/value";
import { arg, internalDefiner, makeNative } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { ArrayBufferObject, KIND_UINT8, TypedArrayObject, DataViewObject } from "../model/buffers";
import { allocateBuffer } from "./arraybuffer";
import { runWork } from "./work";
import { Bulk, TypedArrayBulkWork, bulkCopyable, bulkSliced } from "./typedarray-bulk-work";
import {
  TextOp,
  TextWork,
  bytesOf,
  endsInHighSurrogate,
  rethrow,
  slicedDecode,
  slicedText,
} from "./text-work";
import { BYTES_FROM, BytesOp, BytesWork, atobWhole, slicedBytes } from "./bytes-work";
import { isAscii, isUtf8 } from "node:buffer";

function hostBuffer(v: TypedArrayObject): Buffer {
  const h = v.host();
  return Buffer.from(h.buffer, h.byteOffset, h.byteLength);
}

/** Buffer methods run on the host (see the file comment). */
const HOST_BUFFER_METHODS = new Set([
  "toString",
  "write",
  "fill",
  "indexOf",
  "lastIndexOf",
  "includes",
  "equals",
  "compare",
  "copy",
  "swap16",
  "swap32",
  "swap64",
  "readUInt8",
  "readUInt16LE",
  "readUInt16BE",
  "readUInt32LE",
  "readUInt32BE",
  "readInt8",
  "readInt16LE",
  "readInt16BE",
  "readInt32LE",
  "readInt32BE",
  "readUIntLE",
  "readUIntBE",
  "readIntLE",
  "readIntBE",
  "readFloatLE",
  "readFloatBE",
  "readDoubleLE",
  "readDoubleBE",
  "readBigInt64LE",
  "readBigInt64BE",
  "readBigUInt64LE",
  "readBigUInt64BE",
  "writeUInt8",
  "writeUInt16LE",
  "writeUInt16BE",
  "writeUInt32LE",
  "writeUInt32BE",
  "writeInt8",
  "writeInt16LE",
  "writeInt16BE",
  "writeInt32LE",
  "writeInt32BE",
  "writeUIntLE",
  "writeUIntBE",
  "writeIntLE",
  "writeIntBE",
  "writeFloatLE",
  "writeFloatBE",
  "writeDoubleLE",
  "writeDoubleBE",
  "writeBigInt64LE",
  "writeBigInt64BE",
  "writeBigUInt64LE",
  "writeBigUInt64BE",
]);

/** Buffer#toString encodings done in slices for big buffers. */
const BYTE_TEXT_OPS: Record<string, TextOp> = {
  __proto__: null as never,
  hex: TextOp.Hex,
  base64: TextOp.Base64,
  base64url: TextOp.Base64Url,
  latin1: TextOp.Latin1,
  binary: TextOp.Latin1,
  ascii: TextOp.Ascii,
  ucs2: TextOp.Ucs2,
  "ucs-2": TextOp.Ucs2,
  utf16le: TextOp.Ucs2,
  "utf-16le": TextOp.Ucs2,
};

/** The host value a guest argument stands for in a host Buffer call. */
function toHostArg(v: Value): unknown {
  if (v instanceof TypedArrayObject) return hostBuffer(v);
  if (v instanceof JSObject) return {};
  return v;
}

export function installEncoding(realm: Realm): void {
  const $ = realm.internals;
  const internal = internalDefiner(realm);
  /** What bytesOf reads: the byte sources. */
  const BYTES = [TypedArrayObject, ArrayBufferObject, DataViewObject];
  const IS_BYTES = ["c", BYTES] as const;

  /** A new Uint8Array (or Buffer, with `proto`) holding a copy of `bytes`. */
  const newBytes = (vm: Agent, bytes: Uint8Array, proto: Value): TypedArrayObject => {
    const buf = allocateBuffer(vm, vm.realm.ArrayBufferPrototype, bytes.length);
    buf.data.set(bytes);
    return new TypedArrayObject(
      proto instanceof JSObject ? proto : vm.realm.typedArrayPrototypes[KIND_UINT8],
      KIND_UINT8,
      buf,
      0,
      bytes.length,
    );
  };

  internal("isByteSource", 1, "-", (_vm, _t, args) => bytesOf(arg(args, 0)) !== undefined);
  /** UTF-8 bytes of a string, as a new Uint8Array or (with `proto`) Buffer. */
  const utf8Bytes = (vm: Agent, s: string, proto: Value): Value => {
    if (slicedText(TextOp.Utf8Encode, s.length))
      return runWork(
        vm,
        new TextWork(
          TextOp.Utf8Encode,
          s,
          null,
          0,
          0,
          false,
          false,
          proto instanceof JSObject ? proto : null,
        ),
      );
    return newBytes(vm, Buffer.from(s, "utf8"), proto);
  };
  /** The text of UTF-8 bytes (a byte order mark dropped unless ignoreBOM). */
  const utf8Text = (vm: Agent, source: Value, fatal: boolean, ignoreBOM: boolean): Value => {
    const bytes = bytesOf(source) ?? new Uint8Array(0);
    if (source instanceof JSObject && slicedText(TextOp.Utf8Decode, bytes.length))
      return runWork(
        vm,
        new TextWork(TextOp.Utf8Decode, "", source, 0, bytes.length, fatal, ignoreBOM),
      );
    try {
      return new TextDecoder("utf-8", { fatal, ignoreBOM }).decode(bytes);
    } catch (e) {
      return rethrow(vm, e);
    }
  };
  internal("utf8Encode", 1, "-", (vm, _t, args) => utf8Bytes(vm, String(arg(args, 0)), null));
  // encodeInto: [read, written].
  internal("utf8EncodeInto", 2, ["-c", BYTES], (vm, _t, args) => {
    const dst = bytesOf(arg(args, 1))!;
    const r = new TextEncoder().encodeInto(String(arg(args, 0)), dst);
    return vm.realm.newArray([r.read, r.written]);
  });
  // The canonical name of an encoding label, or a RangeError like Node's.
  internal("encodingName", 1, "-", (vm, _t, args) => {
    const label = String(arg(args, 0));
    try {
      return new TextDecoder(label).encoding;
    } catch (e) {
      return rethrow(vm, e);
    }
  });
  // (bytes, encoding, fatal, ignoreBOM) → string. The caller keeps streaming state.
  internal("textDecode", 4, "-", (vm, _t, args) => {
    const encoding = String(args[1]);
    if (encoding === "utf-8") return utf8Text(vm, arg(args, 0), !!args[2], !!args[3]);
    const source = arg(args, 0);
    const bytes = bytesOf(source) ?? new Uint8Array(0);
    if (source instanceof JSObject && slicedDecode(encoding, bytes.length))
      return runWork(
        vm,
        new TextWork(
          TextOp.Decode,
          "",
          source,
          0,
          bytes.length,
          !!args[2],
          !!args[3],
          null,
          encoding,
        ),
      );
    try {
      return new TextDecoder(String(args[1]), {
        fatal: !!args[2],
        ignoreBOM: !!args[3],
      }).decode(bytes);
    } catch (e) {
      return rethrow(vm, e);
    }
  });
  // How many trailing bytes of a UTF-8 (or UTF-16) chunk start an incomplete character.
  internal("incompleteTail", 2, "-", (_vm, _t, args) => {
    const b = bytesOf(arg(args, 0)) ?? new Uint8Array(0);
    const enc = String(args[1]);
    if (enc === "utf-16le" || enc === "utf-16be") {
      // An odd byte, and a high surrogate waiting for its pair.
      const odd = b.length % 2;
      return endsInHighSurrogate(enc, b.subarray(0, b.length - odd)) ? odd + 2 : odd;
    }
    if (enc !== "utf-8") return 0;
    for (let back = 1; back <= Math.min(3, b.length); back++) {
      const c = b[b.length - back];
      if ((c & 0xc0) === 0x80) continue; // continuation byte
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      return need > back ? back : 0;
    }
    return 0;
  });
  // Concatenates two byte sources into a new Uint8Array (streaming decoders).
  internal("concatBytes", 2, "-", (vm, _t, args) => {
    const a = bytesOf(arg(args, 0)) ?? new Uint8Array(0);
    const b = bytesOf(arg(args, 1)) ?? new Uint8Array(0);
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return newBytes(vm, out, undefined);
  });
  internal("sliceBytes", 3, "-n?n?", (vm, _t, args) => {
    const a = bytesOf(arg(args, 0)) ?? new Uint8Array(0);
    return newBytes(vm, a.slice(args[1] as number, args[2] as number), undefined);
  });

  // atob/btoa (HTML's forgiving base64), errors as [name, message] for a DOMException.
  internal("btoa", 1, "-", (vm, _t, args) => {
    const s = String(arg(args, 0));
    if (slicedBytes(BytesOp.Btoa, s.length)) return runWork(vm, new BytesWork(BytesOp.Btoa, s));
    // One host scan (a loop of charCodeAt took a second over 30 MB).
    if (/[^\0-\xff]/.test(s))
      return vm.realm.newArray(["InvalidCharacterError", "Invalid character"]);
    return Buffer.from(s, "latin1").toString("base64");
  });
  internal("atob", 1, "-", (vm, _t, args) => {
    const s = String(arg(args, 0));
    if (slicedBytes(BytesOp.Atob, s.length)) return runWork(vm, new BytesWork(BytesOp.Atob, s));
    return atobWhole(vm, s);
  });

  // ---- Buffer ----
  internal("bufferFromString", 3, "-", (vm, _t, args) => {
    try {
      const enc = args[1] === undefined ? "utf8" : String(args[1]);
      if (!Buffer.isEncoding(enc)) {
        const e = new TypeError(`Unknown encoding: ${enc}`);
        (e as { code?: string }).code = "ERR_UNKNOWN_ENCODING";
        throw e;
      }
      const s = String(args[0]);
      if (/^utf-?8$/i.test(enc)) return utf8Bytes(vm, s, args[2]);
      const op = BYTES_FROM[enc.toLowerCase()];
      if (op !== undefined && slicedBytes(op, s.length)) {
        const proto = args[2] instanceof JSObject ? args[2] : null;
        return runWork(vm, new BytesWork(op, s, proto));
      }
      return newBytes(vm, Buffer.from(s, enc as BufferEncoding), args[2]);
    } catch (e) {
      return rethrow(vm, e);
    }
  });
  internal("bufferByteLength", 2, "-", (vm, _t, args) => {
    const v = arg(args, 0);
    const bytes = bytesOf(v);
    if (bytes) return bytes.length;
    try {
      return Buffer.byteLength(
        String(v),
        (args[1] === undefined ? "utf8" : String(args[1])) as BufferEncoding,
      );
    } catch (e) {
      return rethrow(vm, e);
    }
  });
  // buffer.isUtf8/isAscii over a view's or an ArrayBuffer's bytes: true, false, or
  // undefined for something else; "detached" for a detached buffer.
  internal("bytesCheck", 2, "-", (_vm, _t, args) => {
    const v = arg(args, 1);
    const ab = v instanceof TypedArrayObject || v instanceof DataViewObject ? v.buffer : v;
    if (ab instanceof ArrayBufferObject && ab.detached) return "detached";
    if (v instanceof DataViewObject) return undefined;
    const bytes = bytesOf(v);
    if (!bytes) return undefined;
    return args[0] === "ascii" ? isAscii(bytes) : isUtf8(bytes);
  });
  internal("isEncoding", 1, "-", (_vm, _t, args) => {
    const e = arg(args, 0);
    return typeof e === "string" && Buffer.isEncoding(e);
  });
  // (method, buffer, ...args): a host Buffer method on a view of the guest bytes.
  internal("bufferHost", 2, "-", (vm, _t, args) => {
    const name = String(args[0]);
    const target = args[1];
    if (!HOST_BUFFER_METHODS.has(name) || !(target instanceof TypedArrayObject))
      return vm.throwTypeError(`Buffer.prototype.${name} is not supported here`);
    // toString() and toString("utf8") of the whole buffer: big ones in slices.
    if (name === "toString" && args[3] === undefined && args[4] === undefined) {
      const enc = args[2] === undefined ? "utf8" : String(args[2]).toLowerCase();
      if (enc === "utf8" || enc === "utf-8") return utf8Text(vm, target, false, true);
      const op = BYTE_TEXT_OPS[enc];
      const length = target.host().byteLength;
      if (op !== undefined && slicedText(op, length))
        return runWork(vm, new TextWork(op, "", target, 0, length));
    }
    const hb = hostBuffer(target);
    const fn = (hb as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    let r: unknown;
    try {
      r = fn.apply(hb, args.slice(2).map(toHostArg));
    } catch (e) {
      return rethrow(vm, e);
    }
    if (r === hb) return target;
    if (typeof r === "object" && r !== null) return undefined;
    return r as Value;
  });
  internal("bufferCompare", 2, ["cc", BYTES, BYTES], (_vm, _t, args) =>
    Buffer.compare(bytesOf(args[0])!, bytesOf(args[1])!),
  );
  // Copies a byte source into a new Uint8Array or Buffer (proto).
  internal("copyBytes", 2, IS_BYTES, (vm, _t, args) =>
    newBytes(vm, bytesOf(args[0])!.slice(), args[1]),
  );
  // Copies bytes between byte sources: (dst, dstOffset, src) → bytes copied.
  // (dst, at, src): copies what fits of src into dst at `at` (Buffer.concat's parts:
  // between two Uint8Arrays over 8 MB and more, in slices).
  internal("setBytes", 3, ["cic", BYTES, BYTES], (vm, _t, args) => {
    const dst = bytesOf(args[0])!;
    const src = bytesOf(args[2])!;
    const at = args[1] as number;
    if (at > dst.length) return undefined;
    const n = Math.max(0, Math.min(src.length, dst.length - at));
    const [d, s] = [args[0], args[2]];
    if (
      d instanceof TypedArrayObject &&
      s instanceof TypedArrayObject &&
      d.kind === KIND_UINT8 &&
      s.kind === KIND_UINT8 &&
      bulkSliced(s, n) &&
      bulkCopyable(s, d)
    )
      return runWork(vm, new TypedArrayBulkWork(Bulk.Copy, d, at, 0, n, s, 0));
    dst.set(src.subarray(0, n), at);
    return undefined;
  });
  internal("cloneArrayBuffer", 1, ["c", ArrayBufferObject], (vm, _t, args) => {
    const b = args[0] as ArrayBufferObject;
    const out = allocateBuffer(vm, vm.realm.ArrayBufferPrototype, b.byteLength, b.maxByteLength);
    out.data.set(b.data);
    return out;
  });
  internal("isDataView", 1, "-", (_vm, _t, args) => arg(args, 0) instanceof DataViewObject);
}
