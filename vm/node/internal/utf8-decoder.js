// string_decoder's UTF-8 state machine as Node's C++ one works: a character split
// across chunks waits in a 4-byte buffer; when a byte that should continue it does not,
// the bytes so far decode on their own (Buffer's decoding: one U+FFFD per maximal
// invalid part, as V8 does) and the new byte starts afresh. end() decodes what waits.
"use strict";

/** How many bytes the character led by `byte` has; 0 for a byte that leads none. */
function sequenceLength(byte) {
  if ((byte & 0xe0) === 0xc0) return 2;
  if ((byte & 0xf0) === 0xe0) return 3;
  if ((byte & 0xf8) === 0xf0) return 4;
  return 0;
}

class Utf8Decoder {
  constructor() {
    this.lastChar = Buffer.alloc(4);
    this.lastNeed = 0; // bytes still missing
    this.buffered = 0; // bytes waiting in lastChar
  }

  get lastTotal() {
    return this.buffered + this.lastNeed;
  }

  write(buf) {
    let prefix = "";
    let start = 0;
    if (this.lastNeed > 0) {
      const take = Math.min(buf.length, this.lastNeed);
      let i = 0;
      while (i < take && (buf[i] & 0xc0) === 0x80) i++;
      buf.copy(this.lastChar, this.buffered, 0, i);
      this.buffered += i;
      start = i;
      if (i < take || i === this.lastNeed) {
        prefix = this.lastChar.toString("utf8", 0, this.buffered);
        this.buffered = 0;
        this.lastNeed = 0;
      } else {
        this.lastNeed -= i;
        return "";
      }
    }
    let end = buf.length;
    if (end > start && buf[end - 1] & 0x80) {
      // Where does the last character start, and is it whole?
      for (let i = end - 1, trailing = 1; i >= start; i--, trailing++) {
        if ((buf[i] & 0xc0) === 0x80) {
          if (trailing >= 4) break;
          continue;
        }
        const need = sequenceLength(buf[i]);
        if (need > trailing) {
          buf.copy(this.lastChar, 0, i, end);
          this.buffered = trailing;
          this.lastNeed = need - trailing;
          end = i;
        }
        break;
      }
    }
    return prefix + buf.toString("utf8", start, end);
  }

  end() {
    const rest = this.buffered > 0 ? this.lastChar.toString("utf8", 0, this.buffered) : "";
    this.buffered = 0;
    this.lastNeed = 0;
    return rest;
  }
}

module.exports = { Utf8Decoder };
