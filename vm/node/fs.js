// Node's `fs` (and the promises behind `fs/promises`), guest side, over the runtime's
// host operations (vm/host-ops/fs.ts). Every call needs the `fs` capability; without it
// the call fails with an Error whose code is ERR_JAUNT_CAPABILITY.
//
// Each API is written once as a plan — which host operation, with which arguments,
// and how its result becomes the API's result — and run three ways: synchronously
// (fs.xSync), as a promise (fs/promises) or with a callback (fs.x). An asynchronous
// run is a pending host operation in the VM's state, so a snapshot can be taken while
// it is in flight (see the README: reads are re-issued on resume, writes failed).
// Host failures arrive as plain records and become Node's errors here (uvError).
//
// File descriptors are guest data: fds.get(fd) = { id, seekable, append, position },
// where `id` names the host resource (the live host fd stays on the host side). Reads
// and writes at the current position pass it explicitly, so a file reopened after a
// resume in another process goes on where it was.
"use strict";

const { hostCall } = require("jaunt:internals");
const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, nodeError } = require("internal/errors");

const S_IFMT = 0o170000;
const FILE_TYPES = {
  0o100000: 1,
  0o040000: 2,
  0o120000: 3,
  0o010000: 4,
  0o140000: 5,
  0o020000: 6,
  0o060000: 7,
};
const kType = Symbol("type");

/** A host failure record → Node's error (errno, code, syscall, path, dest, message). */
function uvError(e) {
  if (typeof e !== "object" || e === null || e instanceof Error || typeof e.syscall !== "string")
    return e;
  const err = new Error(e.message);
  err.errno = e.errno;
  err.code = e.code;
  err.syscall = e.syscall;
  if (e.path !== undefined) err.path = e.path;
  if (e.dest !== undefined) err.dest = e.dest;
  return err;
}

function runSync(plan) {
  let r;
  try {
    r = hostCall(`fs.${plan.op}Sync`, plan.args, undefined, `fs.${plan.api}Sync`);
  } catch (e) {
    throw uvError(e);
  }
  return plan.finish === undefined ? r : plan.finish(r);
}

function runAsync(plan, api) {
  if (plan.op === undefined) return Promise.resolve(plan.value);
  let started;
  try {
    const cap = {};
    cap.promise = new Promise((resolve, reject) => {
      cap.resolve = resolve;
      cap.reject = reject;
    });
    hostCall(`fs.${plan.op}`, plan.args, cap, api);
    started = cap.promise;
  } catch (e) {
    started = Promise.reject(e);
  }
  return started.then(plan.finish, (e) => {
    throw uvError(e);
  });
}

// ---- arguments -----------------------------------------------------------------------

function toPath(p, name = "path") {
  if (typeof p === "string") return p;
  if (Buffer.isBuffer(p)) return p.toString();
  if (p instanceof URL) {
    if (p.protocol !== "file:")
      throw nodeError(TypeError, "ERR_INVALID_URL_SCHEME", "The URL must be of scheme file");
    return decodeURIComponent(p.pathname);
  }
  throw ERR_INVALID_ARG_TYPE(name, ["string", "Buffer", "URL"], p);
}

// (No object spread or argument spreading on these paths: each costs hundreds of steps.)
function options(o, defaults) {
  const out = { encoding: defaults.encoding, flag: defaults.flag, mode: defaults.mode };
  if (o === undefined || o === null || typeof o === "function") return out;
  if (typeof o === "string") {
    out.encoding = o;
    return out;
  }
  if (typeof o !== "object") throw ERR_INVALID_ARG_TYPE("options", ["string", "Object"], o);
  if (o.encoding !== undefined) out.encoding = o.encoding;
  if (o.flag !== undefined) out.flag = o.flag;
  if (o.mode !== undefined) out.mode = o.mode;
  return out;
}

let warnedRecursiveRmdir = false;
function warnRecursiveRmdir() {
  if (warnedRecursiveRmdir) return;
  warnedRecursiveRmdir = true;
  require("jaunt:internals").emitWarning(
    "In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. " +
      "Use fs.rm(path, { recursive: true }) instead",
    "DeprecationWarning",
    "DEP0147",
  );
}

/** An options argument as Node's validateObject takes it: null or a non-array object. */
function isOptions(o) {
  return o === null || (typeof o === "object" && !Array.isArray(o));
}

