// fs calls Node has and Jaunt lacked: symlink/readlink/link, utimes/futimes/lutimes (with
// Date, numeric-string and seconds times), fchmod, fsync/fdatasync and FileHandle's
// sync/datasync/utimes/chmod; fs.WriteStream/ReadStream callable without `new`.
const fs = require("fs");
const os = require("os");
const path = require("path");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-links-"));
const file = path.join(dir, "f.txt");
fs.writeFileSync(file, "data");
fs.symlinkSync("f.txt", path.join(dir, "s"));
fs.linkSync(file, path.join(dir, "h"));
console.log(fs.readlinkSync(path.join(dir, "s")), fs.statSync(file).nlink);
fs.utimesSync(file, new Date(1e12), "1000000");
console.log(fs.statSync(file).atimeMs, fs.statSync(file).mtimeMs);
const fd = fs.openSync(file, "r+");
fs.futimesSync(fd, 2e9, 2e9);
fs.fchmodSync(fd, 0o600);
fs.fsyncSync(fd);
fs.fdatasyncSync(fd);
fs.closeSync(fd);
console.log(fs.statSync(file).mtimeMs, (fs.statSync(file).mode & 0o777).toString(8));
try {
  fs.utimesSync(file, {}, 1);
} catch (e) {
  console.log(e.code, e.message);
}
const ws = fs.WriteStream(path.join(dir, "w.txt"));
console.log(ws instanceof fs.WriteStream, ws.constructor === fs.WriteStream);
ws.end("written", async () => {
  const h = await fs.promises.open(file, "r+");
  await h.utimes(3e9, 3e9);
  await h.chmod(0o644);
  await h.sync();
  await h.datasync();
  await h.close();
  const link = await fs.promises.readlink(path.join(dir, "s"));
  console.log(link, fs.statSync(file).mtimeMs, fs.readFileSync(path.join(dir, "w.txt"), "utf8"));
  fs.readlink(path.join(dir, "s"), "buffer", (err, b) => {
    console.log(err, b);
    fs.rmSync(dir, { recursive: true });
  });
});
