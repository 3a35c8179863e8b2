// for await over readline: one shared iterator (a nested loop continues the outer one's
// lines), break leaves the interface open; events.on's highWaterMark pauses the emitter
// and resumes it once the queue drains below lowWaterMark.
const readline = require("readline");
const { on, EventEmitter } = require("events");
const { PassThrough, Readable } = require("stream");

async function main() {
  const keepAlive = setTimeout(() => {}, 10000);
  const rl = readline.createInterface({ input: Readable.from(["a\nb\n", "c\nd"]) });
  const seen = [];
  for await (const first of rl) {
    seen.push(first);
    for await (const line of rl) seen.push(line);
  }
  console.log(seen, rl[Symbol.asyncIterator]() === rl[Symbol.asyncIterator]());

  const input = new PassThrough();
  const rl2 = readline.createInterface({ input });
  setTimeout(() => input.write("x\ny\n"), 10);
  let closed = false;
  rl2.on("close", () => (closed = true));
  for await (const line of rl2) {
    console.log("first", line);
    break;
  }
  console.log("closed after break:", closed);

  const ee = new EventEmitter();
  const log = [];
  ee.pause = () => log.push("pause");
  ee.resume = () => log.push("resume");
  const it = on(ee, "tick", { highWaterMark: 2, lowWaterMark: 1 });
  for (let i = 0; i < 4; i++) ee.emit("tick", i, "x");
  const data = it[Symbol.for("nodejs.watermarkData")];
  console.log(log, data.size, data.high, data.low, data.isPaused);
  for (let i = 0; i < 4; i++) log.push(JSON.stringify((await it.next()).value));
  console.log(log, data.isPaused);
  try {
    on(ee, "tick", { highWaterMark: 0 });
  } catch (e) {
    console.log(e.code);
  }
  clearTimeout(keepAlive);
}
main();
