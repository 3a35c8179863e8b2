// fs streams: createWriteStream with backpressure and 'open'/'ready'/'finish'/'close', (the instruction count varies with how host I/O arrives)
// createReadStream with start/end/highWaterMark/encoding, pipe between files, errors.
const fs = require("fs");
const os = require("os");
const dir = fs.mkdtempSync(os.tmpdir() + "/jaunt-fss-");
const a = dir + "/a.txt";
const b = dir + "/b.txt";
const events = [];
const w = fs.createWriteStream(a, { highWaterMark: 8 });
console.log("pending", w.pending, w.path === a);
w.on("open", (fd) => events.push("open " + typeof fd));
w.on("ready", () => events.push("ready"));
w.on("finish", () => events.push("finish"));
w.on("close", () => {
  events.push("close " + w.bytesWritten);
  console.log(events.join(", "));
  readBack();
});
console.log(w.write("0123456789"), w.writableNeedDrain);
w.write("abcdef");
w.end("XYZ");
function readBack() {
  const chunks = [];
  const r = fs.createReadStream(a, { start: 2, end: 12, highWaterMark: 4, encoding: "utf8" });
  r.on("data", (c) => chunks.push(c));
  r.on("end", () => {
    console.log(chunks, r.bytesRead);
    const copy = fs.createReadStream(a).pipe(fs.createWriteStream(b));
    copy.on("finish", () => {
      console.log("copied", fs.readFileSync(b, "utf8"));
      fs.createReadStream(dir + "/missing").on("error", (e) => {
        console.log(e.code, e.syscall);
        fs.rmSync(dir, { recursive: true });
        console.log("removed", fs.existsSync(dir));
      });
    });
  });
}
