// node:readline — Node 20's Interface over any readable stream. Without a terminal
// (the default unless `terminal` is true or the output is a TTY) it splits the input
// into 'line' events (\n, \r\n and a lone \r end a line; a \r\n split across two
// chunks counts once within crlfDelay), the last unterminated line at the end. With a
// terminal it reads keypresses (internal/readline-keys.js) and edits the line as Node
// does: cursor keys, home/end, word moves and deletes, kill ring and yank, undo/redo,
// history with prefix search, tab completion, and redraws the prompt and line on the
// output with ANSI sequences. question() and prompt(), pause/resume of the input, and
// `for await (const line of rl)` in both modes. readline/promises' Interface is a
// subclass (below) whose question() returns a promise.
"use strict";

const EventEmitter = require("events");
const { StringDecoder } = require("string_decoder");
const { kFirstEventParam } = require("internal/event-symbols");
const { nodeError, ERR_INVALID_ARG_VALUE, AbortError } = require("internal/errors");
const {
  validateArray,
  validateString,
  validateFunction,
  validateUint32,
} = require("internal/validators");
const {
  emitKeypressEvents,
  charLengthAt,
  charLengthLeft,
  stringWidth,
} = require("internal/readline-keys");

const LINE_END = /\r\n|\n|\r/g;
const TTY_LINE_END = /\r?\n|\r(?!\n)/g;
const VT_CONTROL =
  /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;
const HISTORY_SIZE = 30;
const MAX_UNDO = 2048;
const MAX_KILL_RING = 32;
const kDecoder = Symbol("decoder");
const kPrompt = Symbol("prompt");
const kOldPrompt = Symbol("oldPrompt");
const kQuestionCallback = Symbol("questionCallback");
const kSawReturnAt = Symbol("sawReturnAt");
const kQuestion = Symbol("question");
const kQuestionCancel = Symbol("questionCancel");
const kLineIterator = Symbol("lineIterator");
const kPreviousKey = Symbol("previousKey");
const kSubstringSearch = Symbol("substringSearch");
const kUndoStack = Symbol("undoStack");
const kRedoStack = Symbol("redoStack");
const kKillRing = Symbol("killRing");
const kKillRingCursor = Symbol("killRingCursor");
const kYanking = Symbol("yanking");

const ERR_USE_AFTER_CLOSE = () => nodeError(Error, "ERR_USE_AFTER_CLOSE", "readline was closed");

