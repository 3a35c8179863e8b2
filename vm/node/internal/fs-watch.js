// fs.watch (FSWatcher over the host's watcher: vm/host-ops/fs.ts "fs.watchStart" and a
// pending "fs.watchNext" for its events) and fs.watchFile (StatWatcher: a guest
// interval timer that stats the file, as libuv's fs_poll does). Both keep the program
// alive unless `persistent: false` or unref(); close()/unwatchFile stop them. Loaded
// on the first watch; `fs` hands in what it shares (toPath, Stats, stat).
"use strict";

const EventEmitter = require("events");
const { hostCall } = require("jaunt:internals");
const { pending, setRef } = require("internal/host-io");
const { ERR_INVALID_ARG_TYPE } = require("internal/errors");

module.exports = function makeWatch({ toPath, Stats, stat, uvError }) {
  // ---- fs.watch ----------------------------------------------------------------------

  class FSWatcher extends EventEmitter {
    constructor(id, ref, encoding) {
      super();
      this._id = id;
      this._ref = ref;
      this._encoding = encoding;
      this._cap = null;
      this._next();
    }
    _next() {
      if (this._id === null) return;
      const cap = pending("fs.watchNext", [this._id], "fs.watch", this._ref);
      this._cap = cap;
      cap.promise.then(
        (list) => {
          this._cap = null;
          if (this._id === null) return;
          if (list === null) return this.close();
          for (let i = 0; i < list.length && this._id !== null; i++) {
            const name = list[i][1];
            const shown = name !== null && this._encoding === "buffer" ? Buffer.from(name) : name;
            this.emit("change", list[i][0], shown);
          }
          this._next();
        },
        (e) => {
          this._cap = null;
          if (this._id === null) return;
          this.emit("error", uvError(e));
          this.close();
        },
      );
    }
    close() {
      if (this._id === null) return;
      hostCall("fs.watchClose", [this._id], undefined, "fs.watch");
      this._id = null;
      process.nextTick(() => this.emit("close"));
    }
    ref() {
      this._ref = true;
      setRef(this._cap, true);
      return this;
    }
    unref() {
      this._ref = false;
      setRef(this._cap, false);
      return this;
    }
  }

  function watch(filename, options, listener) {
    if (typeof options === "function") {
      listener = options;
      options = undefined;
    }
    if (typeof options === "string") options = { encoding: options };
    else if (options === undefined || options === null) options = {};
    else if (typeof options !== "object") throw ERR_INVALID_ARG_TYPE("options", "Object", options);
    const path = toPath(filename, "filename");
    let id;
    try {
      id = hostCall("fs.watchStart", [path, options.recursive === true], undefined, "fs.watch");
    } catch (e) {
      const err = uvError(e);
      if (err && err.path !== undefined) err.filename = err.path;
      throw err;
    }
    const w = new FSWatcher(id, options.persistent !== false, options.encoding);
    if (listener !== undefined) w.on("change", listener);
    const signal = options.signal;
    if (signal) {
      if (signal.aborted) process.nextTick(() => w.close());
      else signal.addEventListener("abort", () => w.close(), { once: true });
    }
    return w;
  }

  // ---- fs.watchFile ------------------------------------------------------------------

  const ZERO = new Stats({
    dev: 0,
    mode: 0,
    nlink: 0,
    uid: 0,
    gid: 0,
    rdev: 0,
    blksize: 0,
    ino: 0,
    size: 0,
    blocks: 0,
    atimeMs: 0,
    mtimeMs: 0,
    ctimeMs: 0,
    birthtimeMs: 0,
  });
  const COMPARED = [
    "ctimeMs",
    "mtimeMs",
    "birthtimeMs",
    "size",
    "mode",
    "uid",
    "gid",
    "ino",
    "dev",
  ];

  function sameStats(a, b) {
    for (let i = 0; i < COMPARED.length; i++) if (a[COMPARED[i]] !== b[COMPARED[i]]) return false;
    return true;
  }

  class StatWatcher extends EventEmitter {
    constructor(path, persistent, interval) {
      super();
      this._path = path;
      this._prev = ZERO;
      this._state = 0; // libuv's busy_polling: 0 before the first stat, 1 found, errno missing
      this._timer = setInterval(() => this._poll(), interval);
      if (!persistent) this._timer.unref();
      this._poll();
    }
    _poll() {
      stat(this._path, (err, st) => {
        if (this._timer === null) return;
        if (err) {
          const code = err.errno === undefined ? -1 : err.errno;
          if (this._state !== code) {
            const prev = this._prev;
            this._state = code;
            this._prev = ZERO;
            this.emit("change", ZERO, prev);
          }
          return;
        }
        const prev = this._prev;
        const changed = this._state < 0 || (this._state === 1 && !sameStats(prev, st));
        this._state = 1;
        this._prev = st;
        if (changed) this.emit("change", st, prev);
      });
    }
    stop() {
      if (this._timer === null) return;
      clearInterval(this._timer);
      this._timer = null;
      process.nextTick(() => this.emit("stop"));
    }
    ref() {
      if (this._timer !== null) this._timer.ref();
      return this;
    }
    unref() {
      if (this._timer !== null) this._timer.unref();
      return this;
    }
  }

  const statWatchers = new Map();

  function watchFile(filename, options, listener) {
    if (typeof options === "function") {
      listener = options;
      options = undefined;
    }
    if (typeof listener !== "function")
      throw ERR_INVALID_ARG_TYPE("listener", "Function", listener);
    const path = require("path").resolve(toPath(filename, "filename"));
    let w = statWatchers.get(path);
    if (w === undefined) {
      const o = options || {};
      w = new StatWatcher(
        path,
        o.persistent !== false,
        o.interval === undefined ? 5007 : o.interval,
      );
      statWatchers.set(path, w);
    }
    w.addListener("change", listener);
    return w;
  }

  function unwatchFile(filename, listener) {
    const path = require("path").resolve(toPath(filename, "filename"));
    const w = statWatchers.get(path);
    if (w === undefined) return;
    if (typeof listener === "function") w.removeListener("change", listener);
    else w.removeAllListeners("change");
    if (w.listenerCount("change") === 0) {
      w.stop();
      statWatchers.delete(path);
    }
  }

  return { watch, watchFile, unwatchFile };
};