function toMode(mode, def) {
  if (mode === undefined || mode === null) return def;
  return typeof mode === "string" ? parseInt(mode, 8) : mode;
}

/** A time as utimes takes it: seconds (a number or numeric string) or a Date. */
function toTime(time) {
  if (typeof time === "string" && +time == time) return +time; // eslint-disable-line eqeqeq
  if (Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw ERR_INVALID_ARG_TYPE("time", ["Date", "Time in seconds"], time);
}

/** A uid or gid: an integer from -1 (unchanged) to 2³²-1. */
function toId(id, name) {
  if (typeof id !== "number") throw ERR_INVALID_ARG_TYPE(name, "number", id);
  if (!Number.isInteger(id)) throw ERR_OUT_OF_RANGE(name, "an integer", id);
  if (id < -1 || id > 4294967295) throw ERR_OUT_OF_RANGE(name, ">= -1 && <= 4294967295", id);
  return id;
}

function toBytes(data, encoding) {
  if (typeof data === "string") return Buffer.from(data, encoding || "utf8");
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw ERR_INVALID_ARG_TYPE("data", ["string", "Buffer", "TypedArray", "DataView"], data);
}

function decode(u8, encoding) {
  const b = Buffer.from(u8.buffer, u8.byteOffset, u8.length);
  return encoding && encoding !== "buffer" ? b.toString(encoding) : b;
}

// ---- file descriptors ------------------------------------------------------------------

const fds = new Map();

function fdRecord(fd, syscall) {
  if (typeof fd !== "number") throw ERR_INVALID_ARG_TYPE("fd", "number", fd);
  const rec = fds.get(fd);
  if (rec === undefined) {
    const e = new Error(`EBADF: bad file descriptor, ${syscall}`);
    e.errno = -9;
    e.code = "EBADF";
    e.syscall = syscall;
    throw e;
  }
  return rec;
}

function allocate([id, seekable], flags) {
  let fd = 3;
  while (fds.has(fd)) fd++;
  const append = typeof flags === "string" ? flags.includes("a") : (flags & 0o2000) !== 0;
  fds.set(fd, { id, seekable, append, position: 0 });
  return fd;
}

/** Where a read or write at `position` goes, and whether it moves the fd's position. */
function where(rec, position) {
  if (position === undefined || position === null || position === -1 || position === -1n) {
    const moves = rec.seekable && !rec.append;
    return { at: moves ? rec.position : null, moves };
  }
  if (typeof position === "bigint") position = Number(position);
  if (typeof position !== "number") throw ERR_INVALID_ARG_TYPE("position", "number", position);
  return { at: position, moves: false };
}

// ---- Stats and Dirent ------------------------------------------------------------------

function typeOfMode(mode) {
  return FILE_TYPES[mode & S_IFMT];
}

class Stats {
  constructor(d) {
    this.dev = d.dev;
    this.mode = d.mode;
    this.nlink = d.nlink;
    this.uid = d.uid;
    this.gid = d.gid;
    this.rdev = d.rdev;
    this.blksize = d.blksize;
    this.ino = d.ino;
    this.size = d.size;
    this.blocks = d.blocks;
    this.atimeMs = d.atimeMs;
    this.mtimeMs = d.mtimeMs;
    this.ctimeMs = d.ctimeMs;
    this.birthtimeMs = d.birthtimeMs;
    this.atime = new Date(d.atimeMs);
    this.mtime = new Date(d.mtimeMs);
    this.ctime = new Date(d.ctimeMs);
    this.birthtime = new Date(d.birthtimeMs);
  }
  isFile() {
    return typeOfMode(this.mode) === 1;
  }
  isDirectory() {
    return typeOfMode(this.mode) === 2;
  }
  isSymbolicLink() {
    return typeOfMode(this.mode) === 3;
  }
  isFIFO() {
    return typeOfMode(this.mode) === 4;
  }
  isSocket() {
    return typeOfMode(this.mode) === 5;
  }
  isCharacterDevice() {
    return typeOfMode(this.mode) === 6;
  }
  isBlockDevice() {
    return typeOfMode(this.mode) === 7;
  }
}

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isFile() {
    return this[kType] === 1;
  }
  isDirectory() {
    return this[kType] === 2;
  }
  isSymbolicLink() {
    return this[kType] === 3;
  }
  isFIFO() {
    return this[kType] === 4;
  }
  isSocket() {
    return this[kType] === 5;
  }
  isCharacterDevice() {
    return this[kType] === 6;
  }
  isBlockDevice() {
    return this[kType] === 7;
  }
}

