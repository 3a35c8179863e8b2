// fs, callback API: each step runs in the previous one's callback (host operations
// pending while the guest waits).
const fs = require("fs");
const os = require("os");
const dir = fs.mkdtempSync(os.tmpdir() + "/jaunt-fs-cb-");
const file = dir + "/notes.txt";
fs.writeFile(file, "one\ntwo\n", (err) => {
  console.log("written", err);
  fs.appendFile(file, "three\n", () => {
    fs.readFile(file, "utf8", (err, text) => {
      console.log(err, text.split("\n").length);
      fs.stat(file, (err, st) => {
        console.log(st.size, st.isFile());
        fs.readdir(dir, (err, names) => {
          console.log(names);
          fs.readFile(dir + "/missing", (err) => {
            console.log(err.code, err.syscall, err.message.includes("no such file"));
            fs.rm(dir, { recursive: true }, () => console.log("removed", fs.existsSync(dir)));
          });
        });
      });
    });
  });
});
console.log("first");
