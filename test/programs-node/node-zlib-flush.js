// zlib streams give their output as it is made: a flush mid-stream emits what was
// written so far, an inflater emits each piece as it arrives, params() changes the level
// mid-stream, reset() starts over, _processChunk without a callback returns one step's
// output, and a corrupt piece is an 'error' event with zlib's code.
const zlib = require("zlib");

function collect(stream) {
  const parts = [];
  stream.on("data", (d) => parts.push(d));
  return new Promise((resolve, reject) => {
    stream.on("end", () => resolve(Buffer.concat(parts)));
    stream.on("error", reject);
  });
}

const flushed = (s, kind) => new Promise((r) => (kind === undefined ? s.flush(r) : s.flush(kind, r)));

async function flushes(kind, flushKind) {
  const d = zlib[`create${kind}`]();
  const seen = [];
  d.on("data", (c) => seen.push(c.length));
  const all = collect(d);
  d.write("first part of the text, ".repeat(20));
  await flushed(d, flushKind);
  const afterFirst = seen.length;
  d.write("second part ".repeat(30));
  await flushed(d, flushKind);
  d.end("the end");
  const out = await all;
  console.log(kind, "output after first flush:", afterFirst > 0, "bytes:", out.toString("base64"));
  return out;
}

async function inflatesAsItArrives() {
  const text = "line of text number ";
  const packed = zlib.deflateSync(Buffer.from(Array.from({ length: 50 }, (_, i) => text + i).join("\n")));
  const inf = zlib.createInflate();
  const pieces = [];
  inf.on("data", (c) => pieces.push(c.toString()));
  const done = collect(inf);
  for (let i = 0; i < packed.length; i += 40) {
    inf.write(packed.subarray(i, i + 40));
    await new Promise((r) => setImmediate(r));
  }
  inf.end();
  const out = await done;
  console.log("inflate pieces:", pieces.length > 1, "text ok:", out.toString().split("\n").length);
}

async function params() {
  const d = zlib.createDeflate({ level: 1 });
  const all = collect(d);
  d.write("aaaaabbbbbcccccdddddeeeee".repeat(40));
  await new Promise((r) => d.params(9, zlib.constants.Z_DEFAULT_STRATEGY, r));
  d.end("fffffggggghhhhh".repeat(40));
  const out = await all;
  console.log("params:", out.toString("base64"), zlib.inflateSync(out).length);
}

function processChunkSync() {
  // (Node closes the stream after one such call.)
  const d = zlib.createDeflateRaw();
  const a = d._processChunk(Buffer.from("hello hello hello world"), zlib.constants.Z_FINISH);
  console.log("_processChunk:", a.toString("hex"), zlib.inflateRawSync(a).toString());
}

async function corrupt() {
  const inf = zlib.createGunzip();
  const done = collect(inf);
  inf.write(zlib.gzipSync("ok").subarray(0, 10));
  inf.end(Buffer.from("this is not deflate data at all"));
  try {
    await done;
    console.log("no error");
  } catch (e) {
    console.log("error:", e.code, e.errno, e.message);
  }
}

async function reset() {
  const d = zlib.createGzip();
  const all = collect(d);
  // (reset() once the write is done: before it, what reset drops depends on timing.)
  await new Promise((r) => d.write("dropped ".repeat(10), r));
  d.reset();
  d.end("kept");
  const out = await all;
  console.log("reset:", out.toString("base64"));
}

(async () => {
  await flushes("Deflate");
  await flushes("Gzip", zlib.constants.Z_SYNC_FLUSH);
  await flushes("DeflateRaw", zlib.constants.Z_PARTIAL_FLUSH);
  await flushes("BrotliCompress");
  await inflatesAsItArrives();
  await params();
  processChunkSync();
  await corrupt();
  await reset();
})();
