// TextEncoder, TextDecoder, atob/btoa, DOMException, Node's Buffer and structuredClone,
// self-hosted over the byte natives of builtins/encoding.ts. Buffer is a Uint8Array
// subclass whose instances are made natively with Buffer.prototype as their
// prototype; methods whose checks and messages must be Node's own run the host's
// Buffer method on a view of the guest bytes ($.bufferHost).

var Uint8ArrayCtor = global.Uint8Array;
var Uint8ArrayPrototype = Uint8ArrayCtor.prototype;
var KIND_UINT8 = 1;

/** How Node's ERR_INVALID_ARG_TYPE messages describe a value (" Received …"). */
function nodeReceived(v) {
  if (v === undefined || v === null) return " Received " + v;
  // Node 20 names an anonymous function by its empty name ("Received function ").
  if (typeof v === "function") return " Received function " + v.name;
  if (typeof v === "object") {
    var c = v.constructor;
    if (isObject(c) && typeof c.name === "string" && c.name !== "") return " Received an instance of " + c.name;
    return " Received [object Object]";
  }
  var shown;
  if (typeof v === "string") shown = "'" + (v.length > 25 ? v.slice(0, 25) + "..." : v) + "'";
  else if (typeof v === "bigint") shown = v + "n";
  else if (typeof v === "symbol") shown = $.symbolDescriptiveString(v);
  else shown = "" + v;
  return " Received type " + typeof v + " (" + shown + ")";
}

function nodeError(kind, code, message) {
  var e =
    kind === "RangeError"
      ? new global.RangeError(message)
      : kind === "Error"
        ? new global.Error(message)
        : new global.TypeError(message);
  $.defineOwnProperty(e, "code", 1 | 2 | 32, code, true, undefined, undefined, false, true);
  throw e;
}

function invalidArgType(name, expected, v) {
  // Node quotes parameter names but not descriptions like "first argument".
  var what = name.endsWith(" argument") ? name : '"' + name + '" argument';
  nodeError("TypeError", "ERR_INVALID_ARG_TYPE", "The " + what + " must be " + expected + "." + nodeReceived(v));
}

// ---- DOMException --------------------------------------------------------------

var domExceptionCodes = {
  IndexSizeError: 1,
  HierarchyRequestError: 3,
  WrongDocumentError: 4,
  InvalidCharacterError: 5,
  NoModificationAllowedError: 7,
  NotFoundError: 8,
  NotSupportedError: 9,
  InvalidStateError: 11,
  SyntaxError: 12,
  InvalidModificationError: 13,
  NamespaceError: 14,
  InvalidAccessError: 15,
  TypeMismatchError: 17,
  SecurityError: 18,
  NetworkError: 19,
  AbortError: 20,
  URLMismatchError: 21,
  QuotaExceededError: 22,
  TimeoutError: 23,
  InvalidNodeTypeError: 24,
  DataCloneError: 25,
};

// The legacy code constants, 1 to 25 in order (WebIDL), on the constructor and prototype.
var domExceptionConstants = [
  "INDEX_SIZE_ERR",
  "DOMSTRING_SIZE_ERR",
  "HIERARCHY_REQUEST_ERR",
  "WRONG_DOCUMENT_ERR",
  "INVALID_CHARACTER_ERR",
  "NO_DATA_ALLOWED_ERR",
  "NO_MODIFICATION_ALLOWED_ERR",
  "NOT_FOUND_ERR",
  "NOT_SUPPORTED_ERR",
  "INUSE_ATTRIBUTE_ERR",
  "INVALID_STATE_ERR",
  "SYNTAX_ERR",
  "INVALID_MODIFICATION_ERR",
  "NAMESPACE_ERR",
  "INVALID_ACCESS_ERR",
  "VALIDATION_ERR",
  "TYPE_MISMATCH_ERR",
  "SECURITY_ERR",
  "NETWORK_ERR",
  "ABORT_ERR",
  "URL_MISMATCH_ERR",
  "QUOTA_EXCEEDED_ERR",
  "TIMEOUT_ERR",
  "INVALID_NODE_TYPE_ERR",
  "DATA_CLONE_ERR",
];

