// fs.watch (events of a directory, close, errors) and fs.watchFile/unwatchFile (polling: a missing file, its creation, a change). (the instruction count varies with how host I/O arrives)
const fs = require("fs");
const os = require("os");
const path = require("path");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-watch-"));
const file = path.join(dir, "a.txt");

try {
  fs.watch(path.join(dir, "missing"));
} catch (e) {
  console.log(e.code, e.syscall, e.message === `ENOENT: no such file or directory, watch '${path.join(dir, "missing")}'`);
}

// Never closed: neither keeps the program alive.
fs.watch(dir, { persistent: false });
fs.watch(dir).unref();

const w = fs.watch(dir, (type, name) => {
  // Only the first event: how many a write makes depends on the platform.
  console.log("watch:", type, name);
  w.close();
});
w.on("close", () => {
  console.log("watcher closed");
  polling();
});
setTimeout(() => fs.writeFileSync(file, "one"), 50);

function polling() {
  const other = path.join(dir, "b.txt");
  let n = 0;
  const sw = fs.watchFile(other, { interval: 20 }, (curr, prev) => {
    n++;
    console.log("watchFile:", n, curr.size, prev.size, curr.isFile(), prev.mtimeMs === 0);
    // Created whole by a rename: a poll between writeFileSync's open and write saw it empty.
    if (n === 1)
      setTimeout(() => {
        fs.writeFileSync(other + ".tmp", "hello");
        fs.renameSync(other + ".tmp", other);
      }, 30);
    if (n === 2) setTimeout(() => fs.appendFileSync(other, " world"), 30);
    if (n === 3) {
      fs.unwatchFile(other);
      fs.rmSync(dir, { recursive: true });
    }
  });
  sw.on("stop", () => console.log("stat watcher stopped"));
  const idle = fs.watchFile(file, { persistent: false }, () => console.log("never"));
  console.log(idle === fs.watchFile(file, { persistent: false }, () => {}));
  fs.unwatchFile(file);
}
