// Node's `tty`: isatty (a host fact: false for a VM without the `fs` capability), and
// the ReadStream/WriteStream classes by name. Jaunt's process.stdout and stderr are not
// terminals, so programs take their non-TTY paths, as they do under a pipe.
"use strict";

const { hostCall } = require("jaunt:internals");
const { nodeError } = require("internal/errors");

function isatty(fd) {
  return (
    Number.isInteger(fd) &&
    fd >= 0 &&
    fd <= 2147483647 &&
    hostCall("tty.isatty", [fd], undefined, "tty.isatty") === true
  );
}

function ttyInitFailed() {
  return nodeError(
    Error,
    "ERR_TTY_INIT_FAILED",
    "TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)",
  );
}

class ReadStream {
  constructor(fd) {
    if (!isatty(fd)) throw ttyInitFailed();
    this.fd = fd;
    this.isRaw = false;
    this.isTTY = true;
  }
  setRawMode(flag) {
    this.isRaw = Boolean(flag);
    return this;
  }
}

class WriteStream {
  constructor(fd) {
    if (!isatty(fd)) throw ttyInitFailed();
    this.fd = fd;
    this.isTTY = true;
    this.columns = 80;
    this.rows = 24;
  }
  getColorDepth() {
    return 1;
  }
  hasColors() {
    return false;
  }
  getWindowSize() {
    return [this.columns, this.rows];
  }
}

module.exports = { isatty, ReadStream, WriteStream };
