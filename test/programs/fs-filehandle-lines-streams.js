// FileHandle's readLines, createReadStream/createWriteStream (closing the handle with them), readv and writev.
const fs = require("fs/promises"); const os = require("os"); const path = require("path");
(async () => {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), "ux-"));
  const f = path.join(d, "f.txt");
  await fs.writeFile(f, "hello\nworld\r\nlast");
  const h = await fs.open(f);
  for await (const line of h.readLines()) console.log("line", JSON.stringify(line));
  await h.close();
  const w = await fs.open(path.join(d, "g.txt"), "w");
  console.log(await w.writev([Buffer.from("ab"), Buffer.from("cd")]));
  const ws = w.createWriteStream();
  ws.end("ef");
  await new Promise((r) => ws.on("close", r));
  await w.close();
  const r = await fs.open(path.join(d, "g.txt"));
  const { bytesRead, buffers } = await r.readv([Buffer.alloc(3), Buffer.alloc(5)], 0);
  console.log(bytesRead, buffers.map(String));
  const rs = r.createReadStream({ start: 2, encoding: "utf8", autoClose: false });
  for await (const c of rs) console.log("chunk", c);
  await r.close();
  await fs.rm(d, { recursive: true });
})();