// ---- Dir (fs.opendir) ------------------------------------------------------------------

// A Dir holds its whole entry list as guest data, read by the host when it opens (in
// the OS's order, as Node's reads come): nothing stays open on the host, so an open
// Dir survives a snapshot and a resume anywhere.
const kDirPath = Symbol("kDirPath");
const kDirEntries = Symbol("kDirEntries");
const kDirNext = Symbol("kDirNext");
const kDirClosed = Symbol("kDirClosed");

function dirClosed() {
  return nodeError(Error, "ERR_DIR_CLOSED", "Directory handle was closed");
}

class Dir {
  constructor(path, list) {
    this[kDirPath] = path;
    this[kDirEntries] = list;
    this[kDirNext] = 0;
    this[kDirClosed] = false;
  }
  get path() {
    return this[kDirPath];
  }
  readSync() {
    if (this[kDirClosed]) throw dirClosed();
    const list = this[kDirEntries];
    if (this[kDirNext] >= list.length) return null;
    const e = list[this[kDirNext]++];
    return new Dirent(e[0], e[1], this[kDirPath]);
  }
  // A closed Dir throws at once, with or without a callback (as Node's does).
  read(callback) {
    if (callback === undefined) return Promise.resolve(this.readSync());
    if (typeof callback !== "function")
      throw ERR_INVALID_ARG_TYPE("callback", "function", callback);
    const entry = this.readSync();
    process.nextTick(callback, null, entry);
  }
  closeSync() {
    if (this[kDirClosed]) throw dirClosed();
    this[kDirClosed] = true;
    this[kDirEntries] = [];
  }
  close(callback) {
    if (callback !== undefined && typeof callback !== "function")
      throw ERR_INVALID_ARG_TYPE("callback", "function", callback);
    let error = null;
    try {
      this.closeSync();
    } catch (e) {
      error = e;
    }
    if (callback !== undefined) process.nextTick(callback, error);
    else return error === null ? Promise.resolve() : Promise.reject(error);
  }
  async *entries() {
    try {
      for (;;) {
        const entry = await this.read();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      await this.close();
    }
  }
}
Dir.prototype[Symbol.asyncIterator] = Dir.prototype.entries;

const toStats = (d) => new Stats(d);
const nothing = () => undefined;
const identity = (v) => v;

function plan(api, op, args, finish = identity) {
  return { api, op, args, finish };
}

// ---- the plans -----------------------------------------------------------------------------

function writePlan(api, file, bytes, o) {
  if (typeof file === "number") {
    if (file === 1 || file === 2) return stdio(file, bytes);
    const rec = fdRecord(file, "write");
    const w = where(rec, null);
    return plan(api, "write", [rec.id, bytes, w.at], (n) => {
      if (w.moves) rec.position = w.at + n;
    });
  }
  return plan(
    api,
    "writeFile",
    [toPath(file, "file"), bytes, o.flag, toMode(o.mode, 0o666)],
    nothing,
  );
}

/** Writes to fd 1 or 2 go to the VM's stdout/stderr: a plan with no host operation. */
function stdio(fd, bytes) {
  const text = Buffer.from(bytes).toString();
  if (fd === 1) process.stdout.write(text);
  else process.stderr.write(text);
  return { api: "write", op: undefined, value: bytes.length };
}

/** The plans, by API name; each takes the API's arguments (without a callback). */
const PLANS = {
  readFile(path, opts) {
    const o = options(opts, { flag: "r" });
    if (typeof path === "number") {
      const rec = fdRecord(path, "read");
      return plan("readFile", "readAll", [rec.id, rec.seekable ? rec.position : null], (u8) => {
        if (rec.seekable) rec.position += u8.length;
        return decode(u8, o.encoding);
      });
    }
    return plan("readFile", "readFile", [toPath(path), o.flag], (u8) => decode(u8, o.encoding));
  },
  writeFile(file, data, opts) {
    const o = options(opts, { flag: "w", mode: 0o666, encoding: "utf8" });
    return writePlan("writeFile", file, toBytes(data, o.encoding), o);
  },
  appendFile(file, data, opts) {
    const o = options(opts, { flag: "a", mode: 0o666, encoding: "utf8" });
    return writePlan("appendFile", file, toBytes(data, o.encoding), o);
  },
  stat: (path) => plan("stat", "stat", [toPath(path)], toStats),
  lstat: (path) => plan("lstat", "lstat", [toPath(path)], toStats),
  fstat: (fd) => plan("fstat", "fstat", [fdRecord(fd, "fstat").id], toStats),
  readdir(path, opts) {
    const p = toPath(path);
    const withTypes = typeof opts === "object" && opts !== null && opts.withFileTypes === true;
    const encoding = typeof opts === "string" ? opts : opts?.encoding;
    return plan("readdir", "readdir", [p, withTypes], (list) =>
      list.map((e) =>
        withTypes ? new Dirent(e[0], e[1], p) : encoding === "buffer" ? Buffer.from(e) : e,
      ),
    );
  },
  opendir(path, opts) {
    const p = toPath(path);
    if (opts !== undefined && opts !== null && typeof opts !== "object")
      throw ERR_INVALID_ARG_TYPE("options", "Object", opts);
    const size = opts?.bufferSize;
    if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > 4294967295))
      throw ERR_OUT_OF_RANGE("options.bufferSize", ">= 1 && <= 4294967295", size);
    return plan("opendir", "opendir", [p], (list) => new Dir(p, list));
  },
  mkdir(path, opts) {
    const recursive = typeof opts === "object" && opts !== null && opts.recursive === true;
    const mode = toMode(typeof opts === "object" && opts !== null ? opts.mode : opts, 0o777);
    return plan("mkdir", "mkdir", [toPath(path), recursive, mode]);
  },
  mkdtemp(prefix) {
    if (typeof prefix !== "string") throw ERR_INVALID_ARG_TYPE("prefix", "string", prefix);
    return plan("mkdtemp", "mkdtemp", [prefix]);
  },
  rm(path, opts = {}) {
    return plan("rm", "rm", [toPath(path), opts.recursive === true, opts.force === true], nothing);
  },
  rmdir(path, opts) {
    const recursive = isOptions(opts) && opts?.recursive === true;
    const p = toPath(path);
    if (recursive) warnRecursiveRmdir();
    return plan("rmdir", "rmdir", [p, recursive], nothing);
  },
  unlink: (path) => plan("unlink", "unlink", [toPath(path)], nothing),
  rename: (from, to) =>
    plan("rename", "rename", [toPath(from, "oldPath"), toPath(to, "newPath")], nothing),
  copyFile: (from, to, mode = 0) =>
    plan("copyFile", "copyFile", [toPath(from, "src"), toPath(to, "dest"), mode], nothing),
  realpath: (path) => plan("realpath", "realpath", [toPath(path)]),
  access: (path, mode = 0) => plan("access", "access", [toPath(path), mode], nothing),
  chmod: (path, mode) => plan("chmod", "chmod", [toPath(path), toMode(mode, 0)], nothing),
  truncate: (path, len = 0) => plan("truncate", "truncate", [toPath(path), len], nothing),
  ftruncate: (fd, len = 0) =>
    plan("ftruncate", "ftruncate", [fdRecord(fd, "ftruncate").id, len], nothing),
  symlink: (target, path, type) =>
    plan("symlink", "symlink", [toPath(target, "target"), toPath(path), type ?? null], nothing),
  readlink(path, opts) {
    const encoding = typeof opts === "string" ? opts : opts?.encoding;
    return plan("readlink", "readlink", [toPath(path)], (link) =>
      encoding === "buffer" ? Buffer.from(link) : link,
    );
  },
  link: (existing, path) =>
    plan("link", "link", [toPath(existing, "existingPath"), toPath(path, "newPath")], nothing),
  utimes: (path, atime, mtime) =>
    plan("utimes", "utimes", [toPath(path), toTime(atime), toTime(mtime)], nothing),
  lutimes: (path, atime, mtime) =>
    plan("lutimes", "lutimes", [toPath(path), toTime(atime), toTime(mtime)], nothing),
  futimes: (fd, atime, mtime) =>
    plan("futimes", "futimes", [fdRecord(fd, "futimes").id, toTime(atime), toTime(mtime)], nothing),
  chown: (path, uid, gid) =>
    plan("chown", "chown", [toPath(path), toId(uid, "uid"), toId(gid, "gid")], nothing),
  lchown: (path, uid, gid) =>
    plan("lchown", "lchown", [toPath(path), toId(uid, "uid"), toId(gid, "gid")], nothing),
  fchown: (fd, uid, gid) =>
    plan(
      "fchown",
      "fchown",
      [fdRecord(fd, "fchown").id, toId(uid, "uid"), toId(gid, "gid")],
      nothing,
    ),
  fchmod: (fd, mode) =>
    plan("fchmod", "fchmod", [fdRecord(fd, "fchmod").id, toMode(mode, 0)], nothing),
  fsync: (fd) => plan("fsync", "fsync", [fdRecord(fd, "fsync").id], nothing),
  fdatasync: (fd) => plan("fdatasync", "fdatasync", [fdRecord(fd, "fdatasync").id], nothing),
  open(path, flags, mode) {
    const f = flags === undefined || flags === null ? "r" : flags;
    return plan("open", "open", [toPath(path), f, toMode(mode, 0o666)], (opened) =>
      allocate(opened, f),
    );
  },
  close(fd) {
    const rec = fdRecord(fd, "close");
    return plan("close", "close", [rec.id], () => {
      fds.delete(fd);
    });
  },
  // read(fd, buffer, offset, length, position) or read(fd, buffer, { offset, length, position })
  read(fd, buffer, offset, length, position) {
    const rec = fdRecord(fd, "read");
    if (!ArrayBuffer.isView(buffer))
      throw ERR_INVALID_ARG_TYPE("buffer", ["Buffer", "TypedArray", "DataView"], buffer);
    if (isOptions(offset)) ({ offset = 0, length, position } = offset ?? {});
    else if (offset !== undefined && typeof offset !== "number") {
      if (length === undefined && position === undefined)
        throw ERR_INVALID_ARG_TYPE("options", "object", offset);
      throw ERR_INVALID_ARG_TYPE("offset", "number", offset);
    }
    if (offset === undefined) offset = 0;
    if (length === undefined) length = buffer.byteLength - offset;
    const w = where(rec, position);
    return plan("read", "read", [rec.id, length, w.at], (u8) => {
      new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).set(u8, offset);
      if (w.moves) rec.position = w.at + u8.length;
      return u8.length;
    });
  },
  // write(fd, buffer, offset, length, position) or write(fd, string, position, encoding)
  write(fd, data, a, b, c) {
    let bytes, position;
    if (typeof data === "string") {
      bytes = Buffer.from(data, b === undefined ? "utf8" : b);
      position = a;
    } else {
      let offset = a ?? 0;
      if (typeof a === "object" && a !== null) {
        offset = a.offset ?? 0;
        b = a.length;
        c = a.position;
      }
      const length = b ?? data.byteLength - offset;
      bytes = new Uint8Array(data.buffer, data.byteOffset + offset, length);
      position = c;
    }
    if (fd === 1 || fd === 2) return stdio(fd, bytes);
    const rec = fdRecord(fd, "write");
    const w = where(rec, position);
    return plan("write", "write", [rec.id, bytes, w.at], (n) => {
      if (w.moves) rec.position = w.at + n;
      return n;
    });
  },
};

