// zlib: compression streams written in pieces equal the one-shot result; errors as events.
const zlib = require("zlib");
const text = "streams of text, streams of bytes; ".repeat(40);
const gzip = zlib.createGzip({ level: 6 });
const parts = [];
gzip.on("data", (d) => parts.push(d));
gzip.on("end", () => {
  const packed = Buffer.concat(parts);
  console.log("gzip", packed.equals(zlib.gzipSync(text, { level: 6 })), gzip.bytesWritten);
  const gunzip = zlib.createGunzip();
  let out = "";
  gunzip.setEncoding("utf8");
  gunzip.on("data", (s) => (out += s));
  gunzip.on("end", () => {
    console.log("gunzip", out === text);
    const br = zlib.createBrotliCompress();
    const got = [];
    br.on("data", (d) => got.push(d));
    br.on("end", () => {
      console.log("brotli", zlib.brotliDecompressSync(Buffer.concat(got)).toString() === text);
      const bad = zlib.createInflate();
      bad.on("error", (e) => console.log("error event", e.code, e.errno, e.message));
      bad.end(Buffer.from("definitely not zlib"));
    });
    br.end(text);
  });
  gunzip.write(packed.subarray(0, 7));
  gunzip.end(packed.subarray(7));
});
for (let i = 0; i < text.length; i += 300) gzip.write(text.slice(i, i + 300));
gzip.end();
console.log(gzip instanceof zlib.Gzip, typeof gzip.pipe);
