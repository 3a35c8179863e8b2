// zlib over the host boundary: a compression stream keeps its steps as guest data, so
// a snapshot taken mid-stream resumes in a new VM (which replays them into a new host
// engine); its output equals Node's byte for byte; a pending zlib.gzip is re-issued on
// resume; bad data gets Node's zlib errors.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as zlib from "node:zlib";
import { Jaunt } from "../vm";
import { resumeElsewhere, runUntilReady } from "./harness";

const TEXT = "a stream of words, of words and more words; ".repeat(30);

test("a gzip stream snapshotted mid-stream resumes in a new VM with node's bytes", async () => {
  const { j } = runUntilReady(`const zlib = require("zlib");
const text = ${JSON.stringify(TEXT)};
const gz = zlib.createGzip({ level: 7 });
const parts = [];
gz.on("data", (d) => parts.push(d));
gz.on("end", () => console.log(Buffer.concat(parts).toString("base64")));
gz.write(text.slice(0, 500));
globalThis.ready = true;
gz.write(text.slice(500, 900));
gz.end(text.slice(900));
`);
  const out = await resumeElsewhere(j.snapshot());
  assert.equal(out, `${zlib.gzipSync(TEXT, { level: 7 }).toString("base64")}\n`);
});

test("a stream flushed mid-stream, then snapshotted, replays its steps in a new VM", async () => {
  const steps = `
const parts = [];
gz.on("data", (d) => parts.push(d));
gz.on("end", () => console.log(Buffer.concat(parts).toString("base64")));
gz.write(text.slice(0, 500));
gz.flush(() => {
  globalThis.ready = parts.length > 0;
  gz.write(text.slice(500, 900));
  gz.flush(zlib.constants.Z_SYNC_FLUSH, () => gz.end(text.slice(900)));
});
`;
  const j = Jaunt.create({});
  j.load(
    `const zlib = require("zlib");
const text = ${JSON.stringify(TEXT)};
const gz = zlib.createGzip({ level: 7 });${steps}`,
    "/main.js",
  );
  // Until the first flush has called back (its output is the guest's), host turns between.
  const ready = () => j.vm.realm.global.getOwnProperty("ready")?.value === true;
  for (let r = j.run(50); !ready(); r = j.run(50)) {
    assert.ok(r.status === "paused" || r.status === "waiting", r.status);
    if (r.status === "waiting") await j.waitForWork(r);
  }
  const out = await resumeElsewhere(j.snapshot());
  // Node's own stream, the same steps.
  const expected = await new Promise<string>((resolve) => {
    const gz = zlib.createGzip({ level: 7 });
    const log = (t: string) => resolve(t + "\n");
    new Function("zlib", "text", "gz", "globalThis", "console", steps)(
      zlib,
      TEXT,
      gz,
      {},
      {
        log,
      },
    );
  });
  assert.equal(out, expected);
});

test("streamed compression equals node's streamed output for every kind, pieces of any size", async () => {
  let out = "";
  const j = Jaunt.create({ stdout: (t) => (out += t) });
  j.load(
    `const zlib = require("zlib");
const text = ${JSON.stringify(TEXT)};
const kinds = ["Deflate", "DeflateRaw", "Gzip", "BrotliCompress"];
(async () => {
  for (const k of kinds) {
    const s = zlib["create" + k]();
    const parts = [];
    s.on("data", (d) => parts.push(d));
    const done = new Promise((r) => s.on("end", r));
    for (let i = 0; i < text.length; i += 97) s.write(text.slice(i, i + 97));
    s.end();
    await done;
    console.log(k, Buffer.concat(parts).toString("base64"));
  }
})();`,
    "/main.js",
  );
  await j.runAsync();
  // Node's own streams, fed the same pieces.
  const expected: string[] = [];
  for (const k of ["Deflate", "DeflateRaw", "Gzip", "BrotliCompress"] as const) {
    const s = zlib[`create${k}`]();
    const parts: Buffer[] = [];
    s.on("data", (d: Buffer) => parts.push(d));
    const done = new Promise((r) => s.on("end", r));
    for (let i = 0; i < TEXT.length; i += 97) s.write(TEXT.slice(i, i + 97));
    s.end();
    await done;
    expected.push(`${k} ${Buffer.concat(parts).toString("base64")}`);
  }
  assert.equal(out, expected.join("\n") + "\n");
});

test("a pending zlib.gzip is re-issued on resume; bad data gets node's errors", async () => {
  const { j, out } = runUntilReady(`const zlib = require("zlib");
zlib.gzip("hello", (err, b) => {
  console.log(err, zlib.gunzipSync(b).toString());
  zlib.gunzip(Buffer.from("junk"), (err) => console.log(err.code, err.errno, err.message));
});
for (const f of [() => zlib.inflateSync(Buffer.from([0x78, 0x9c, 1])), () => zlib.brotliDecompressSync(Buffer.from("hello world")),
  () => zlib.createDeflate({ level: "high" }), () => zlib.gzipSync({})]) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
}
globalThis.ready = true;
`);
  assert.equal(j.run().status, "waiting");
  assert.deepEqual(
    j.pending().map((p) => p.name),
    ["zlib.processAsync"],
  );
  assert.equal(
    out(),
    [
      "Error Z_BUF_ERROR unexpected end of file",
      "Error ERR__ERROR_FORMAT_CL_SPACE Decompression failed",
      `TypeError ERR_INVALID_ARG_TYPE The "options.level" property must be of type number. Received type string ('high')`,
      `TypeError ERR_INVALID_ARG_TYPE The "buffer" argument must be of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer. Received an instance of Object`,
      "",
    ].join("\n"),
  );
  assert.equal(
    await resumeElsewhere(j.snapshot()),
    "null hello\nZ_DATA_ERROR -3 incorrect header check\n",
  );
});