const NAMES = Object.keys(PLANS);

// Functions are named through computed keys: Object.defineProperty costs ~200 steps.
function syncForm(name) {
  const make = PLANS[name];
  return {
    [`${name}Sync`](a, b, c, d, e) {
      // readSync(fd, buffer, x): as in Node, a third and last argument must be options.
      if (name === "read" && arguments.length <= 3 && c !== undefined && !isOptions(c))
        throw ERR_INVALID_ARG_TYPE("options", "object", c);
      const p = make(a, b, c, d, e);
      return p.op === undefined ? p.value : runSync(p);
    },
  }[`${name}Sync`];
}

function promiseForm(name, api) {
  const make = PLANS[name];
  return {
    [name](a, b, c, d, e) {
      let p;
      try {
        p = make(a, b, c, d, e);
      } catch (e) {
        return Promise.reject(e);
      }
      return runAsync(p, api);
    },
  }[name];
}

/**
 * The callback form: bad arguments throw at once, as Node's do; the callback runs on
 * a tick (so what it throws is an uncaught exception, as in Node) with (err, result),
 * or (err, bytes, buffer) for read and write.
 */
function callbackForm(name) {
  const make = PLANS[name];
  const withBuffer = name === "read" || name === "write";
  return {
    [name]() {
      const n = arguments.length - 1;
      const cb = arguments[n];
      if (typeof cb !== "function") throw ERR_INVALID_ARG_TYPE("cb", "function", cb);
      const a = [undefined, undefined, undefined, undefined, undefined];
      for (let i = 0; i < n && i < 5; i++) a[i] = arguments[i];
      // fs.read(fd[, options], cb): the buffer comes in the options, or is a new 16 KiB.
      if (name === "read" && n <= 2 && !ArrayBuffer.isView(a[1])) {
        const params = a[1] ?? {};
        if (!isOptions(params)) throw ERR_INVALID_ARG_TYPE("options", "object", params);
        a[1] = params.buffer ?? Buffer.alloc(16384);
        a[2] = params;
      }
      const p = make(a[0], a[1], a[2], a[3], a[4]);
      runAsync(p, `fs.${name}`).then(
        (v) => (withBuffer ? process.nextTick(cb, null, v, a[1]) : process.nextTick(cb, null, v)),
        (e) => process.nextTick(cb, e),
      );
    },
  }[name];
}

