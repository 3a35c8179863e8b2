// process.stdout/stderr: write() returns true with its callback on a later tick; the
// same object becomes a Writable once node:stream loads (pipe into it, no end()).
const r = process.stdout.write("a\n", (e) => console.log("cb", e));
console.log(r, process.stdout.isTTY, process.stdout.columns, process.stdout.fd);
process.stderr.write(Buffer.from("err\n"));
try {
  process.stdout.write(123);
} catch (e) {
  console.log(e.code, e.message);
}
process.stdout.write("6869", "hex");
process.stdout.write(new Uint8Array([33, 10]));
const { Writable, Readable } = require("stream");
console.log(process.stdout instanceof Writable, process.stdout.writable);
process.stdout.write("b\n", () => console.log("cb2"));
Readable.from(["x\n", "y\n"])
  .pipe(process.stdout)
  .on("finish", () => console.log("finish?"));
setTimeout(() => console.log(process.stdout.writableEnded), 5);
