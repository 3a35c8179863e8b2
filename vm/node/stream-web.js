// node:stream/web — the WHATWG streams. The streams themselves are web-streams-polyfill
// 4.3.0 (the spec's reference implementation, maintained), run as guest code, so a
// stream in the middle of a pipe is ordinary guest data in a snapshot. The text and
// compression streams are TransformStreams written here over TextEncoder/TextDecoder
// and zlib.
"use strict";

const streams = require("web-streams-polyfill/dist/ponyfill.js");
const { TransformStream } = streams;

const kTransform = Symbol("kTransform");

/** Readable and writable getters that forward to the wrapped TransformStream. */
function transformSides(Class, name) {
  for (const side of ["readable", "writable"])
    Object.defineProperty(Class.prototype, side, {
      get() {
        if (!this || !this[kTransform])
          throw new TypeError(`Value of "this" must be of type ${name}`);
        return this[kTransform][side];
      },
      enumerable: true,
      configurable: true,
    });
}

class TextEncoderStream {
  constructor() {
    const encoder = new TextEncoder();
    let pending = ""; // a lead surrogate that ended the last chunk
    this[kTransform] = new TransformStream({
      transform(chunk, controller) {
        let text = pending + String(chunk);
        pending = "";
        const last = text.charCodeAt(text.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          pending = text.slice(-1);
          text = text.slice(0, -1);
        }
        if (text.length > 0) controller.enqueue(encoder.encode(text));
      },
      flush(controller) {
        if (pending) controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
      },
    });
  }
  get encoding() {
    return "utf-8";
  }
}
transformSides(TextEncoderStream, "TextEncoderStream");

class TextDecoderStream {
  constructor(encoding = "utf-8", options = {}) {
    const decoder = new TextDecoder(encoding, options);
    this.#decoder = decoder;
    this[kTransform] = new TransformStream({
      transform(chunk, controller) {
        const text = decoder.decode(chunk, { stream: true });
        if (text) controller.enqueue(text);
      },
      flush(controller) {
        const text = decoder.decode();
        if (text) controller.enqueue(text);
      },
    });
  }
  #decoder;
  get encoding() {
    return this.#decoder.encoding;
  }
  get fatal() {
    return this.#decoder.fatal;
  }
  get ignoreBOM() {
    return this.#decoder.ignoreBOM;
  }
}
transformSides(TextDecoderStream, "TextDecoderStream");

const FORMATS = ["deflate", "deflate-raw", "gzip"];

/**
 * (De)compression over zlib's one-shot functions: the input is kept until the
 * writable side closes and the output comes then, as Jaunt's zlib streams do (a
 * documented difference from Node, which emits as it goes).
 */
function zlibTransform(format, direction) {
  if (!FORMATS.includes(format)) {
    const err = new TypeError(
      `The argument 'format' must be one of: 'deflate', 'deflate-raw', 'gzip'. Received '${format}'`,
    );
    err.code = "ERR_INVALID_ARG_VALUE";
    throw err;
  }
  const zlib = require("zlib");
  const run = {
    compress: {
      deflate: zlib.deflateSync,
      "deflate-raw": zlib.deflateRawSync,
      gzip: zlib.gzipSync,
    },
    decompress: {
      deflate: zlib.inflateSync,
      "deflate-raw": zlib.inflateRawSync,
      gzip: zlib.gunzipSync,
    },
  }[direction][format];
  const parts = [];
  return new TransformStream({
    transform(chunk) {
      if (!ArrayBuffer.isView(chunk) && !(chunk instanceof ArrayBuffer))
        throw new TypeError('The "chunk" argument must be an ArrayBuffer or ArrayBufferView');
      parts.push(Buffer.from(chunk.buffer ?? chunk, chunk.byteOffset ?? 0, chunk.byteLength));
    },
    flush(controller) {
      const out = run(Buffer.concat(parts));
      controller.enqueue(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
    },
  });
}

class CompressionStream {
  constructor(format) {
    this[kTransform] = zlibTransform(format, "compress");
  }
}
transformSides(CompressionStream, "CompressionStream");

class DecompressionStream {
  constructor(format) {
    this[kTransform] = zlibTransform(format, "decompress");
  }
}
transformSides(DecompressionStream, "DecompressionStream");

module.exports = {
  ReadableStream: streams.ReadableStream,
  ReadableStreamDefaultReader: streams.ReadableStreamDefaultReader,
  ReadableStreamBYOBReader: streams.ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest: streams.ReadableStreamBYOBRequest,
  ReadableByteStreamController: streams.ReadableByteStreamController,
  ReadableStreamDefaultController: streams.ReadableStreamDefaultController,
  TransformStream,
  TransformStreamDefaultController: streams.TransformStreamDefaultController,
  WritableStream: streams.WritableStream,
  WritableStreamDefaultWriter: streams.WritableStreamDefaultWriter,
  WritableStreamDefaultController: streams.WritableStreamDefaultController,
  ByteLengthQueuingStrategy: streams.ByteLengthQueuingStrategy,
  CountQueuingStrategy: streams.CountQueuingStrategy,
  TextEncoderStream,
  TextDecoderStream,
  CompressionStream,
  DecompressionStream,
};