class Interface extends EventEmitter {
  constructor(input, output, completer, terminal) {
    super();
    let options = { input, output, completer, terminal };
    if (input && input.input !== undefined) options = input;
    input = options.input;
    output = options.output;
    completer = options.completer;
    terminal = options.terminal;
    if (terminal === undefined && output !== null && output !== undefined)
      terminal = !!output.isTTY;
    if (completer !== undefined && typeof completer !== "function")
      throw ERR_INVALID_ARG_VALUE("completer", completer);
    // A completer of one argument returns its result (readline/promises': maybe a
    // promise of it); Interface calls it back-style.
    if (typeof completer === "function" && completer.length !== 2) {
      const returning = completer;
      completer = (line, cb) => {
        const result = returning(line);
        if (result !== null && typeof result === "object" && typeof result.then === "function")
          result.then((value) => cb(null, value), cb);
        else cb(null, result);
      };
    }
    let historySize = options.historySize;
    if (historySize === undefined) historySize = HISTORY_SIZE;
    if (typeof historySize !== "number" || Number.isNaN(historySize) || historySize < 0)
      throw rangeValueError("historySize", historySize);
    let history = options.history;
    if (history === undefined) history = [];
    else validateArray(history, "history");
    this.escapeCodeTimeout = 500;
    if (options.escapeCodeTimeout !== undefined) {
      if (!Number.isFinite(options.escapeCodeTimeout))
        throw ERR_INVALID_ARG_VALUE("input.escapeCodeTimeout", this.escapeCodeTimeout);
      this.escapeCodeTimeout = options.escapeCodeTimeout;
    }
    if (options.tabSize !== undefined) validateUint32(options.tabSize, "tabSize", true);
    this.tabSize = options.tabSize === undefined ? 8 : options.tabSize;
    const crlfDelay = options.crlfDelay === undefined ? 100 : Number(options.crlfDelay);
    this.line = "";
    this.input = input;
    this.output = output;
    this.completer = completer;
    this.isCompletionEnabled = true;
    this.crlfDelay = crlfDelay ? Math.max(100, crlfDelay) : 100;
    this.history = history;
    this.historySize = historySize;
    this.removeHistoryDuplicates = !!options.removeHistoryDuplicates;
    this.closed = false;
    this.paused = false;
    this.terminal = !!terminal;
    this[kPrompt] = options.prompt === undefined ? "> " : String(options.prompt);
    this[kSawReturnAt] = 0;
    this[kQuestionCallback] = null;
    this[kOldPrompt] = "";
    this[kPreviousKey] = null;
    this[kSubstringSearch] = null;
    this[kUndoStack] = [];
    this[kRedoStack] = [];
    this[kKillRing] = [];
    this[kKillRingCursor] = 0;
    this[kYanking] = false;

    const self = this;
    const onError = (err) => self.emit("error", err);
    if (this.input) {
      this.input.on("error", onError);
      if (this.terminal) {
        const onKeypress = (s, key) => {
          self.ttyWrite(s, key);
          // Half a surrogate pair: redraw so that the character shows whole.
          const ch = key && key.sequence ? key.sequence.codePointAt(0) : 0;
          if (ch >= 0xd800 && ch <= 0xdfff) self.refreshLine();
        };
        const onTermEnd = () => {
          if (typeof self.line === "string" && self.line.length > 0) self.emit("line", self.line);
          self.close();
        };
        const onResize = () => self.refreshLine();
        emitKeypressEvents(this.input, this);
        this.input.on("keypress", onKeypress);
        this.input.on("end", onTermEnd);
        this.setRawMode(true);
        this.cursor = 0;
        this.historyIndex = -1;
        if (output !== null && output !== undefined) output.on("resize", onResize);
        this.once("close", () => {
          this.input.removeListener("keypress", onKeypress);
          this.input.removeListener("error", onError);
          this.input.removeListener("end", onTermEnd);
          if (output !== null && output !== undefined) output.removeListener("resize", onResize);
        });
      } else {
        const onData = (chunk) => self.normalWrite(chunk);
        const onEnd = () => self.endInput();
        this[kDecoder] = new StringDecoder("utf8");
        this.input.on("data", onData);
        this.input.on("end", onEnd);
        this.once("close", () => {
          this.input.removeListener("data", onData);
          this.input.removeListener("error", onError);
          this.input.removeListener("end", onEnd);
        });
      }
    }
    const signal = options.signal;
    if (signal) {
      if (signal.aborted) process.nextTick(() => this.close());
      else signal.addEventListener("abort", () => this.close(), { once: true });
    }
    if (this.input && typeof this.input.resume === "function") this.input.resume();
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

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.closed) throw ERR_USE_AFTER_CLOSE();
    if (this.terminal && process.env.TERM !== "dumb") {
      if (!preserveCursor) this.cursor = 0;
      this.refreshLine();
    } else {
      this.writeToOutput(this[kPrompt]);
    }
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
    this.clearLine();
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

  /** rl.write(data[, key]): as if `data` (or the key) came from the input. */
  write(data, key) {
    if (this.closed) throw ERR_USE_AFTER_CLOSE();
    if (this.paused) this.resume();
    if (this.terminal) this.ttyWrite(data, key);
    else this.normalWrite(data);
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this.setRawMode(false);
    this.closed = true;
    this.emit("close");
  }

