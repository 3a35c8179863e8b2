"use strict";
// Stand-in for node's test/common/countdown.js: calls back once after `limit` dec()s.

const { mustCall } = require("./index");

class Countdown {
  constructor(limit, callback) {
    this.remaining = limit;
    this.callback = mustCall(callback);
  }

  dec() {
    if (this.remaining <= 0) throw new Error("Countdown decremented below zero");
    if (--this.remaining === 0) this.callback();
    return this.remaining;
  }
}

module.exports = Countdown;