// ---- fs/promises and FileHandle --------------------------------------------------------

// Indexed loops: module set-up runs on every first require, and for-of costs more.
const raw = {};
for (let i = 0; i < NAMES.length; i++)
  raw[NAMES[i]] = promiseForm(NAMES[i], `filehandle.${NAMES[i]}`);

class FileHandle {
  constructor(fd) {
    this.fd = fd;
  }
  async read(buffer, offset, length, position) {
    if (buffer === undefined) buffer = Buffer.alloc(16384);
    else if (!ArrayBuffer.isView(buffer) && typeof buffer === "object") {
      ({ offset, length, position } = buffer);
      buffer = buffer.buffer ?? Buffer.alloc(16384);
    }
    const bytesRead = await raw.read(this.fd, buffer, offset, length, position);
    return { bytesRead, buffer };
  }
  async write(data, a, b, c) {
    const bytesWritten = await raw.write(this.fd, data, a, b, c);
    return { bytesWritten, buffer: data };
  }
  readFile(opts) {
    return raw.readFile(this.fd, opts);
  }
  writeFile(data, opts) {
    return raw.writeFile(this.fd, data, opts);
  }
  appendFile(data, opts) {
    return raw.writeFile(this.fd, data, opts);
  }
  stat() {
    return raw.fstat(this.fd);
  }
  truncate(len) {
    return raw.ftruncate(this.fd, len);
  }
  utimes(atime, mtime) {
    return raw.futimes(this.fd, atime, mtime);
  }
  chown(uid, gid) {
    return raw.fchown(this.fd, uid, gid);
  }
  chmod(mode) {
    return raw.fchmod(this.fd, mode);
  }
  sync() {
    return raw.fsync(this.fd);
  }
  datasync() {
    return raw.fdatasync(this.fd);
  }
  close() {
    const fd = this.fd;
    if (fd === -1) return Promise.resolve();
    if (this.#closedBy !== null) return this.#closedBy().then(() => undefined);
    this.fd = -1;
    return raw.close(fd);
  }
  async readv(buffers, position) {
    let bytesRead = 0;
    for (const buffer of buffers) {
      const at = typeof position === "number" ? position + bytesRead : null;
      const n = await raw.read(this.fd, buffer, 0, buffer.byteLength, at);
      bytesRead += n;
      if (n < buffer.byteLength) break;
    }
    return { __proto__: null, bytesRead, buffers };
  }
  async writev(buffers, position) {
    let bytesWritten = 0;
    for (const buffer of buffers) {
      const at = typeof position === "number" ? position + bytesWritten : null;
      bytesWritten += await raw.write(this.fd, buffer, 0, buffer.byteLength, at);
    }
    return { __proto__: null, bytesWritten, buffers };
  }
  /** Streams over this handle's fd; one that closes it (autoClose) closes the handle. */
  createReadStream(options) {
    return this.#stream(exports.createReadStream, options);
  }
  createWriteStream(options) {
    return this.#stream(exports.createWriteStream, options);
  }
  #stream(create, options) {
    const stream = create(null, { ...options, fd: this.fd });
    if (options?.autoClose !== false) {
      // The stream closes the fd: close() waits for it (destroying it if need be).
      const closing = new Promise((resolve) => stream.once("close", resolve));
      this.#closedBy = () => {
        stream.destroy();
        return closing;
      };
      closing.then(() => {
        this.fd = -1;
      });
    }
    return stream;
  }
  #closedBy = null;
  readLines(options) {
    const input = this.createReadStream(options);
    return require("readline").createInterface({ input, crlfDelay: Infinity });
  }
  [Symbol.asyncDispose]() {
    return this.close();
  }
}