  /** Where the cursor is on the terminal: { rows, cols } from the prompt's start. */
  getCursorPos() {
    return this.getDisplayPos(this[kPrompt] + this.line.slice(0, this.cursor));
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

  // ---- shared by both modes -----------------------------------------------------------

  writeToOutput(text) {
    validateString(text, "stringToWrite");
    if (this.output !== null && this.output !== undefined) this.output.write(text);
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

  // ---- without a terminal ---------------------------------------------------------------

  /** A chunk of input: complete lines go out, the rest waits in `line`. */
  normalWrite(chunk) {
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

  // ---- with a terminal: the line editor -------------------------------------------------

  setRawMode(mode) {
    const wasRaw = this.input.isRaw;
    if (typeof this.input.setRawMode === "function") this.input.setRawMode(mode);
    return wasRaw;
  }

  /** Rows and columns `str` takes on a terminal of this.columns (tabs to tabSize). */
  getDisplayPos(str) {
    let offset = 0;
    const col = this.columns;
    let rows = 0;
    for (const ch of str.replace(VT_CONTROL, "")) {
      if (ch === "\n") {
        rows += Math.ceil(offset / col) || 1;
        offset = 0;
      } else if (ch === "\t") {
        offset += this.tabSize - (offset % this.tabSize);
      } else {
        const width = stringWidth(ch);
        if (width === 2 && (offset + 1) % col === 0) offset++;
        offset += width;
      }
    }
    const cols = offset % col;
    rows += (offset - cols) / col;
    return { cols, rows };
  }

  /** Redraws the prompt and the line, then puts the cursor back where it was. */
  refreshLine() {
    const line = this[kPrompt] + this.line;
    const end = this.getDisplayPos(line);
    const cursorPos = this.getCursorPos();
    const prevRows = this.prevRows || 0;
    if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this.writeToOutput(line);
    // A full last row: make the terminal start the next one.
    if (end.cols === 0) this.writeToOutput(" ");
    cursorTo(this.output, cursorPos.cols);
    const diff = end.rows - cursorPos.rows;
    if (diff > 0) moveCursor(this.output, 0, -diff);
    this.prevRows = cursorPos.rows;
  }

  /** Ends the line on the terminal: the cursor goes below it, the editor starts afresh. */
  clearLine() {
    this.moveCursorBy(+Infinity);
    this.writeToOutput("\r\n");
    this.line = "";
    this.cursor = 0;
    this.prevRows = 0;
  }

  /** Enter: the line goes to history and out as 'line' (or a question's answer). */
  submitLine() {
    const line = this.addHistory();
    this[kUndoStack] = [];
    this[kRedoStack] = [];
    this.clearLine();
    this.onLine(line);
  }

  addHistory() {
    if (this.line.length === 0) return "";
    if (this.historySize === 0) return this.line;
    if (this.line.trim().length === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const dup = this.history.indexOf(this.line);
        if (dup !== -1) this.history.splice(dup, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    // A 'history' listener may take the line out (a password, say).
    const line = this.history[0];
    this.emit("history", this.history);
    return line;
  }

  /** Up: the previous history entry that starts with what was typed before searching. */
  historyPrev() {
    if (this.historyIndex >= this.history.length || this.history.length === 0) return;
    this.beforeEdit();
    const search = this[kSubstringSearch] || "";
    let index = this.historyIndex + 1;
    while (
      index < this.history.length &&
      (!this.history[index].startsWith(search) || this.line === this.history[index])
    )
      index++;
    this.line = index === this.history.length ? search : this.history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this.refreshLine();
  }

  /** Down: the next (newer) matching entry, or back to what was typed. */
  historyNext() {
    if (this.historyIndex < 0) return;
    this.beforeEdit();
    const search = this[kSubstringSearch] || "";
    let index = this.historyIndex - 1;
    while (
      index >= 0 &&
      (!this.history[index].startsWith(search) || this.line === this.history[index])
    )
      index--;
    this.line = index === -1 ? search : this.history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this.refreshLine();
  }

  insertString(c) {
    this.beforeEdit();
    if (this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
      this.cursor += c.length;
      this.refreshLine();
      return;
    }
    const oldPos = this.getCursorPos();
    this.line += c;
    this.cursor += c.length;
    // Still on the same row: writing the text is enough.
    if (oldPos.rows < this.getCursorPos().rows) this.refreshLine();
    else this.writeToOutput(c);
  }

  moveCursorBy(dx) {
    if (dx === 0) return;
    const oldPos = this.getCursorPos();
    this.cursor = Math.max(0, Math.min(this.line.length, this.cursor + dx));
    const newPos = this.getCursorPos();
    if (oldPos.rows === newPos.rows) moveCursor(this.output, newPos.cols - oldPos.cols, 0);
    else this.refreshLine();
  }

  /** How far the word left of the cursor (and the spaces after it) reaches. */
  wordLeftLength() {
    const reversed = Array.from(this.line.slice(0, this.cursor)).reverse().join("");
    return /^\s*(?:[^\w\s]+|\w+)?/.exec(reversed)[0].length;
  }

  wordLeft() {
    if (this.cursor > 0) this.moveCursorBy(-this.wordLeftLength());
  }

  wordRight() {
    if (this.cursor < this.line.length) {
      const trailing = this.line.slice(this.cursor);
      this.moveCursorBy(/^(?:\s+|[^\w\s]+|\w+)\s*/.exec(trailing)[0].length);
    }
  }

  deleteLeft() {
    if (this.cursor > 0 && this.line.length > 0) {
      this.beforeEdit();
      const size = charLengthLeft(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor - size) + this.line.slice(this.cursor);
      this.cursor -= size;
      this.refreshLine();
    }
  }

  deleteRight() {
    if (this.cursor < this.line.length) {
      this.beforeEdit();
      const size = charLengthAt(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + size);
      this.refreshLine();
    }
  }

  deleteWordLeft() {
    if (this.cursor > 0) {
      this.beforeEdit();
      const start = this.cursor - this.wordLeftLength();
      this.pushToKillRing(this.line.slice(start, this.cursor));
      this.line = this.line.slice(0, start) + this.line.slice(this.cursor);
      this.cursor = start;
      this.refreshLine();
    }
  }

  deleteWordRight() {
    if (this.cursor < this.line.length) {
      this.beforeEdit();
      const trailing = this.line.slice(this.cursor);
      const length = /^(?:\s+|\W+|\w+)\s*/.exec(trailing)[0].length;
      this.pushToKillRing(trailing.slice(0, length));
      this.line = this.line.slice(0, this.cursor) + trailing.slice(length);
      this.refreshLine();
    }
  }

  deleteLineLeft() {
    this.beforeEdit();
    this.pushToKillRing(this.line.slice(0, this.cursor));
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this.refreshLine();
  }

  deleteLineRight() {
    this.beforeEdit();
    this.pushToKillRing(this.line.slice(this.cursor));
    this.line = this.line.slice(0, this.cursor);
    this.refreshLine();
  }

  pushToKillRing(text) {
    if (!text || text === this[kKillRing][0]) return;
    this[kKillRing].unshift(text);
    this[kKillRingCursor] = 0;
    if (this[kKillRing].length > MAX_KILL_RING) this[kKillRing].pop();
  }

  /** Ctrl+Y: the last text deleted goes back in at the cursor. */
  yank() {
    if (this[kKillRing].length === 0) return;
    this[kYanking] = true;
    this.insertString(this[kKillRing][this[kKillRingCursor]]);
  }

  /** Meta+Y right after a yank: the yanked text becomes the one killed before it. */
  yankPop() {
    if (!this[kYanking] || this[kKillRing].length <= 1) return;
    const ring = this[kKillRing];
    const last = ring[this[kKillRingCursor]];
    this[kKillRingCursor] = (this[kKillRingCursor] + 1) % ring.length;
    const current = ring[this[kKillRingCursor]];
    const head = this.line.slice(0, this.cursor - last.length);
    this.line = head + current + this.line.slice(this.cursor);
    this.cursor = head.length + current.length;
    this.refreshLine();
  }

  beforeEdit() {
    if (this[kUndoStack].push({ text: this.line, cursor: this.cursor }) > MAX_UNDO)
      this[kUndoStack].shift();
  }

  /** Undo (Ctrl+_) and redo (Ctrl+^): the line and cursor before/after an edit. */
  undoRedo(from, to) {
    if (from.length === 0) return;
    to.push({ text: this.line, cursor: this.cursor });
    const entry = from.pop();
    this.line = entry.text;
    this.cursor = entry.cursor;
    this.refreshLine();
  }

  /** Tab: the completer's matches; a common prefix is inserted, a second tab lists them. */
  tabComplete(lastKeypressWasTab) {
    this.pause();
    const before = this.line.slice(0, this.cursor);
    this.completer(before, (err, value) => {
      this.resume();
      if (err) {
        this.writeToOutput(`Tab completion error: ${require("util").inspect(err)}`);
        return;
      }
      this.applyCompletions(lastKeypressWasTab, value);
    });
  }

  applyCompletions(lastKeypressWasTab, [completions, completeOn]) {
    if (!completions || completions.length === 0) return;
    const prefix = commonPrefix(completions.filter((e) => e !== ""));
    if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
      this.insertString(prefix.slice(completeOn.length));
      return;
    } else if (!completeOn.startsWith(prefix)) {
      this.line =
        this.line.slice(0, this.cursor - completeOn.length) + prefix + this.line.slice(this.cursor);
      this.cursor = this.cursor - completeOn.length + prefix.length;
      this.refreshLine();
      return;
    }
    if (!lastKeypressWasTab) return;
    this.beforeEdit();
    // The matches in columns (an empty string starts a new group).
    const widths = completions.map((e) => stringWidth(e));
    const width = Math.max(...widths) + 2;
    let maxColumns = Math.floor(this.columns / width) || 1;
    if (maxColumns === Infinity) maxColumns = 1;
    let out = "\r\n";
    let column = 0;
    let padding = 0;
    for (let i = 0; i < completions.length; i++) {
      const completion = completions[i];
      if (completion === "" || column === maxColumns) {
        out += "\r\n";
        column = 0;
        padding = 0;
      } else {
        out += " ".repeat(padding);
      }
      if (completion !== "") {
        out += completion;
        padding = width - widths[i];
        column++;
      } else {
        out += "\r\n";
      }
    }
    if (column !== 0) out += "\r\n\r\n";
    this.writeToOutput(out);
    this.refreshLine();
  }

  /** One keypress (or rl.write(data, key)) in terminal mode. */
  ttyWrite(s, key) {
    const previousKey = this[kPreviousKey];
    key = key || {};
    this[kPreviousKey] = key;
    if (!key.meta || key.name !== "y") this[kYanking] = false;
    // Up and down without modifiers search the history for what was typed so far.
    if ((key.name === "up" || key.name === "down") && !key.ctrl && !key.meta && !key.shift) {
      if (this[kSubstringSearch] === null) this[kSubstringSearch] = this.line.slice(0, this.cursor);
    } else if (this[kSubstringSearch] !== null) {
      this[kSubstringSearch] = null;
      if (this.history.length === this.historyIndex) this.historyIndex = -1;
    }
    if (typeof key.sequence === "string") {
      const code = key.sequence.codePointAt(0);
      if (code === 0x1f) return this.undoRedo(this[kUndoStack], this[kRedoStack]);
      if (code === 0x1e) return this.undoRedo(this[kRedoStack], this[kUndoStack]);
    }
    if (key.name === "escape") return;
    if (key.ctrl && key.shift) this.ctrlShiftKey(key);
    else if (key.ctrl) this.ctrlKey(key);
    else if (key.meta) this.metaKey(key);
    else this.plainKey(s, key, previousKey);
  }

  ctrlShiftKey(key) {
    if (key.name === "backspace") this.deleteLineLeft();
    else if (key.name === "delete") this.deleteLineRight();
  }

  ctrlKey(key) {
    switch (key.name) {
      case "c":
        if (this.listenerCount("SIGINT") > 0) this.emit("SIGINT");
        else this.close();
        break;
      case "h":
        this.deleteLeft();
        break;
      case "d":
        // Delete right, or the end of input on an empty line.
        if (this.cursor === 0 && this.line.length === 0) this.close();
        else if (this.cursor < this.line.length) this.deleteRight();
        break;
      case "u":
        this.deleteLineLeft();
        break;
      case "k":
        this.deleteLineRight();
        break;
      case "a":
        this.moveCursorBy(-Infinity);
        break;
      case "e":
        this.moveCursorBy(+Infinity);
        break;
      case "b":
        this.moveCursorBy(-charLengthLeft(this.line, this.cursor));
        break;
      case "f":
        this.moveCursorBy(+charLengthAt(this.line, this.cursor));
        break;
      case "l":
        cursorTo(this.output, 0, 0);
        clearScreenDown(this.output);
        this.refreshLine();
        break;
      case "n":
        this.historyNext();
        break;
      case "p":
        this.historyPrev();
        break;
      case "y":
        this.yank();
        break;
      case "z":
        // Suspending the process is the host's business: only the event is given.
        if (this.listenerCount("SIGTSTP") > 0) this.emit("SIGTSTP");
        break;
      case "w":
      case "backspace":
        this.deleteWordLeft();
        break;
      case "delete":
        this.deleteWordRight();
        break;
      case "left":
        this.wordLeft();
        break;
      case "right":
        this.wordRight();
        break;
    }
  }

  metaKey(key) {
    switch (key.name) {
      case "b":
        this.wordLeft();
        break;
      case "f":
        this.wordRight();
        break;
      case "d":
      case "delete":
        this.deleteWordRight();
        break;
      case "backspace":
        this.deleteWordLeft();
        break;
      case "y":
        this.yankPop();
        break;
    }
  }

  plainKey(s, key, previousKey) {
    // \r bookkeeping matters only when a \n comes right after it.
    if (this[kSawReturnAt] && key.name !== "enter") this[kSawReturnAt] = 0;
    switch (key.name) {
      case "return":
        this[kSawReturnAt] = Date.now();
        this.submitLine();
        return;
      case "enter":
        // The \n of a \r\n is not a second line.
        if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay)
          this.submitLine();
        this[kSawReturnAt] = 0;
        return;
      case "backspace":
        return this.deleteLeft();
      case "delete":
        return this.deleteRight();
      case "left":
        return this.moveCursorBy(-charLengthLeft(this.line, this.cursor));
      case "right":
        return this.moveCursorBy(+charLengthAt(this.line, this.cursor));
      case "home":
        return this.moveCursorBy(-Infinity);
      case "end":
        return this.moveCursorBy(+Infinity);
      case "up":
        return this.historyPrev();
      case "down":
        return this.historyNext();
      case "tab":
        if (typeof this.completer === "function" && this.isCompletionEnabled) {
          this.tabComplete(previousKey !== null && previousKey.name === "tab");
          return;
        }
    }
    if (typeof s !== "string" || !s) return;
    // Text (typed or pasted, maybe several lines): inserted, each line end submits.
    let last = 0;
    TTY_LINE_END.lastIndex = 0;
    for (let m = TTY_LINE_END.exec(s); m !== null; m = TTY_LINE_END.exec(s)) {
      this.insertString(s.slice(last, m.index));
      last = TTY_LINE_END.lastIndex;
      this.submitLine();
      TTY_LINE_END.lastIndex = last; // a 'line' listener may have used the regexp
    }
    this.insertString(s.slice(last));
  }
}

// The helpers above are not Node's public API: keep them off `for…in` and Object.keys
// of the prototype, as Node's internal symbols are. Node's underscore names (_ttyWrite,
// _refreshLine, …) stay reachable for code that patches them.
const INTERNAL_METHODS = {
  writeToOutput: "_writeToOutput",
  onLine: "_onLine",
  normalWrite: "_normalWrite",
  endInput: undefined,
  setRawMode: "_setRawMode",
  getDisplayPos: "_getDisplayPos",
  refreshLine: "_refreshLine",
  clearLine: undefined,
  submitLine: "_line",
  addHistory: "_addHistory",
  historyPrev: "_historyPrev",
  historyNext: "_historyNext",
  insertString: "_insertString",
  moveCursorBy: "_moveCursor",
  wordLeftLength: undefined,
  wordLeft: "_wordLeft",
  wordRight: "_wordRight",
  deleteLeft: "_deleteLeft",
  deleteRight: "_deleteRight",
  deleteWordLeft: "_deleteWordLeft",
  deleteWordRight: "_deleteWordRight",
  deleteLineLeft: "_deleteLineLeft",
  deleteLineRight: "_deleteLineRight",
  pushToKillRing: undefined,
  yank: undefined,
  yankPop: undefined,
  beforeEdit: undefined,
  undoRedo: undefined,
  tabComplete: "_tabComplete",
  applyCompletions: undefined,
  ttyWrite: "_ttyWrite",
  ctrlShiftKey: undefined,
  ctrlKey: undefined,
  metaKey: undefined,
  plainKey: undefined,
};
for (const [name, nodeName] of Object.entries(INTERNAL_METHODS)) {
  Object.defineProperty(Interface.prototype, name, { enumerable: false });
  if (nodeName !== undefined) Interface.prototype[nodeName] = Interface.prototype[name];
}
Interface.prototype._getCursorPos = Interface.prototype.getCursorPos;

function rangeValueError(name, value) {
  const err = ERR_INVALID_ARG_VALUE(name, value);
  return nodeError(RangeError, err.code, err.message);
}

/** The longest start all strings share. */
function commonPrefix(strings) {
  if (strings.length === 0) return "";
  if (strings.length === 1) return strings[0];
  const sorted = strings.slice().sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  let i = 0;
  while (i < first.length && first[i] === last[i]) i++;
  return first.slice(0, i);
}

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
