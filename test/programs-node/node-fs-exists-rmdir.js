// fs.exists: a missing callback throws, an invalid path answers false at once;
// fs.rmdir(path, { recursive: true }) removes a tree (warning DEP0147), and on a file
// fails with rmdir's ENOTDIR.
const fs = require("fs");
const os = require("os");
const path = require("path");

process.noDeprecation = true; // the warning's printout names the pid
try {
  fs.exists(__filename);
} catch (e) {
  console.log(e.code);
}
let answered = null;
fs.exists({}, (y) => (answered = y));
console.log("invalid path:", answered);
fs.exists(__filename, (y) => console.log("exists:", y));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-rmdir-"));
fs.mkdirSync(path.join(dir, "a", "b"), { recursive: true });
fs.writeFileSync(path.join(dir, "a", "b", "f"), "x");
fs.writeFileSync(path.join(dir, "file"), "x");
try {
  fs.rmdirSync(path.join(dir, "file"), { recursive: true });
} catch (e) {
  console.log(e.code, e.syscall);
}
fs.rmdir(path.join(dir, "a"), { recursive: true }, (err) => {
  console.log(err, fs.readdirSync(dir));
  fs.rmSync(dir, { recursive: true });
});
