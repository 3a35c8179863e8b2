// Blob and File as globals and from node:buffer: parts, types, endings, slices, reads,
// streams, inspection, errors, and object URLs.
const buffer = require("buffer");
const consumers = require("stream/consumers");

const view = new DataView(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2);
const inner = new Blob(["in", "ner"]);
const b = new Blob(
  ["héllo", new Uint8Array([65, 66]), new Uint16Array([0x4443]).buffer, view, inner, 42, { toString: () => "!" }],
  { type: "Text/Plain;Charset=UTF-8" },
);
console.log(b, b.size, b.type, Object.prototype.toString.call(b));
console.log(buffer.Blob === Blob, buffer.File === File, typeof buffer.resolveObjectURL);
console.log(Object.keys(Blob.prototype), Object.keys(File.prototype));
console.log(new Blob().size, new Blob([], {}).type, new Blob(["x"], { type: "tëxt" }).type);
console.log(new Blob(["a\r\nb\rc\n"], { endings: "native" }).size, new Blob(["a\r\nb"]).size);

const f = new File(["x", "yz"], "a.txt", { type: "TEXT/x", lastModified: 5 });
console.log(f, f.name, f.lastModified, f.size, f instanceof Blob, f instanceof File);
console.log(typeof new File([], "n").lastModified, new File([], 7, { lastModified: "x" }).lastModified);
console.log(Object.prototype.toString.call(f), f.slice(1) instanceof File, f.slice(1).type);
console.log(util_inspect({ list: [b, f] }));

function util_inspect(v) {
  return require("util").inspect(v, { depth: 0 });
}

const errors = [
  () => new Blob("abc"),
  () => new Blob(null),
  () => new Blob(5),
  () => new Blob([], 3),
  () => new Blob([], { endings: "crlf" }),
  () => new File([]),
  () => Blob.prototype.slice.call({}),
  () => Object.getOwnPropertyDescriptor(Blob.prototype, "size").get.call({}),
  () => Object.getOwnPropertyDescriptor(File.prototype, "name").get.call(b),
  () => URL.createObjectURL("x"),
];
for (const e of errors) {
  try {
    e();
    console.log("no error");
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}

(async () => {
  console.log(await b.text());
  console.log(await b.slice(1, 4).arrayBuffer());
  console.log(await b.slice(-3).text(), await b.slice(2, 1).text(), b.slice(0, 3, "A/B").type);
  console.log(await b.slice(undefined, -10).text(), await b.slice(1, -1).text());
  console.log(await b.bytes());
  const chunks = [];
  for await (const chunk of b.stream()) chunks.push(chunk);
  // (How the bytes are split in chunks is Node's own business: only their sum is shown.)
  console.log(chunks.every((c) => c instanceof Uint8Array), chunks.reduce((n, c) => n + c.length, 0));
  console.log(await consumers.text(new Blob(["from ", "consumers"]).stream()));
  const viaConsumers = await consumers.blob(new Blob(["abc"]).stream());
  console.log(viaConsumers, await viaConsumers.text());
  await Blob.prototype.text.call({}).catch((e) => console.log("rejects", e.code));

  const url = URL.createObjectURL(f);
  console.log(url.startsWith("blob:nodedata:"), url.length);
  const again = buffer.resolveObjectURL(url);
  console.log(again, await again.text(), again === f);
  console.log(buffer.resolveObjectURL(url + "#frag") !== undefined, buffer.resolveObjectURL("blob:nodedata:nope"));
  URL.revokeObjectURL(url);
  console.log(buffer.resolveObjectURL(url), buffer.resolveObjectURL("http://x"));
})();
