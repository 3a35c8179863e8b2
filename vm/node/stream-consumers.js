// node:stream/consumers — a whole stream (or async iterable) read into one value.
"use strict";

function toBytes(chunk) {
  return typeof chunk === "string" ? Buffer.from(chunk) : chunk;
}

async function buffer(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(toBytes(chunk));
  return Buffer.concat(chunks);
}

async function arrayBuffer(stream) {
  const b = await buffer(stream);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

async function text(stream) {
  const decoder = new TextDecoder();
  let out = "";
  for await (const chunk of stream)
    out += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

async function json(stream) {
  return JSON.parse(await text(stream));
}

async function blob(stream) {
  if (typeof Blob !== "function") throw new Error("stream/consumers: Blob is not available");
  const chunks = [];
  for await (const chunk of stream) chunks.push(toBytes(chunk));
  return new Blob(chunks);
}

module.exports = { arrayBuffer, blob, buffer, json, text };
