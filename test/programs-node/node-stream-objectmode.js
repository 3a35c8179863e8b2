// stream: object mode, Readable.from, async iteration, writev, PassThrough with an encoding, operators.
const { Readable, Writable, PassThrough, finished, Duplex, Stream } = require("stream");
const stream = require("stream");
console.log(stream === Stream, typeof stream.Stream, new Readable() instanceof Stream);
console.log(new PassThrough() instanceof Duplex, new PassThrough() instanceof Readable);
console.log(Readable.prototype instanceof require("events"));
(async () => {
  const items = [];
  for await (const x of Readable.from([{ a: 1 }, { a: 2 }, 3])) items.push(x);
  console.log(items);
  const r = Readable.from(
    (async function* () {
      yield "x";
      yield "y";
    })(),
  );
  console.log(r.readableObjectMode, r.readableHighWaterMark);
  const got = [];
  const w = new Writable({
    objectMode: true,
    writev(chunks, cb) {
      got.push(chunks.map((c) => c.chunk));
      cb();
    },
  });
  w.write(1);
  w.write(2);
  w.write(3);
  w.end(4);
  finished(w, (err) => console.log("finished", err, got, w.writableFinished));
  const p = new PassThrough();
  p.setEncoding("utf8");
  p.on("data", (d) => console.log("data", JSON.stringify(d)));
  p.on("end", () => console.log("end"));
  p.write(Buffer.from("héllo"));
  p.end("!");
  const d = Duplex.from({
    readable: Readable.from(["q"]),
    writable: new Writable({
      write(c, e, cb) {
        cb();
      },
    }),
  });
  console.log(typeof d.write, typeof d.read);
  console.log(
    await Readable.from([1, 2, 3, 4])
      .filter((x) => x % 2)
      .map((x) => x * 10)
      .toArray(),
  );
})();
