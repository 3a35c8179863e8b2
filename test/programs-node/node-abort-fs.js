// fs/promises.readFile with an AbortSignal: aborted before, aborted during, not aborted.
const fsp = require("fs/promises");
const path = require("path");
const file = path.join(require("os").tmpdir(), `jaunt-abort-${process.pid}.txt`);
(async () => {
  await fsp.writeFile(file, "data");
  await fsp.readFile(file, { signal: AbortSignal.abort("early") }).catch((e) => console.log(e.name, e.code, e.cause));
  const ac = new AbortController();
  const p = fsp.readFile(file, { encoding: "utf8", signal: ac.signal });
  ac.abort();
  await p.catch((e) => console.log("during", e.name));
  console.log(await fsp.readFile(file, { encoding: "utf8", signal: new AbortController().signal }));
  await fsp.readFile(file, { signal: 1 }).catch((e) => console.log(e.code));
  await fsp.rm(file);
})();
