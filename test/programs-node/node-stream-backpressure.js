// stream: pipeline with backpressure through a Transform (small highWaterMarks).
const { Readable, Writable, Transform, pipeline } = require("stream");
let n = 0;
const log = [];
const src = new Readable({
  highWaterMark: 2,
  read() {
    n++;
    log.push("read " + n);
    this.push(n <= 5 ? "c" + n : null);
  },
});
const upper = new Transform({
  highWaterMark: 1,
  transform(chunk, enc, cb) {
    log.push("transform " + chunk);
    cb(null, String(chunk).toUpperCase());
  },
});
const sink = new Writable({
  highWaterMark: 1,
  write(chunk, enc, cb) {
    log.push("write " + chunk);
    setImmediate(cb);
  },
});
pipeline(src, upper, sink, (err) => {
  console.log("done", err);
  console.log(log.join("\n"));
});
