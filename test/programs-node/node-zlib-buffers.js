// zlib: whole-buffer APIs, sync, callback and promisified, with options and errors.
const zlib = require("zlib");
const { promisify } = require("util");
const text = "to be or not to be, that is the question; ".repeat(20);
const pairs = [
  ["deflate", "inflate"],
  ["gzip", "gunzip"],
  ["deflateRaw", "inflateRaw"],
  ["gzip", "unzip"],
  ["brotliCompress", "brotliDecompress"],
];
for (const [c, d] of pairs) {
  const packed = zlib[c + "Sync"](text);
  console.log(
    c,
    packed.length,
    packed.toString("base64").slice(0, 24),
    zlib[d + "Sync"](packed).toString() === text,
  );
}
console.log(
  zlib.deflateSync(text, { level: 1 }).length,
  zlib.gzipSync(text, { level: 9, memLevel: 9 }).length,
);
const q = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 2 } };
console.log(zlib.brotliCompressSync(text, q).length, zlib.crc32("hello"), zlib.crc32("world", 7));
console.log(zlib.Z_SYNC_FLUSH, zlib.codes.Z_DATA_ERROR, Object.keys(zlib).length);
for (const f of [
  () => zlib.gunzipSync(Buffer.from("not gzip at all")),
  () => zlib.inflateSync(zlib.deflateSync(text).subarray(0, 10)),
  () => zlib.gzipSync(42),
  () => zlib.deflateSync(text, { level: 12 }),
  () => zlib.inflateSync(zlib.deflateSync(text), { maxOutputLength: 64 }),
])
  try {
    f();
  } catch (e) {
    console.log(e.name, e.code, e.errno, e.message);
  }
zlib.gzip(text, (err, packed) => {
  console.log("callback", err, packed.length);
  zlib.inflate(Buffer.from("bad"), (err) => {
    console.log("callback error", err.code, err.message);
    promisify(zlib.deflateRaw)(text)
      .then((raw) => promisify(zlib.inflateRaw)(raw))
      .then((back) => console.log("promisified", back.toString() === text));
  });
});
