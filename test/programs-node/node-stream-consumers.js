// stream/consumers: text, json, buffer and arrayBuffer of streams and async iterables.
const { Readable } = require("stream");
const consumers = require("stream/consumers");
(async () => {
  const euro = Buffer.from("€");
  const parts = [Buffer.from("a"), euro.subarray(0, 1), euro.subarray(1), "b"];
  console.log(await consumers.text(Readable.from(parts)));
  console.log(await consumers.json(Readable.from(['{"x":', "[1,2]}"])));
  const b = await consumers.buffer(Readable.from([Buffer.from([1, 2]), Buffer.from([3])]));
  console.log(b, Buffer.isBuffer(b));
  const ab = await consumers.arrayBuffer(
    (async function* () {
      yield new Uint8Array([9, 8]);
    })(),
  );
  console.log(ab.byteLength, new Uint8Array(ab)[0]);
})();
