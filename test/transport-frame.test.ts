// Wire frames: round trips through in-memory streams in chunks of every size, and each
// kind of malformed input named by its problem.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import {
  DEFAULT_MAX_FRAME,
  FrameDecoder,
  FrameError,
  FrameKind,
  HEADER_BYTES,
  encodeFrame,
  type Frame,
} from "../transport/frame";

const SAMPLES: Frame[] = [
  { kind: FrameKind.Hello, channel: 0, body: { node: "v20.0.0", pid: 7, protocol: 1 } },
  { kind: FrameKind.Stdout, channel: 3, body: "héllo\n" },
  { kind: FrameKind.Resume, channel: 0xffffffff, body: { snapshot: new Uint8Array([1, 2, 3]) } },
  { kind: FrameKind.Exit, channel: 1, body: { code: 0 } },
  { kind: FrameKind.Data, channel: 2, body: [1, "two", null, { three: 3.5 }] },
];

function expectProblem(fn: () => unknown, problem: string, pattern?: RegExp) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof FrameError, `a FrameError, got ${String(e)}`);
    assert.equal(e.problem, problem);
    assert.equal(e.code, `ERR_JAUNT_FRAME_${problem.toUpperCase()}`);
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}

/** Writes `bytes` through a PassThrough in chunks of `size` and decodes what comes out. */
async function throughStream(bytes: Buffer, size: number): Promise<Frame[]> {
  const pipe = new PassThrough();
  const dec = new FrameDecoder();
  const got: Frame[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pipe.on("data", (c: Buffer) => {
      try {
        got.push(...dec.push(c));
      } catch (e) {
        reject(e);
      }
    });
    pipe.on("end", () => {
      try {
        dec.end();
        resolve();
      } catch (e) {
        reject(e);
      }
    });
  });
  for (let i = 0; i < bytes.length; i += size) pipe.write(bytes.subarray(i, i + size));
  pipe.end();
  await done;
  return got;
}

function normalize(frames: Frame[]): unknown {
  // cbor-x gives byte strings back as Buffers; compare contents.
  return JSON.parse(
    JSON.stringify(frames, (_k, v: unknown) =>
      v instanceof Uint8Array || (v && (v as { type?: string }).type === "Buffer")
        ? Array.from(v as Uint8Array)
        : v,
    ),
  );
}

test("frames round-trip through a stream in chunks of 1, 2, 7, 13 bytes and whole", async () => {
  const bytes = Buffer.concat(SAMPLES.map((f) => encodeFrame(f)));
  for (const size of [1, 2, 7, 13, bytes.length]) {
    const got = await throughStream(bytes, size);
    assert.deepEqual(normalize(got), normalize(SAMPLES), `chunks of ${size}`);
  }
});

test("the header is magic, version, kind, channel and length", () => {
  const b = encodeFrame({ kind: FrameKind.Exit, channel: 258, body: { code: 3 } });
  assert.equal(b.subarray(0, 2).toString("latin1"), "JT");
  assert.equal(b[2], 1);
  assert.equal(b[3], FrameKind.Exit);
  assert.equal(b.readUInt32BE(4), 258);
  assert.equal(b.readUInt32BE(8), b.length - HEADER_BYTES);
});

test("garbage is named at its first byte, with what it was", () => {
  expectProblem(
    () => new FrameDecoder().push(Buffer.from("Welcome to Ubuntu\n")),
    "garbage",
    /offset 0.*"Welcome/,
  );
  // A good frame then garbage: the good one is lost with the stream, the offset is right.
  const good = encodeFrame(SAMPLES[1]);
  expectProblem(
    () => new FrameDecoder().push(Buffer.concat([good, Buffer.from("xx")])),
    "garbage",
    new RegExp(`offset ${good.length}`),
  );
  // One byte at a time still fails on the first bad byte.
  const dec = new FrameDecoder();
  dec.push(Buffer.from([0x4a]));
  expectProblem(() => dec.push(Buffer.from([0x00])), "garbage");
  // And stays failed.
  expectProblem(() => dec.push(encodeFrame(SAMPLES[0])), "garbage");
});

test("a version this side does not speak and an unknown kind are refused", () => {
  const b = encodeFrame(SAMPLES[0]);
  const v = Buffer.from(b);
  v[2] = 9;
  expectProblem(() => new FrameDecoder().push(v), "version", /version 9/);
  const k = Buffer.from(b);
  k[3] = 200;
  expectProblem(() => new FrameDecoder().push(k), "kind", /kind 200/);
  expectProblem(() => encodeFrame({ kind: 99 as FrameKind, channel: 0, body: 1 }), "kind");
});

test("an oversize frame is refused from its header, before its body arrives", () => {
  const dec = new FrameDecoder(1024);
  const head = Buffer.alloc(HEADER_BYTES);
  head.write("JT", 0, "latin1");
  head[2] = 1;
  head[3] = FrameKind.Data;
  head.writeUInt32BE(2048, 8);
  expectProblem(() => dec.push(head), "oversize", /2048 bytes.*limit of 1024/);
  expectProblem(
    () => encodeFrame({ kind: FrameKind.Data, channel: 0, body: "x".repeat(2000) }, 1024),
    "oversize",
  );
  assert.ok(DEFAULT_MAX_FRAME >= 64 * 1024 * 1024);
});

test("a stream that ends inside a frame is truncated; between frames it is fine", () => {
  const b = encodeFrame(SAMPLES[2]);
  for (const cut of [1, 5, HEADER_BYTES, b.length - 1]) {
    const dec = new FrameDecoder();
    assert.deepEqual(dec.push(b.subarray(0, cut)), []);
    assert.equal(dec.partial, true);
    expectProblem(() => dec.end(), "truncated");
  }
  const dec = new FrameDecoder();
  assert.equal(dec.push(b).length, 1);
  dec.end();
});

test("a body that is not CBOR, or empty, is refused", () => {
  const head = Buffer.alloc(HEADER_BYTES);
  head.write("JT", 0, "latin1");
  head[2] = 1;
  head[3] = FrameKind.Data;
  head.writeUInt32BE(1, 8);
  // 0xff alone is a CBOR "break" outside an indefinite item.
  expectProblem(
    () => new FrameDecoder().push(Buffer.concat([head, Buffer.from([0xff])])),
    "body",
    /not CBOR/,
  );
  head.writeUInt32BE(0, 8);
  expectProblem(() => new FrameDecoder().push(head), "body", /no body/);
});

test("channel ids must be u32", () => {
  expectProblem(() => encodeFrame({ kind: FrameKind.Data, channel: -1, body: 1 }), "channel");
  expectProblem(() => encodeFrame({ kind: FrameKind.Data, channel: 2 ** 32, body: 1 }), "channel");
});

test("random bytes never crash the decoder: each push returns frames or throws a FrameError", () => {
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) & 0xff;
  const valid = encodeFrame(SAMPLES[4]);
  for (let i = 0; i < 500; i++) {
    const b = Buffer.from(valid);
    // Flip a few bytes, mostly in the body so decoding gets past the header.
    for (let k = 0; k < 3; k++) b[rand() % b.length] = rand();
    const dec = new FrameDecoder(4096);
    try {
      dec.push(b);
      dec.end();
    } catch (e) {
      assert.ok(e instanceof FrameError, `not a FrameError: ${String(e)}`);
    }
  }
});
