// fs/promises and FileHandle: open, read in parts, write, stat, close.
const fsp = require("fs/promises");
const os = require("os");
(async () => {
  const dir = await fsp.mkdtemp(os.tmpdir() + "/jaunt-fs-p-");
  try {
    await fsp.writeFile(dir + "/a.txt", "abcdefghij");
    const h = await fsp.open(dir + "/a.txt", "r");
    const b = Buffer.alloc(4);
    let r = await h.read(b, 0, 4, null);
    console.log(r.bytesRead, b.toString());
    r = await h.read(b, 0, 4, null);
    console.log(r.bytesRead, b.toString(), (await h.stat()).size);
    await h.close();
    const w = await fsp.open(dir + "/b.txt", "w");
    await w.write("xyz");
    await w.write(Buffer.from("!"));
    await w.close();
    console.log(await fsp.readFile(dir + "/b.txt", "utf8"), (await fsp.readdir(dir)).sort());
    await fsp.access(dir + "/b.txt");
    await fsp.readFile(dir + "/none").catch((e) => console.log(e.code, e.syscall));
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
  console.log("done", require("fs").promises === fsp);
})();
