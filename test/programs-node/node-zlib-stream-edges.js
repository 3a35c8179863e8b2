// zlib streams at their edges: frozen constants and codes, params() checks its
// arguments, a write of a non-buffer in object mode throws, _handle is null after
// destroy, close(cb) on a closed stream still calls back, _processChunk synchronous.
const zlib = require("zlib");

zlib.constants.Z_OK = 1;
zlib.codes = {};
console.log(zlib.constants.Z_OK, zlib.codes.Z_OK, Object.isFrozen(zlib.codes));
for (const args of [["x"], [-2], [Infinity], [0, "s"], [0, 9], [NaN, undefined]]) {
  try {
    new zlib.Deflate().params(...args, () => {});
    console.log("params ok", args);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
const g = new zlib.Gunzip({ objectMode: true });
try {
  g.write({});
} catch (e) {
  console.log(e.code, e.message);
}
const z = zlib.createGzip();
z.destroy();
console.log(z._handle);
z.on("close", () => z.close(() => console.log("closed again")));
const zipped = new zlib.Deflate()._processChunk(Buffer.from("hello hello hello"), zlib.constants.Z_FINISH);
console.log(zipped.toString("base64"), String(new zlib.Inflate()._processChunk(zipped, zlib.constants.Z_FINISH)));
const b = new zlib.BrotliCompress();
console.log(String(zlib.brotliDecompressSync(b._processChunk(Buffer.from("cd"), zlib.constants.BROTLI_OPERATION_FINISH))));
