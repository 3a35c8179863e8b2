// fs.read/readSync argument forms as Node's: read(fd, cb) and read(fd, options, cb) bring
// their own buffer (16 KiB unless options.buffer), readSync(fd, buf, options) takes null,
// {} or a partial object, and a non-object third-and-last argument is ERR_INVALID_ARG_TYPE.
const fs = require("fs");
const os = require("os");
const path = require("path");

const file = path.join(os.tmpdir(), `jaunt-read-options-${process.pid}`);
fs.writeFileSync(file, "xyz\n");
const fd = fs.openSync(file, "r");
for (const options of [null, {}, { position: 1 }, { length: 2, position: 0n }, undefined]) {
  const buf = Buffer.alloc(4, 0x2e);
  console.log(fs.readSync(fd, buf, options), buf.toString(), fs.readSync(fd, buf, 0, 4, 0));
}
for (const bad of [false, 5, "str", [], () => {}]) {
  try {
    fs.readSync(fd, Buffer.alloc(4), bad);
  } catch (e) {
    console.log(typeof bad, e.code);
  }
}
fs.read(fd, (err, n, buf) => {
  console.log(err, n, buf.length, buf.toString("utf8", 0, n));
  fs.read(fd, { buffer: Buffer.alloc(8), position: 2 }, (err2, n2, buf2) => {
    console.log(err2, n2, buf2.length, JSON.stringify(buf2.toString("utf8", 0, n2)));
    fs.closeSync(fd);
    fs.unlinkSync(file);
  });
});
