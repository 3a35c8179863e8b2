// stream: errors through pipeline, destroy, stream/promises pipeline and finished.
const { Readable, Writable, Transform, pipeline } = require("stream");
const sp = require("stream/promises");
console.log(sp.pipeline === require("stream").promises.pipeline, typeof sp.finished);
const failing = () =>
  new Transform({
    transform(chunk, enc, cb) {
      cb(chunk == "b" ? new Error("bad chunk " + chunk) : null, chunk);
    },
  });
const sink = () =>
  new Writable({
    write(c, e, cb) {
      cb();
    },
  });
const src = Readable.from(["a", "b", "c"]);
pipeline(src, failing(), sink(), (err) => {
  console.log("callback:", err.message, src.destroyed);
});
(async () => {
  try {
    await sp.pipeline(Readable.from(["a", "b"]), failing(), sink());
  } catch (e) {
    console.log("promise:", e.message);
  }
  const out = [];
  await sp.pipeline(
    Readable.from(["x", "y"]),
    async function* (source) {
      for await (const c of source) yield c + c;
    },
    new Writable({
      objectMode: true,
      write(c, e, cb) {
        out.push(c);
        cb();
      },
    }),
  );
  console.log(out);
  const r = new Readable({ read() {} });
  setTimeout(() => r.destroy(new Error("boom")), 1);
  await sp.finished(r).catch((e) => console.log("finished:", e.message));
  const w = sink();
  w.destroy();
  w.write("late", (err) => console.log(err.code, err.message));
  w.on("error", (e) => console.log("error event", e.code));
})();