// As in Node: name, message and code are (enumerable) prototype getters over internal
// state; the only own property is `stack`, whose first line shows the name.
class DOMException extends Error {
  #name;
  #message;
  constructor(message, name) {
    var msg = message === undefined ? "" : toString(message);
    var nm = name === undefined ? "Error" : toString(name);
    super(msg);
    this.#message = msg;
    this.#name = nm;
    delete this.message;
    var stack = this.stack;
    if (typeof stack === "string" && reIndexOf(stack, "Error", 0) === 0) this.stack = nm + reSlice(stack, 5);
  }
  get name() {
    return this.#name;
  }
  get message() {
    return this.#message;
  }
  get code() {
    var c = domExceptionCodes[this.#name];
    return c === undefined ? 0 : c;
  }
}
(function () {
  var P = DOMException.prototype;
  $.defineOwnProperty(P, "name", 16, undefined, false, undefined, undefined, true, false);
  $.defineOwnProperty(P, "message", 16, undefined, false, undefined, undefined, true, false);
  $.defineOwnProperty(P, "code", 16, undefined, false, undefined, undefined, true, false);
  for (var i = 0; i < domExceptionConstants.length; i++) {
    $.defineOwnProperty(DOMException, domExceptionConstants[i], 1 | 2 | 16 | 32, i + 1, false, undefined, undefined, true, false);
    $.defineOwnProperty(P, domExceptionConstants[i], 1 | 2 | 16 | 32, i + 1, false, undefined, undefined, true, false);
  }
  $.defineOwnProperty(P, global.Symbol.toStringTag, 1 | 2 | 16 | 32, "DOMException", false, undefined, undefined, false, true);
})();
defineMethod(global, "DOMException", DOMException);

function throwDOMException(pair) {
  throw new DOMException(pair[1], pair[0]);
}

defineMethods(global, [
  function atob(data) {
    if (arguments.length === 0) nodeError("TypeError", "ERR_MISSING_ARGS", 'The "data" argument must be specified');
    var r = $.atob(toString(data));
    if (typeof r !== "string") throwDOMException(r);
    return r;
  },
  function btoa(data) {
    if (arguments.length === 0) nodeError("TypeError", "ERR_MISSING_ARGS", 'The "data" argument must be specified');
    var r = $.btoa(toString(data));
    if (typeof r !== "string") throwDOMException(r);
    return r;
  },
]);

// ---- TextEncoder / TextDecoder -------------------------------------------------

class TextEncoder {
  get encoding() {
    return "utf-8";
  }
  encode() {
    var input = arguments[0];
    return $.utf8Encode(input === undefined ? "" : toString(input));
  }
  encodeInto(source, destination) {
    var s = toString(source);
    if (!$.isTypedArray(destination) || $.taKind(destination) !== KIND_UINT8)
      invalidArgType("dest", "an instance of Uint8Array", destination);
    var r = $.utf8EncodeInto(s, destination);
    return { read: r[0], written: r[1] };
  }
}
defineMethod(global, "TextEncoder", TextEncoder);

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  #pending = undefined;
  #bomSeen = false;
  constructor() {
    var label = arguments[0];
    var options = arguments[1];
    this.#encoding = $.encodingName(label === undefined ? "utf-8" : toString(label));
    if (options !== undefined && options !== null && !isObject(options))
      invalidArgType("options", "of type object", options);
    this.#fatal = isObject(options) ? !!options.fatal : false;
    this.#ignoreBOM = isObject(options) ? !!options.ignoreBOM : false;
  }
  get encoding() {
    return this.#encoding;
  }
  get fatal() {
    return this.#fatal;
  }
  get ignoreBOM() {
    return this.#ignoreBOM;
  }
  decode() {
    var input = arguments[0];
    var options = arguments[1];
    if (input === undefined) input = new Uint8ArrayCtor(0);
    else if (!$.isByteSource(input))
      nodeError(
        "TypeError",
        "ERR_INVALID_ARG_TYPE",
        'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.',
      );
    var stream = isObject(options) ? !!options.stream : false;
    var bytes = this.#pending === undefined ? input : $.concatBytes(this.#pending, input);
    this.#pending = undefined;
    var n = $.bufferByteLength(bytes);
    if (stream) {
      var tail = $.incompleteTail(bytes, this.#encoding);
      if (tail > 0) {
        this.#pending = $.sliceBytes(bytes, n - tail, n);
        bytes = $.sliceBytes(bytes, 0, n - tail);
      }
    }
    var s = $.textDecode(bytes, this.#encoding, this.#fatal, this.#ignoreBOM || this.#bomSeen);
    if (stream) {
      if (n > 0) this.#bomSeen = true;
    } else this.#bomSeen = false;
    return s;
  }
}
defineMethod(global, "TextDecoder", TextDecoder);

// ---- Buffer --------------------------------------------------------------------

var kMaxLength = 4294967296;

// A constructor as in node: `Buffer(n)`, the deprecated `new Buffer(n)`, and
// `Buffer.of`/`Buffer.from` inherited from Uint8Array (which construct `this`).
var Buffer = $.makeConstructor("Buffer", 3, function (newTarget, arg, encodingOrOffset, length) {
  if (typeof arg === "number") {
    if (typeof encodingOrOffset === "string")
      invalidArgType("string", "of type string", arg);
    return bufferAlloc(arg);
  }
  return bufferFrom(arg, encodingOrOffset, length);
});
var BufferPrototype = ObjectCtor.create(Uint8ArrayPrototype);
$.defineOwnProperty(Buffer, "prototype", 1 | 2 | 16 | 32, BufferPrototype, true, undefined, undefined, false, false);
defineMethod(BufferPrototype, "constructor", Buffer);
collSetPrototypeOf(Buffer, Uint8ArrayCtor);
$.BufferPrototype = BufferPrototype;

function isBuffer(b) {
  return $.isTypedArray(b) && $.ordinaryHasInstance(Buffer, b);
}

function checkSize(size) {
  if (typeof size !== "number") invalidArgType("size", "of type number", size);
  if (!(size >= 0 && size <= kMaxLength))
    nodeError(
      "RangeError",
      "ERR_OUT_OF_RANGE",
      'The value of "size" is out of range. It must be >= 0 && <= ' + kMaxLength + ". Received " + receivedNumber(size),
    );
}

/** A number as Node's ERR_OUT_OF_RANGE shows it: integers past 2^32 with `_` separators. */
function receivedNumber(n) {
  var text = "" + n;
  if (n % 1 !== 0 || !(n > 4294967296 || n < -4294967296)) return text;
  var out = "";
  var i = text.length;
  var start = text[0] === "-" ? 1 : 0;
  for (; i >= start + 4; i -= 3) out = "_" + text.slice(i - 3, i) + out;
  return text.slice(0, i) + out;
}

/** buffer.isUtf8 / buffer.isAscii: what the bytes of a view or an ArrayBuffer are. */
function bytesCheck(kind, input) {
  var r = $.bytesCheck(kind, input);
  if (r === "detached")
    nodeError("Error", "ERR_INVALID_STATE", "Cannot validate on a detached buffer");
  if (r === undefined) invalidArgType("input", "an instance of ArrayBuffer, Buffer, or TypedArray", input);
  return r;
}

function bufferAlloc(size) {
  checkSize(size);
  return $.taCreate(KIND_UINT8, BufferPrototype, size);
}

function bufferFromBytesLike(o) {
  var len = lengthOf(o);
  var b = $.taCreate(KIND_UINT8, BufferPrototype, len);
  for (var i = 0; i < len; i++) b[i] = o[i];
  return b;
}

function bufferFrom(value, encodingOrOffset, length) {
  if (typeof value === "string") return $.bufferFromString(value, encodingOrOffset, BufferPrototype);
  if (isObject(value)) {
    if ($.isArrayBuffer(value)) {
      var len = $.abRequire(value, "Buffer.from", false);
      var offset = encodingOrOffset === undefined ? 0 : +encodingOrOffset;
      if (offset !== offset) offset = 0;
      if (offset > len) nodeError("RangeError", "ERR_BUFFER_OUT_OF_BOUNDS", '"offset" is outside of buffer bounds');
      var n = length === undefined ? len - offset : +length;
      if (n !== n) n = 0;
      if (offset + n > len) nodeError("RangeError", "ERR_BUFFER_OUT_OF_BOUNDS", '"length" is outside of buffer bounds');
      return $.taFromBuffer(KIND_UINT8, BufferPrototype, value, offset, n);
    }
    if ($.isTypedArray(value)) {
      if ($.taKind(value) === KIND_UINT8) return $.copyBytes(value, BufferPrototype);
      return bufferFromBytesLike(value);
    }
    var prim = value.valueOf !== undefined ? value.valueOf() : value;
    if (prim !== null && prim !== undefined && prim !== value) return bufferFrom(prim, encodingOrOffset, length);
    if (value.length !== undefined || $.isArrayBuffer(value.buffer)) {
      if (typeof value.length !== "number") return $.taCreate(KIND_UINT8, BufferPrototype, 0);
      return bufferFromBytesLike(value);
    }
    if (value.type === "Buffer" && $.isArray(value.data)) return bufferFromBytesLike(value.data);
  }
  invalidArgType(
    "first argument",
    "of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object",
    value,
  );
}

// Buffer's statics are enumerable in Node (they are assigned): safer-buffer copies
// them with for-in.
defineEnumerableMethods(Buffer, [
  function from(value, encodingOrOffset, length) {
    return bufferFrom(value, encodingOrOffset, length);
  },
  function alloc(size, fill, encoding) {
    var b = bufferAlloc(size);
    if (fill !== undefined && fill !== 0 && size > 0) $.bufferHost("fill", b, fill, encoding);
    return b;
  },
  function allocUnsafe(size) {
    return bufferAlloc(size);
  },
  function allocUnsafeSlow(size) {
    return bufferAlloc(size);
  },
  function isBuffer(b) {
    return $.isTypedArray(b) && $.ordinaryHasInstance(Buffer, b);
  },
  function isEncoding(encoding) {
    return $.isEncoding(encoding);
  },
  function byteLength(string, encoding) {
    if (typeof string !== "string" && !$.isByteSource(string))
      invalidArgType("string", "of type string or an instance of Buffer or ArrayBuffer", string);
    return $.bufferByteLength(string, encoding);
  },
  function compare(buf1, buf2) {
    if (!$.isTypedArray(buf1) || $.taKind(buf1) !== KIND_UINT8) invalidArgType("buf1", "an instance of Buffer or Uint8Array", buf1);
    if (!$.isTypedArray(buf2) || $.taKind(buf2) !== KIND_UINT8) invalidArgType("buf2", "an instance of Buffer or Uint8Array", buf2);
    return $.bufferCompare(buf1, buf2);
  },
  function concat(list, totalLength) {
    if (!$.isArray(list)) invalidArgType("list", "an instance of Array", list);
    if (list.length === 0) return $.taCreate(KIND_UINT8, BufferPrototype, 0);
    var i;
    if (totalLength === undefined) {
      totalLength = 0;
      for (i = 0; i < list.length; i++) {
        if (!$.isTypedArray(list[i]) || $.taKind(list[i]) !== KIND_UINT8)
          invalidArgType("list[" + i + "]", "an instance of Buffer or Uint8Array", list[i]);
        totalLength += list[i].length;
      }
    }
    var out = bufferAlloc(totalLength);
    var pos = 0;
    for (i = 0; i < list.length && pos < totalLength; i++) {
      var b = list[i];
      if (!$.isTypedArray(b) || $.taKind(b) !== KIND_UINT8)
        invalidArgType("list[" + i + "]", "an instance of Buffer or Uint8Array", b);
      var n = b.length < totalLength - pos ? b.length : totalLength - pos;
      $.setBytes(out, pos, b.length === n ? b : b.subarray(0, n));
      pos += n;
    }
    return out;
  },
]);
function defineEnumerableMethods(obj, fns) {
  for (var i = 0; i < fns.length; i++)
    $.defineOwnProperty(obj, fns[i].name, 1 | 2 | 16 | 32, fns[i], true, undefined, undefined, true, true);
}
$.defineOwnProperty(Buffer, "poolSize", 1 | 2 | 16 | 32, 8192, true, undefined, undefined, true, true);

/** Node's adjustOffset for subarray/slice. */
function bufferAdjust(offset, length) {
  offset = global.Math.trunc(offset);
  if (offset === 0) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return offset !== offset ? 0 : length;
}

function bufferSubarray(b, start, end) {
  var len = b.length;
  start = bufferAdjust(start, len);
  end = end !== undefined ? bufferAdjust(end, len) : len;
  return $.taFromBuffer(KIND_UINT8, BufferPrototype, b.buffer, b.byteOffset + start, end > start ? end - start : 0);
}

/** What indexOf/lastIndexOf/includes search for: a number, a string or bytes (Node's check). */
function searchValue(value) {
  if (typeof value !== "number" && typeof value !== "string" && !($.isTypedArray(value) && $.taKind(value) === KIND_UINT8))
    invalidArgType("value", "one of type number or string or an instance of Buffer or Uint8Array", value);
}

/**
 * An offset argument that is an object is converted here, as Node's `+n` does (it may
 * call the guest's valueOf or throw); the host's bounds rules do the rest.
 */
function numeric(n) {
  return (typeof n === "object" && n !== null) || typeof n === "function" ? toNumber(n) : n;
}

// Node's legacy views of a Buffer's memory: `parent` (its ArrayBuffer) and `offset`.
$.defineOwnProperty(BufferPrototype, "parent", 4 | 16 | 32, undefined, false, function () {
  return this instanceof Buffer ? this.buffer : undefined;
}, undefined, true, false);
$.defineOwnProperty(BufferPrototype, "offset", 4 | 16 | 32, undefined, false, function () {
  return this instanceof Buffer ? this.byteOffset : undefined;
}, undefined, true, false);

defineMethods(BufferPrototype, [
  function toString(encoding, start, end) {
    if (arguments.length === 0) return $.bufferHost("toString", this);
    // As Node's getEncodingOps: any encoding but undefined is converted (`${encoding}`).
    if (encoding !== undefined && typeof encoding !== "string") encoding = "" + encoding;
    return $.bufferHost("toString", this, encoding, start, end);
  },
  function toLocaleString(encoding, start, end) {
    return $.bufferHost("toString", this, encoding, start, end);
  },
  function equals(otherBuffer) {
    if (!$.isTypedArray(otherBuffer) || $.taKind(otherBuffer) !== KIND_UINT8)
      invalidArgType("otherBuffer", "an instance of Buffer or Uint8Array", otherBuffer);
    return $.bufferCompare(this, otherBuffer) === 0;
  },
  function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
    if (!$.isTypedArray(target) || $.taKind(target) !== KIND_UINT8)
      invalidArgType("target", "an instance of Buffer or Uint8Array", target);
    return $.bufferHost("compare", this, target, targetStart, targetEnd, sourceStart, sourceEnd);
  },
  function copy(target, targetStart, sourceStart, sourceEnd) {
    if (!$.isTypedArray(this) || $.taKind(this) !== KIND_UINT8)
      invalidArgType("source", "an instance of Buffer or Uint8Array", this);
    return $.bufferHost("copy", this, target, numeric(targetStart), numeric(sourceStart), numeric(sourceEnd));
  },
  function slice(start, end) {
    return bufferSubarray(this, start, end);
  },
  function subarray(start, end) {
    return bufferSubarray(this, start, end);
  },
  function write(string, offset, length, encoding) {
    var args = [];
    for (var i = 0; i < arguments.length; i++) push(args, arguments[i]);
    return apply($.bufferHost, undefined, ["write", this].concat(args));
  },
  function toJSON() {
    var data = [];
    for (var i = 0; i < this.length; i++) push(data, this[i]);
    return { type: "Buffer", data: data };
  },
  function fill(value, offset, end, encoding) {
    if (typeof value === "number" || typeof value === "string" || $.isTypedArray(value) || value === undefined)
      return $.bufferHost("fill", this, value, offset, end, encoding);
    return $.bufferHost("fill", this, toNumber(value), offset, end, encoding);
  },
  function indexOf(value, byteOffset, encoding) {
    searchValue(value);
    return $.bufferHost("indexOf", this, value, numeric(byteOffset), encoding);
  },
  function lastIndexOf(value, byteOffset, encoding) {
    searchValue(value);
    if (arguments.length < 2) return $.bufferHost("lastIndexOf", this, value);
    return $.bufferHost("lastIndexOf", this, value, numeric(byteOffset), encoding);
  },
  function includes(value, byteOffset, encoding) {
    searchValue(value);
    return $.bufferHost("includes", this, value, numeric(byteOffset), encoding);
  },
  function swap16() {
    return $.bufferHost("swap16", this);
  },
  function swap32() {
    return $.bufferHost("swap32", this);
  },
  function swap64() {
    return $.bufferHost("swap64", this);
  },
]);

/** The read and write methods and their lower-case aliases, forwarded with their arguments. */
function bufferForward(name) {
  return function () {
    var args = ["" + name, this];
    for (var i = 0; i < arguments.length; i++) push(args, arguments[i]);
    return apply($.bufferHost, undefined, args);
  };
}
var bufferRW = [
  ["UInt8", 1], ["UInt16LE", 1], ["UInt16BE", 1], ["UInt32LE", 1], ["UInt32BE", 1],
  ["Int8", 1], ["Int16LE", 1], ["Int16BE", 1], ["Int32LE", 1], ["Int32BE", 1],
  ["UIntLE", 2], ["UIntBE", 2], ["IntLE", 2], ["IntBE", 2],
  ["FloatLE", 1], ["FloatBE", 1], ["DoubleLE", 1], ["DoubleBE", 1],
  ["BigInt64LE", 1], ["BigInt64BE", 1], ["BigUInt64LE", 1], ["BigUInt64BE", 1],
];
for (var rwi = 0; rwi < bufferRW.length; rwi++) {
  var rwName = bufferRW[rwi][0];
  var names = [rwName];
  if (rwName.indexOf("UInt") >= 0) push(names, rwName.replace("UInt", "Uint"));
  for (var rwj = 0; rwj < names.length; rwj++) {
    var readFn = bufferForward("read" + rwName);
    var writeFn = bufferForward("write" + rwName);
    $.defineOwnProperty(readFn, "name", 1, "read" + names[rwj]);
    $.defineOwnProperty(writeFn, "name", 1, "write" + names[rwj]);
    $.defineOwnProperty(readFn, "length", 1, bufferRW[rwi][1] - 1);
    $.defineOwnProperty(writeFn, "length", 1, bufferRW[rwi][1]);
    defineMethod(BufferPrototype, "read" + names[rwj], readFn);
    defineMethod(BufferPrototype, "write" + names[rwj], writeFn);
  }
}
defineMethod(global, "Buffer", Buffer);

/** require("buffer") (made once, so every require returns the same object). */
var bufferModuleExports = {
  Buffer: Buffer,
  atob: global.atob,
  btoa: global.btoa,
  kMaxLength: kMaxLength,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 536870888 },
  INSPECT_MAX_BYTES: 50,
  SlowBuffer: function SlowBuffer(size) {
    return bufferAlloc(size);
  },
  isAscii: function isAscii(input) {
    return bytesCheck("ascii", input);
  },
  isUtf8: function isUtf8(input) {
    return bytesCheck("utf8", input);
  },
};
/**
 * require("buffer"): its Blob, File and resolveObjectURL are node:internal/blob's,
 * accessors that load it on first use, added at the first require (not at start-up).
 */
