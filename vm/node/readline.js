// node:readline — line-by-line reading of any readable stream, Node 20's Interface
// without a terminal: Jaunt's stdin is never a TTY, so there is no raw mode, cursor
// editing, history or completion (`terminal` is always false). What it does: splits
// the input into 'line' events (\n, \r\n and a lone \r end a line; a \r\n split
// across two chunks counts once within crlfDelay), the last unterminated line at the
// end, question() and prompt() written to `output`, pause/resume of the input, and
// `for await (const line of rl)`. readline/promises' Interface is a subclass (below)
// whose question() returns a promise.
"use strict";

const EventEmitter = require("events");
const { StringDecoder } = require("string_decoder");
const { kFirstEventParam } = require("internal/event-symbols");
const { nodeError, ERR_INVALID_ARG_VALUE, AbortError } = require("internal/errors");
const { validateString, validateFunction } = require("internal/validators");

const LINE_END = /\r\n|\n|\r/g;
const kDecoder = Symbol("decoder");
const kPrompt = Symbol("prompt");
const kOldPrompt = Symbol("oldPrompt");
const kQuestionCallback = Symbol("questionCallback");
const kSawReturnAt = Symbol("sawReturnAt");
const kInputListeners = Symbol("inputListeners");
const kQuestion = Symbol("question");
const kQuestionCancel = Symbol("questionCancel");
const kLineIterator = Symbol("lineIterator");

const ERR_USE_AFTER_CLOSE = () => nodeError(Error, "ERR_USE_AFTER_CLOSE", "readline was closed");

class Interface extends EventEmitter {
  constructor(input, output, completer, terminal) {
    super();
    let options = { input, output, completer, terminal };
    if (input && input.input !== undefined) options = input;
    const crlfDelay = options.crlfDelay === undefined ? 100 : Number(options.crlfDelay);
    if (options.completer !== undefined && typeof options.completer !== "function")
      throw ERR_INVALID_ARG_VALUE("completer", options.completer);
    this.terminal = false; // no TTY here (see the top of the file)
    this.line = "";
    this.input = options.input;
    this.output = options.output;
    this.crlfDelay = Math.max(100, crlfDelay);
    this.historySize = options.historySize === undefined ? 30 : options.historySize;
    this.history = [];
    this.closed = false;
    this.paused = false;
    this[kPrompt] = options.prompt === undefined ? "> " : String(options.prompt);
    this[kDecoder] = new StringDecoder("utf8");
    this[kSawReturnAt] = 0;
    this[kQuestionCallback] = null;
    this[kOldPrompt] = "";

    const self = this;
    const listeners = {
      data: (chunk) => self.writeInput(chunk),
      end: () => self.endInput(),
      error: (err) => self.emit("error", err),
    };
    this[kInputListeners] = listeners;
    if (this.input) {
      this.input.on("error", listeners.error);
      this.input.on("data", listeners.data);
      this.input.on("end", listeners.end);
      this.once("close", () => {
        this.input.removeListener("data", listeners.data);
        this.input.removeListener("error", listeners.error);
        this.input.removeListener("end", listeners.end);
      });
      if (typeof this.input.resume === "function") this.input.resume();
    }
    const signal = options.signal;
    if (signal) {
      if (signal.aborted) process.nextTick(() => this.close());
      else signal.addEventListener("abort", () => this.close(), { once: true });
    }
  }

  get columns() {
    return this.output && this.output.columns ? this.output.columns : Infinity;
  }

  getPrompt() {
    return this[kPrompt];
  }

  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  prompt() {
    if (this.paused) this.resume();
    if (this.closed) throw ERR_USE_AFTER_CLOSE();
    this.writeOutput(this[kPrompt]);
  }

  question(query, options, cb) {
    cb = typeof options === "function" ? options : cb;
    const signal = options !== null && typeof options === "object" ? options.signal : undefined;
    if (signal) {
      if (signal.aborted) return;
      const onAbort = () => this[kQuestionCancel]();
      signal.addEventListener("abort", onAbort, { once: true });
      const original = cb;
      cb = (answer) => {
        signal.removeEventListener("abort", onAbort);
        return original(answer);
      };
    }
    if (typeof cb === "function") this[kQuestion](query, cb);
  }

  [kQuestion](query, cb) {
    if (this.closed) throw ERR_USE_AFTER_CLOSE();
    if (this[kQuestionCallback]) {
      this.prompt();
      return;
    }
    this[kOldPrompt] = this[kPrompt];
    this.setPrompt(query);
    this[kQuestionCallback] = cb;
    this.prompt();
  }

  [kQuestionCancel]() {
    if (!this[kQuestionCallback]) return;
    this[kQuestionCallback] = null;
    this.setPrompt(this[kOldPrompt]);
  }

  pause() {
    if (this.paused) return this;
    if (this.input && typeof this.input.pause === "function") this.input.pause();
    this.paused = true;
    this.emit("pause");
    return this;
  }

  resume() {
    if (!this.paused) return this;
    if (this.input && typeof this.input.resume === "function") this.input.resume();
    this.paused = false;
    this.emit("resume");
    return this;
  }

