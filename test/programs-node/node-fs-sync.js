// fs, synchronous API: files, directories, stats, descriptors and Node's errors.
const fs = require("fs");
const os = require("os");
const dir = fs.mkdtempSync(os.tmpdir() + "/jaunt-fs-sync-");
const at = (p) => dir + "/" + p;
const hide = (s) => s.split(dir).join("<dir>");
try {
  fs.writeFileSync(at("a.txt"), "hello\n");
  fs.appendFileSync(at("a.txt"), Buffer.from("world\n"));
  console.log(JSON.stringify(fs.readFileSync(at("a.txt"), "utf8")), fs.readFileSync(at("a.txt")).length);
  const st = fs.statSync(at("a.txt"));
  console.log(st.isFile(), st.isDirectory(), st.size, st.mtime instanceof Date);
  fs.mkdirSync(at("d/e"), { recursive: true });
  fs.copyFileSync(at("a.txt"), at("d/b.txt"));
  fs.renameSync(at("d/b.txt"), at("d/c.txt"));
  console.log(fs.readdirSync(at("d")).sort());
  console.log(fs.readdirSync(at("d"), { withFileTypes: true }).map((e) => e.name + ":" + e.isDirectory()).sort());
  fs.chmodSync(at("a.txt"), 0o600);
  console.log((fs.statSync(at("a.txt")).mode & 0o777).toString(8), fs.existsSync(at("nope")));
  const fd = fs.openSync(at("a.txt"), "r+");
  const buf = Buffer.alloc(3);
  console.log(fs.readSync(fd, buf, 0, 3, null), buf.toString(), fs.readSync(fd, buf, 0, 3, null), buf.toString());
  fs.writeSync(fd, "XY", 0);
  console.log(fs.fstatSync(fd).size);
  fs.closeSync(fd);
  console.log(fs.readFileSync(at("a.txt"), "latin1").slice(0, 5));
  for (const f of [() => fs.readFileSync(at("nope")), () => fs.rmdirSync(at("d")), () => fs.closeSync(fd)]) {
    try {
      f();
    } catch (e) {
      console.log(hide(e.message), e.code, e.errno, e.syscall, e.path === undefined ? "-" : hide(e.path));
    }
  }
  fs.unlinkSync(at("d/c.txt"));
  console.log(hide(fs.realpathSync(at("d"))));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(fs.existsSync(dir));
