// Keypress decoding for readline's terminal mode, as Node 20 does it: the characters
// of a stream's 'data' become 'keypress' events (sequence, { name, ctrl, meta, shift,
// code }), escape sequences of xterm, gnome, rxvt, putty and Cygwin included. A lone
// ESC at the end of a chunk waits escapeCodeTimeout ms for the rest of its sequence.
// Also the character measures the line editor needs (UTF-16 lengths, display widths).
"use strict";

const { StringDecoder } = require("string_decoder");

const ESC = "\x1b";
const kDecoder = Symbol("keypressDecoder");
const kKeyReader = Symbol("keyReader");
const ESCAPE_CODE_TIMEOUT = 500;

/** Key names of escape sequences, by their code (the sequence without ESC, modifiers). */
// prettier-ignore
const CODE_NAMES = {
  // xterm/gnome ESC [ letter, ESC O letter; rxvt ESC [ number ~; Cygwin ESC [ [ letter
  "[P": "f1", "[Q": "f2", "[R": "f3", "[S": "f4",
  OP: "f1", OQ: "f2", OR: "f3", OS: "f4",
  "[11~": "f1", "[12~": "f2", "[13~": "f3", "[14~": "f4",
  "[200~": "paste-start", "[201~": "paste-end",
  "[[A": "f1", "[[B": "f2", "[[C": "f3", "[[D": "f4", "[[E": "f5",
  "[15~": "f5", "[17~": "f6", "[18~": "f7", "[19~": "f8",
  "[20~": "f9", "[21~": "f10", "[23~": "f11", "[24~": "f12",
  "[A": "up", "[B": "down", "[C": "right", "[D": "left", "[E": "clear", "[F": "end", "[H": "home",
  OA: "up", OB: "down", OC: "right", OD: "left", OE: "clear", OF: "end", OH: "home",
  "[1~": "home", "[2~": "insert", "[3~": "delete", "[4~": "end", "[5~": "pageup", "[6~": "pagedown",
  "[[5~": "pageup", "[[6~": "pagedown",
  "[7~": "home", "[8~": "end",
};

/** Codes that carry a modifier of their own: [name, modifier property]. */
// prettier-ignore
const CODE_WITH_MODIFIER = {
  "[a": ["up", "shift"], "[b": ["down", "shift"], "[c": ["right", "shift"],
  "[d": ["left", "shift"], "[e": ["clear", "shift"],
  "[2$": ["insert", "shift"], "[3$": ["delete", "shift"], "[5$": ["pageup", "shift"],
  "[6$": ["pagedown", "shift"], "[7$": ["home", "shift"], "[8$": ["end", "shift"],
  Oa: ["up", "ctrl"], Ob: ["down", "ctrl"], Oc: ["right", "ctrl"], Od: ["left", "ctrl"],
  Oe: ["clear", "ctrl"],
  "[2^": ["insert", "ctrl"], "[3^": ["delete", "ctrl"], "[5^": ["pageup", "ctrl"],
  "[6^": ["pagedown", "ctrl"], "[7^": ["home", "ctrl"], "[8^": ["end", "ctrl"],
  "[Z": ["tab", "shift"],
};

const isDigit = (ch) => ch >= "0" && ch <= "9";

/**
 * The key reader: a generator fed one character at a time (`''` when an escape
 * sequence timed out) that emits 'keypress' on `stream` for each complete key.
 */
