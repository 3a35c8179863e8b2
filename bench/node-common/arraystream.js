"use strict";
// Stand-in for node's test/common/arraystream.js: a stream that emits each element of
// an array as a "data" line (the readline tests feed input with it).

const { Stream } = require("stream");

class ArrayStream extends Stream {
  constructor() {
    super();
    this.readable = true;
    this.writable = true;
  }

  run(data) {
    for (const line of data) this.emit("data", `${line}\n`);
  }

  pause() {}
  resume() {}
  write() {}
}

module.exports = ArrayStream;