// The host platform's numbers, as Node's fs.constants gives them.
const constants = hostCall("fs.constants", [], undefined, "fs.constants");

/** APIs on file descriptors: fs/promises has them as FileHandle methods instead. */
const FD_ONLY = {
  fstat: true,
  ftruncate: true,
  close: true,
  read: true,
  write: true,
  futimes: true,
  fchown: true,
  fchmod: true,
  fsync: true,
  fdatasync: true,
};
const promises = {};
for (let i = 0; i < NAMES.length; i++) {
  const name = NAMES[i];
  if (FD_ONLY[name] !== true) promises[name] = promiseForm(name, `fs.promises.${name}`);
}
const openFd = promises.open;
promises.open = async function open(path, flags, mode) {
  return new FileHandle(await openFd(path, flags, mode));
};
promises.constants = constants;
// readFile's `signal`: an aborted signal rejects it with an AbortError, before the read
// or once it is done (Node checks between chunks: the outcome is the same).
const readFileUnsignalled = promises.readFile;
promises.readFile = async function readFile(path, options) {
  const signal = options !== null && typeof options === "object" ? options.signal : undefined;
  const { validateAbortSignal } = require("internal/validators");
  validateAbortSignal(signal, "options.signal");
  const { AbortError } = require("internal/errors");
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
  const data = await readFileUnsignalled(path, options);
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
  return data;
};