function bufferModule() {
  if ($.getOwnProperty(bufferModuleExports, "Blob") === undefined) {
    var names = ["Blob", "resolveObjectURL", "File"];
    for (var i = 0; i < names.length; i++) {
      (function (name) {
        var get = function () {
          return requireBuiltinFile("node:internal/blob")[name];
        };
        $.defineOwnProperty(bufferModuleExports, name, 4 | 8 | 16 | 32, undefined, false, get, undefined, true, true);
      })(names[i]);
    }
  }
  return bufferModuleExports;
}

// ---- structuredClone -------------------------------------------------------------

function dataCloneError(v) {
  var text;
  if (typeof v === "symbol") text = $.symbolDescriptiveString(v);
  else if (typeof v === "function") text = call(global.Function.prototype.toString, v);
  else if ($.isProxy(v)) text = $.isArray(v) ? "[object Array]" : "#<Object>";
  else if ($.classOf(v) === "Symbol") text = "[object Symbol]";
  else text = $.receiverText(v);
  throw new DOMException(text + " could not be cloned.", "DataCloneError");
}

var cloneErrorNames = ["Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError"];

function scClone(v, memory) {
  if (!isObject(v)) {
    if (typeof v === "symbol") dataCloneError(v);
    return v;
  }
  if ($.mapHas(memory, v)) return $.mapGet(memory, v);
  // V8's serializer refuses functions, proxies and promises before anything else.
  if (isCallable(v) || $.isProxy(v) || isPromise(v)) dataCloneError(v);
  var cls = $.classOf(v);
  var out, i, keys;
  if ($.isArrayBuffer(v)) {
    if (v.detached) throw new DOMException("An ArrayBuffer is detached and could not be cloned.", "DataCloneError");
    out = $.cloneArrayBuffer(v);
    $.mapPut(memory, v, out);
    return out;
  }
  if ($.isTypedArray(v)) {
    var buf = scClone(v.buffer, memory);
    out = $.taFromBuffer($.taKind(v), $.taCtorOf(v).prototype, buf, v.byteOffset, v.length);
    $.mapPut(memory, v, out);
    return out;
  }
  if ($.isDataView(v)) {
    out = new global.DataView(scClone(v.buffer, memory), v.byteOffset, v.byteLength);
    $.mapPut(memory, v, out);
    return out;
  }
  var prim = $.primitiveOf(v);
  if (prim !== undefined && (cls === "Number" || cls === "String" || cls === "Boolean" || cls === "BigInt")) {
    out = ObjectCtor(prim);
    $.mapPut(memory, v, out);
    return out;
  }
  if (cls === "Date" && global.Date !== undefined) {
    out = new global.Date(call(global.Date.prototype.getTime, v));
    $.mapPut(memory, v, out);
    return out;
  }
  if (cls === "RegExp" && global.RegExp !== undefined) {
    out = new global.RegExp(v.source, v.flags);
    $.mapPut(memory, v, out);
    return out;
  }
  if (cls === "Map") {
    out = $.newMap();
    $.mapPut(memory, v, out);
    var it = $.collectionIterator(v);
    var e = [undefined, undefined];
    var pairs = [];
    while ($.collectionStep(it, e)) push(pairs, [e[0], e[1]]);
    for (i = 0; i < pairs.length; i++) $.mapPut(out, scClone(pairs[i][0], memory), scClone(pairs[i][1], memory));
    return out;
  }
  if (cls === "Set") {
    out = $.newSet();
    $.mapPut(memory, v, out);
    var values = $.setValues(v);
    for (i = 0; i < values.length; i++) $.setAdd(out, scClone(values[i], memory));
    return out;
  }
  if (cls === "Error") {
    var name = v.name;
    var Ctor = global[cloneErrorNames.indexOf(name) >= 0 ? name : "Error"];
    var msgDesc = $.getOwnProperty(v, "message");
    out = msgDesc !== undefined ? new Ctor(toString(v.message)) : new Ctor();
    $.mapPut(memory, v, out);
    var stack = v.stack;
    if (typeof stack === "string") $.defineOwnProperty(out, "stack", 1 | 2 | 32, stack, true, undefined, undefined, false, true);
    if ($.getOwnProperty(v, "cause") !== undefined)
      $.defineOwnProperty(out, "cause", 1 | 2 | 32, scClone(v.cause, memory), true, undefined, undefined, false, true);
    return out;
  }
  if ($.isArray(v)) out = $.newArray(v.length);
  else if (cls === "Object" || cls === "Arguments") out = {};
  else dataCloneError(v);
  $.mapPut(memory, v, out);
  if ($.isArray(v)) {
    // Holes stay holes: only own enumerable keys are copied.
    for (i = 0; i < out.length; i++) delete out[i];
  }
  keys = $.ownKeys(v);
  for (i = 0; i < keys.length; i++) {
    var k = keys[i];
    if (typeof k !== "string") continue;
    var d = $.getOwnProperty(v, k);
    if (d === undefined || !(d[0] & 2)) continue;
    $.createDataProperty(out, k, scClone(v[k], memory));
  }
  return out;
}

defineMethods(global, [
  function structuredClone(value, options) {
    if (arguments.length === 0) nodeError("TypeError", "ERR_MISSING_ARGS", "The value argument must be specified");
    var memory = $.newMap();
    // options.transfer: each ArrayBuffer moves to the clone and is detached here
    // (Node 20's messages).
    var transfer = isObject(options) ? options.transfer : undefined;
    var moved = [];
    if (transfer !== undefined) {
      if (!isObject(transfer)) throwTypeError("Optional transferList argument must be an iterable");
      var len = lengthOf(transfer);
      for (var i = 0; i < len; i++) {
        var ab = transfer[i];
        if (!$.isArrayBuffer(ab)) throwTypeError("Found invalid object in transferList");
        if ($.mapHas(memory, ab)) throw new DOMException("Transfer list contains duplicate ArrayBuffer", "DataCloneError");
        var len0 = $.abRequire(ab, "structuredClone", false);
        $.mapPut(memory, ab, len0 > 0 ? call(global.ArrayBuffer.prototype.slice, ab, 0) : new global.ArrayBuffer(0));
        push(moved, ab);
      }
    }
    var out = scClone(value, memory);
    for (var m = 0; m < moved.length; m++) $.abDetach(moved[m]);
    return out;
  },
]);
