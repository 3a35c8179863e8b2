// readline: a temporary file read line by line (for await, and 'line' events with
// \r\n, \r and a last line without an end), then removed.
const fs = require("fs");
const os = require("os");
const readline = require("readline");
const { Readable } = require("stream");
const dir = fs.mkdtempSync(os.tmpdir() + "/jaunt-rl-");
const file = dir + "/lines.txt";
fs.writeFileSync(file, "alpha\nbeta\r\n\ngamma\rdelta");
(async () => {
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) console.log(++n, JSON.stringify(line));
  const rl2 = readline.createInterface({ input: Readable.from(["x\r", "\ny", "z\n", "é"]) });
  rl2.on("line", (l) => console.log("line", JSON.stringify(l)));
  rl2.on("close", () => {
    console.log("closed", rl2.closed);
    fs.rmSync(dir, { recursive: true });
    console.log("removed", fs.existsSync(dir));
  });
})();
