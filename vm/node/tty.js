// Node's `tty`: isatty (a host fact: false for a VM without the `fs` capability), and
// WriteStream/ReadStream for descriptors that are terminals. process.stdout and
// process.stderr become terminals too when the host's are (internal/stdio.js calls
// makeTerminal): isTTY, columns/rows (the host's window size), getColorDepth/hasColors
// (Node's own rules over the guest's process.env, vm/host-ops/tty.ts), getWindowSize and
// the cursor helpers. On a pipe or a file they stay plain Writables without these, as
// in Node, so programs take their non-TTY paths.
"use strict";

const { hostCall } = require("jaunt:internals");
const { nodeError } = require("internal/errors");
const { validateInteger } = require("internal/validators");

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

/** What a terminal output has beyond a Writable (tty.WriteStream.prototype in Node). */
const TERMINAL = {
  getColorDepth(env = process.env) {
    return hostCall("tty.colorDepth", [env], undefined, "tty.getColorDepth");
  },
  hasColors(count, env) {
    if (
      env === undefined &&
      (count === undefined || (typeof count === "object" && count !== null))
    ) {
      env = count;
      count = 16;
    } else validateInteger(count, "count", 2);
    return count <= 2 ** this.getColorDepth(env);
  },
  getWindowSize() {
    return [this.columns, this.rows];
  },
  cursorTo(x, y, cb) {
    return require("readline").cursorTo(this, x, y, cb);
  },
  moveCursor(dx, dy, cb) {
    return require("readline").moveCursor(this, dx, dy, cb);
  },
  clearLine(dir, cb) {
    return require("readline").clearLine(this, dir, cb);
  },
  clearScreenDown(cb) {
    return require("readline").clearScreenDown(this, cb);
  },
};
const TERMINAL_METHODS = Object.keys(TERMINAL);

/** The window size of terminal `fd` (Node's 80×24 where the host cannot tell). */
function windowSize(fd) {
  return hostCall("tty.size", [fd], undefined, "tty.getWindowSize") || [80, 24];
}

/** Makes process.stdout/stderr (fd 1/2, a terminal) what Node's is on a terminal. */
function makeTerminal(obj, fd) {
  for (let i = 0; i < TERMINAL_METHODS.length; i++) {
    const name = TERMINAL_METHODS[i];
    Object.defineProperty(obj, name, { value: TERMINAL[name], writable: true, configurable: true });
  }
  const [columns, rows] = windowSize(fd);
  obj.isTTY = true;
  obj.columns = columns;
  obj.rows = rows;
  obj._type = "tty";
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
    this._type = "tty";
    const [columns, rows] = windowSize(fd);
    this.columns = columns;
    this.rows = rows;
  }
  write(chunk, encoding, cb) {
    return (this.fd === 2 ? process.stderr : process.stdout).write(chunk, encoding, cb);
  }
}
Object.assign(WriteStream.prototype, TERMINAL);
WriteStream.prototype.isTTY = true;

module.exports = { isatty, ReadStream, WriteStream };
Object.defineProperty(module.exports, "_makeTerminal", { value: makeTerminal });