// ---- the module ------------------------------------------------------------------------

for (let i = 0; i < NAMES.length; i++) {
  exports[NAMES[i]] = callbackForm(NAMES[i]);
  exports[`${NAMES[i]}Sync`] = syncForm(NAMES[i]);
}
exports._toUnixTimestamp = toTime;
exports.existsSync = function existsSync(path) {
  let p;
  try {
    p = toPath(path);
  } catch {
    return false;
  }
  return hostCall("fs.existsSync", [p], undefined, "fs.existsSync");
};
exports.exists = function exists(path, cb) {
  if (typeof cb !== "function") throw ERR_INVALID_ARG_TYPE("cb", "function", cb);
  let p;
  try {
    p = toPath(path);
  } catch {
    return cb(false); // an invalid path does not exist (at once, as in Node)
  }
  runAsync(plan("exists", "exists", [p]), "fs.exists").then(
    (v) => process.nextTick(cb, v),
    () => process.nextTick(cb, false),
  );
};
exports.realpathSync.native = exports.realpathSync;
exports.realpath.native = exports.realpath;
exports.Stats = Stats;
exports.Dirent = Dirent;
exports.Dir = Dir;
exports.constants = constants;
exports.F_OK = 0;
exports.R_OK = 4;
exports.W_OK = 2;
exports.X_OK = 1;
exports.promises = promises;

// Watchers load events on their first use (vm/node/internal/fs-watch.js).
let fsWatch;
const watching = () =>
  fsWatch ||
  (fsWatch = require("internal/fs-watch")({ toPath, Stats, stat: exports.stat, uvError }));
exports.watch = function watch(filename, options, listener) {
  return watching().watch(filename, options, listener);
};
exports.watchFile = function watchFile(filename, options, listener) {
  return watching().watchFile(filename, options, listener);
};
exports.unwatchFile = function unwatchFile(filename, listener) {
  return watching().unwatchFile(filename, listener);
};

// Streams load node:stream on their first use, not with fs (vm/node/internal/fs-streams.js).
let fsStreams;
const streams = () => fsStreams || (fsStreams = require("internal/fs-streams"));
exports.createReadStream = function createReadStream(path, options) {
  return new (streams().ReadStream)(path, options);
};
exports.createWriteStream = function createWriteStream(path, options) {
  return new (streams().WriteStream)(path, options);
};
Object.defineProperties(exports, {
  ReadStream: { get: () => streams().ReadStream, enumerable: true, configurable: true },
  WriteStream: { get: () => streams().WriteStream, enumerable: true, configurable: true },
});