function* readKeys(stream) {
  for (;;) {
    let ch = yield;
    let seq = ch;
    let escaped = false;
    const key = { sequence: null, name: undefined, ctrl: false, meta: false, shift: false };
    if (ch === ESC) {
      escaped = true;
      seq += ch = yield;
      if (ch === ESC) seq += ch = yield;
    }
    if (escaped && (ch === "O" || ch === "[")) {
      let code = ch;
      let modifier = 0;
      if (ch === "O") {
        // ESC O letter, ESC O modifier letter
        seq += ch = yield;
        if (isDigit(ch)) {
          modifier = Number(ch) - 1;
          seq += ch = yield;
        }
        code += ch;
      } else {
        // ESC [ letter, ESC [ modifier letter, ESC [ [ letter, ESC [ digits (; mod) end
        seq += ch = yield;
        if (ch === "[") {
          code += ch;
          seq += ch = yield;
        }
        const cmdStart = seq.length - 1;
        // At most three digits (paste brackets have three), then an optional ;modifier.
        for (let digits = 0; digits < 3 && isDigit(ch); digits++) seq += ch = yield;
        if (ch === ";") {
          seq += ch = yield;
          if (isDigit(ch)) seq += yield;
        }
        const cmd = seq.slice(cmdStart);
        let m;
        if ((m = /^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$/.exec(cmd))) {
          if (m[4]) code += m[4];
          else {
            code += m[1] + m[3];
            modifier = (m[2] || 1) - 1;
          }
        } else if ((m = /^((\d;)?(\d))?([A-Za-z])$/.exec(cmd))) {
          code += m[4];
          modifier = (m[3] || 1) - 1;
        } else {
          code += cmd;
        }
      }
      key.ctrl = !!(modifier & 4);
      key.meta = !!(modifier & 10);
      key.shift = !!(modifier & 1);
      key.code = code;
      const withModifier = CODE_WITH_MODIFIER[code];
      if (withModifier !== undefined && Object.hasOwn(CODE_WITH_MODIFIER, code)) {
        key.name = withModifier[0];
        key[withModifier[1]] = true;
      } else {
        key.name = Object.hasOwn(CODE_NAMES, code) ? CODE_NAMES[code] : "undefined";
      }
    } else if (ch === "\r") {
      key.name = "return";
      key.meta = escaped;
    } else if (ch === "\n") {
      key.name = "enter";
      key.meta = escaped;
    } else if (ch === "\t") {
      key.name = "tab";
      key.meta = escaped;
    } else if (ch === "\b" || ch === "\x7f") {
      key.name = "backspace";
      key.meta = escaped;
    } else if (ch === ESC) {
      key.name = "escape";
      key.meta = escaped;
    } else if (ch === " ") {
      key.name = "space";
      key.meta = escaped;
    } else if (!escaped && ch <= "\x1a") {
      // ctrl+letter
      key.name = String.fromCharCode(ch.charCodeAt(0) + 96);
      key.ctrl = true;
    } else if (/^[0-9A-Za-z]$/.test(ch)) {
      key.name = ch.toLowerCase();
      key.shift = /^[A-Z]$/.test(ch);
      key.meta = escaped;
    } else if (escaped) {
      // An escape sequence that timed out is the escape key.
      key.name = ch.length ? undefined : "escape";
      key.meta = true;
    }
    key.sequence = seq;
    if (seq.length !== 0 && (key.name !== undefined || escaped)) {
      stream.emit("keypress", escaped ? undefined : seq, key);
    } else if (charLengthAt(seq, 0) === seq.length) {
      // A single unnamed character, such as "."
      stream.emit("keypress", seq, key);
    }
    // Anything else is a broken sequence: no event.
  }
}

function newKeyReader(stream) {
  const reader = readKeys(stream);
  reader.next();
  return reader;
}

/**
 * readline.emitKeypressEvents(stream, iface): 'keypress' events on `stream` while it
 * has 'keypress' listeners (installed once per stream). `iface` (an Interface) gets
 * isCompletionEnabled: a tab completes only as the last character of its chunk.
 */
function emitKeypressEvents(stream, iface = {}) {
  if (stream[kDecoder]) return;
  stream[kDecoder] = new StringDecoder("utf8");
  stream[kKeyReader] = newKeyReader(stream);
  const escapeCodeTimeout =
    iface.escapeCodeTimeout === undefined ? ESCAPE_CODE_TIMEOUT : iface.escapeCodeTimeout;
  let timeout;
  const flushEscape = () => stream[kKeyReader].next("");

  function onData(input) {
    if (stream.listenerCount("keypress") === 0) {
      // Nobody listens: wait for a listener before decoding again.
      stream.removeListener("data", onData);
      stream.on("newListener", onNewListener);
      return;
    }
    const text = stream[kDecoder].write(input);
    if (!text) return;
    clearTimeout(timeout);
    iface.isCompletionEnabled = false;
    let length = 0;
    for (const ch of text) {
      length += ch.length;
      if (length === text.length) iface.isCompletionEnabled = true;
      try {
        stream[kKeyReader].next(ch);
        if (length === text.length && ch === ESC)
          timeout = setTimeout(flushEscape, escapeCodeTimeout);
      } catch (err) {
        // A 'keypress' listener threw: start a fresh reader, then let it through.
        stream[kKeyReader] = newKeyReader(stream);
        throw err;
      }
    }
  }

  function onNewListener(event) {
    if (event !== "keypress") return;
    stream.on("data", onData);
    stream.removeListener("newListener", onNewListener);
  }

  if (stream.listenerCount("keypress") > 0) stream.on("data", onData);
  else stream.on("newListener", onNewListener);
}

// ---- character measures ---------------------------------------------------------------

/** UTF-16 units of the character at i (2 for an astral one). */
function charLengthAt(str, i) {
  if (str.length <= i) return 1;
  return str.codePointAt(i) >= 0x10000 ? 2 : 1;
}

/** UTF-16 units of the character left of i. */
function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  if ((i > 1 && str.codePointAt(i - 2) >= 0x10000) || str.codePointAt(i - 1) >= 0x10000) return 2;
  return 1;
}

/** Columns a string (without control sequences) takes on a terminal. */
const stringWidth = require("jaunt:internals").stringWidth;

module.exports = { emitKeypressEvents, charLengthAt, charLengthLeft, stringWidth };
