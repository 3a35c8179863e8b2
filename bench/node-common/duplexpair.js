"use strict";
// Stand-in for node's test/common/duplexpair.js: two Duplex streams wired to each
// other (what one writes, the other reads), for http over an in-memory "socket".

const { Duplex } = require("stream");

class Side extends Duplex {
  constructor() {
    super();
    this.peer = null;
    this.pendingWrite = null;
  }

  _read() {
    const pending = this.peer.pendingWrite;
    if (pending === null) return;
    this.peer.pendingWrite = null;
    pending();
  }

  _write(chunk, encoding, callback) {
    if (chunk.length === 0) return process.nextTick(callback);
    this.peer.push(chunk);
    this.pendingWrite = callback;
  }

  _final(callback) {
    this.peer.push(null);
    callback();
  }
}

function makeDuplexPair() {
  const clientSide = new Side();
  const serverSide = new Side();
  clientSide.peer = serverSide;
  serverSide.peer = clientSide;
  return { clientSide, serverSide };
}

module.exports = makeDuplexPair;
