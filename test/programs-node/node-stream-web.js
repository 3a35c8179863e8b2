// stream/web: the WHATWG streams as module and globals — pipes through transforms,
// text and compression streams, backpressure from a queuing strategy, readers.
const web = require("stream/web");
const { TextEncoderStream, TextDecoderStream, CompressionStream, DecompressionStream } = web;
console.log(web.ReadableStream === ReadableStream, typeof WritableStream, typeof TransformStream);
(async () => {
  const rs = new ReadableStream({
    start(c) {
      c.enqueue("hello ");
      c.enqueue("wörld 😀");
      c.close();
    },
  });
  const upper = new TransformStream({
    transform(ch, c) {
      c.enqueue(ch.toUpperCase());
    },
  });
  const bytes = rs.pipeThrough(upper).pipeThrough(new TextEncoderStream());
  const round = bytes
    .pipeThrough(new CompressionStream("gzip"))
    .pipeThrough(new DecompressionStream("gzip"))
    .pipeThrough(new TextDecoderStream());
  let out = "";
  for await (const s of round) out += s;
  console.log(JSON.stringify(out));
  const seen = [];
  const ws = new WritableStream(
    {
      write(ch) {
        seen.push(ch);
      },
    },
    new web.CountQueuingStrategy({ highWaterMark: 2 }),
  );
  const w = ws.getWriter();
  console.log("desiredSize", w.desiredSize);
  await w.write(1);
  await w.write(2);
  await w.close();
  console.log(seen, new TextDecoderStream("utf-16le").encoding);
  const r = new ReadableStream({
    pull(c) {
      c.enqueue(seen.shift());
      if (!seen.length) c.close();
    },
  }).getReader();
  console.log(await r.read(), await r.read(), await r.read());
  const [a, b] = new ReadableStream({
    start(c) {
      c.enqueue("tee");
      c.close();
    },
  }).tee();
  console.log((await a.getReader().read()).value, (await b.getReader().read()).value);
  try {
    new CompressionStream("zip");
  } catch (e) {
    console.log(e.name, e.code);
  }
  const locked = new ReadableStream();
  locked.getReader();
  try {
    locked.getReader();
  } catch (e) {
    console.log(e.name, locked.locked);
  }
})();
