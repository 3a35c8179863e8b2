// fs.opendir and Dir (sync, callback, promise, async iteration, closed handles), fs.constants and the constants module.
const fs = require("fs");
const path = require("path");
const os = require("os");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-opendir-"));
for (const n of ["b.txt", "a.txt", "c"]) {
  if (n === "c") fs.mkdirSync(path.join(dir, n));
  else fs.writeFileSync(path.join(dir, n), n);
}
const names = (list) => list.map((d) => `${d.name}:${d.isDirectory() ? "dir" : "file"}:${d.path === dir}`).sort().join(" ");
const d = fs.opendirSync(dir);
console.log(d.path === dir, d instanceof fs.Dir);
const seen = [];
for (let e = d.readSync(); e !== null; e = d.readSync()) seen.push(e);
console.log("sync", names(seen), d.readSync());
d.closeSync();
try { d.readSync(); } catch (e) { console.log(e.code, e.message); }
try { d.closeSync(); } catch (e) { console.log(e.code); }
try { fs.opendirSync(path.join(dir, "nope")); } catch (e) { console.log(e.code, e.syscall); }
try { fs.opendirSync(dir, { bufferSize: 0 }); } catch (e) { console.log(e.code, e.message); }
fs.opendir(dir, (err, d2) => {
  const got = [];
  const next = () =>
    d2.read((err, e) => {
      if (e === null) {
        console.log("callback", names(got));
        d2.close((err) => {
          console.log("closed", err);
          rest().then(() => fs.rmSync(dir, { recursive: true }));
        });
      } else {
        got.push(e);
        next();
      }
    });
  next();
});
async function rest() {
  const got = [];
  for await (const e of await fs.promises.opendir(dir)) got.push(e);
  console.log("for await", names(got));
  const d3 = await fs.promises.opendir(dir);
  console.log("promise read", (await d3.read()) !== null);
  await d3.close();
  try { d3.read(); } catch (e) { console.log("after close", e.code); }
  await d3.close().catch((e) => console.log("close twice", e.code));
  await fs.promises.opendir(path.join(dir, "nope")).catch((e) => console.log(e.code, e.message === `ENOENT: no such file or directory, opendir '${path.join(dir, "nope")}'`));
  const c = require("constants");
  console.log(c.O_CREAT === fs.constants.O_CREAT, c.SIGTERM, c.ENOENT, typeof c.RSA_PKCS1_PADDING, Object.keys(c).length === Object.keys(require("node:constants")).length);
  console.log(Object.keys(fs.constants).join(","));
}
