// fs streams' `fd` option: a number or nothing (null counts as none); anything else
// is ERR_INVALID_ARG_TYPE at construction, as is a path that is no path.
const fs = require("fs");
for (const make of [fs.createReadStream, fs.createWriteStream]) {
  for (const [path, options] of [
    [null, { fd: "k" }],
    [46, undefined],
  ]) {
    try {
      make(path, options);
    } catch (e) {
      console.log(make.name, e.name, e.code);
    }
  }
}
const s = fs.createReadStream(__filename, { fd: null, end: 1 });
s.on("data", (d) => console.log(String(d)));