  /** rl.write(data): as if `data` came from the input. */
  write(data) {
    if (this.closed) throw ERR_USE_AFTER_CLOSE();
    if (this.paused) this.resume();
    this.writeInput(data);
  }

  close() {
    if (this.closed) return;
    this.pause();
    this.closed = true;
    this.emit("close");
  }

  /**
   * `for await (const line of rl)`: one iterator per interface (loops nested over the
   * same interface share it), lines queue up while the input is paused past 1024.
   */
  [Symbol.asyncIterator]() {
    if (this[kLineIterator] === undefined)
      this[kLineIterator] = EventEmitter.on(this, "line", {
        close: ["close"],
        highWaterMark: 1024,
        [kFirstEventParam]: true,
      });
    return this[kLineIterator];
  }

  // ---- input and output (not Node API; names without a leading underscore would
  // collide with nothing Node has, but these stay off the public surface anyway) ----

  writeOutput(text) {
    validateString(text, "stringToWrite");
    if (this.output !== null && this.output !== undefined) this.output.write(text);
  }

  /** A chunk of input: complete lines go out, the rest waits in `line`. */
  writeInput(chunk) {
    if (chunk === undefined) return;
    let text = typeof chunk === "string" ? chunk : this[kDecoder].write(chunk);
    // A \r ended the previous chunk: a \n starting this one belongs to it.
    if (this[kSawReturnAt] !== 0 && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
      if (text.charCodeAt(0) === 10) text = text.slice(1);
      this[kSawReturnAt] = 0;
    }
    LINE_END.lastIndex = 0;
    if (!LINE_END.test(text)) {
      this.line += text;
      return;
    }
    text = this.line + text;
    this.line = "";
    this[kSawReturnAt] = text.endsWith("\r") ? Date.now() : 0;
    const lines = [];
    let start = 0;
    LINE_END.lastIndex = 0;
    for (let m = LINE_END.exec(text); m !== null; m = LINE_END.exec(text)) {
      lines.push(text.slice(start, m.index));
      start = LINE_END.lastIndex;
    }
    this.line = text.slice(start);
    for (const line of lines) {
      this.onLine(line);
      if (this.closed) return;
    }
  }

  endInput() {
    const rest = this.line + this[kDecoder].end();
    this.line = "";
    if (rest.length > 0) this.onLine(rest);
    this.close();
  }

  onLine(line) {
    const cb = this[kQuestionCallback];
    if (cb) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else {
      this.emit("line", line);
    }
  }
}

// The helpers above are not Node's: keep them off `for…in` and Object.keys of the
// prototype, as Node's internal symbols are.
for (const name of ["writeOutput", "writeInput", "endInput", "onLine"])
  Object.defineProperty(Interface.prototype, name, { enumerable: false });

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

// ---- readline/promises --------------------------------------------------------------

class PromisesInterface extends Interface {
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(ERR_USE_AFTER_CLOSE());
        return;
      }
      let cb = resolve;
      const signal = options !== null && typeof options === "object" ? options.signal : undefined;
      if (signal) {
        if (signal.aborted) {
          reject(new AbortError(undefined, { cause: signal.reason }));
          return;
        }
        const onAbort = () => {
          this[kQuestionCancel]();
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener("abort", onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener("abort", onAbort);
          resolve(answer);
        };
      }
      this[kQuestion](query, cb);
    });
  }
}

const promises = {
  Interface: PromisesInterface,
  createInterface(input, output, completer, terminal) {
    return new PromisesInterface(input, output, completer, terminal);
  },
};

// ---- cursor helpers: ANSI sequences written to a stream ------------------------------

const CSI = "\x1b[";

function writeTo(stream, data, callback) {
  if (callback !== undefined) validateFunction(callback, "callback");
  if (stream === null || stream === undefined) {
    if (typeof callback === "function") process.nextTick(callback, null);
    return true;
  }
  return stream.write(data, callback);
}

function cursorTo(stream, x, y, callback) {
  if (typeof y === "function") {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw ERR_INVALID_ARG_VALUE("x", x);
  if (Number.isNaN(y)) throw ERR_INVALID_ARG_VALUE("y", y);
  if (typeof x !== "number") return writeTo(null, "", callback);
  const data = typeof y !== "number" ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`;
  return writeTo(stream, data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  let data = "";
  if (dx < 0) data += `${CSI}${-dx}D`;
  else if (dx > 0) data += `${CSI}${dx}C`;
  if (dy < 0) data += `${CSI}${-dy}A`;
  else if (dy > 0) data += `${CSI}${dy}B`;
  return writeTo(data === "" ? null : stream, data, callback);
}

function clearLine(stream, dir, callback) {
  const data = dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`;
  return writeTo(stream, data, callback);
}

function clearScreenDown(stream, callback) {
  return writeTo(stream, `${CSI}0J`, callback);
}

/** Keypress events need a TTY, which Jaunt's stdin never is: nothing to set up. */
function emitKeypressEvents() {}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
  promises,
};
