// Node's `child_process`, guest side, over the runtime's host operations
// (vm/host-ops/proc.ts). Every call needs the `subprocess` capability.
//
// A child's output and its end arrive as completions of host operations the guest
// keeps pending: `proc.read` on each piped output while its stream wants data, and
// `proc.wait` until it exits. `stdio: "inherit"` output is read the same way and
// copied to this process's stdout/stderr (the VM's own output, which the embedder
// owns). The Sync variants block the host until the child ends, bounded by the VM's
// deadline (see vm/host-ops/proc.ts). fork() runs the module under vmrun with an IPC
// channel (internal/ipc.js).
"use strict";

const EventEmitter = require("events");
const { Readable, Writable } = require("stream");
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, nodeError } = require("internal/errors");
const { pending, now, setRef, uvError, toBuffer } = require("internal/host-io");
const ipc = require("internal/ipc");

const kCustomPromisify = Symbol.for("nodejs.util.promisify.custom");

// ---- arguments ---------------------------------------------------------------------

function normalizeStdio(stdio) {
  if (stdio === undefined || stdio === null) return ["pipe", "pipe", "pipe"];
  if (typeof stdio === "string") {
    if (stdio === "overlapped") stdio = "pipe";
    if (stdio !== "pipe" && stdio !== "ignore" && stdio !== "inherit")
      throw ERR_INVALID_ARG_VALUE("stdio", stdio);
    return [stdio, stdio, stdio];
  }
  if (!Array.isArray(stdio)) throw ERR_INVALID_ARG_VALUE("stdio", stdio);
  const out = [];
  for (let fd = 0; fd < 3; fd++) {
    const v = stdio[fd];
    if (v === undefined || v === null || v === "pipe" || v === "overlapped") out.push("pipe");
    else if (v === "ignore" || v === "inherit") out.push(v);
    else if (v === fd || v === process.stdin || v === process.stdout || v === process.stderr)
      out.push("inherit");
    else if (v === "ipc") out.push("ignore");
    else if (isChildPipe(v))
      out.push({ child: v._child._id, fd: v instanceof ChildInput ? 0 : v._fd });
    else throw ERR_INVALID_ARG_VALUE("stdio", stdio);
  }
  return out;
}

function envOf(env) {
  const out = {};
  const from = env === undefined || env === null ? process.env : env;
  for (const k of Object.keys(from)) if (from[k] !== undefined) out[k] = String(from[k]);
  return out;
}

function noNulBytes(value, name) {
  if (typeof value === "string" && value.includes("\u0000"))
    throw ERR_INVALID_ARG_VALUE(name, value, "must be a string without null bytes");
}

/** (file, [args], [options]) → { file, args, options } with the shell applied, as Node does. */
function normalizeSpawnArgs(file, args, options) {
  if (typeof file !== "string") throw ERR_INVALID_ARG_TYPE("file", "string", file);
  if (file.length === 0) throw ERR_INVALID_ARG_VALUE("file", file, "cannot be empty");
  if (Array.isArray(args)) args = args.slice();
  else if (args === undefined || args === null) args = [];
  else if (typeof args === "object") {
    options = args;
    args = [];
  } else throw ERR_INVALID_ARG_TYPE("args", "object", args);
  if (options === undefined || options === null) options = {};
  else if (typeof options !== "object") throw ERR_INVALID_ARG_TYPE("options", "object", options);
  // As Node: a string with a NUL byte is refused; anything else becomes its string.
  noNulBytes(file, "file");
  args.forEach((a, i) => noNulBytes(a, `args[${i}]`));
  args = args.map((a) => `${a}`);
  if (options.shell) {
    const command = [file, ...args].join(" ");
    file = typeof options.shell === "string" ? options.shell : "/bin/sh";
    args = ["-c", command];
  }
  return { file, args, options };
}

function hostOptions(options, stdio) {
  return {
    cwd: options.cwd === undefined || options.cwd === null ? null : String(options.cwd),
    env: envOf(options.env),
    stdio,
    argv0: typeof options.argv0 === "string" ? options.argv0 : null,
    detached: options.detached === true,
    node: options._node === true,
    jaunt: options._jaunt === true,
    ipc: options._ipc === true,
  };
}

// ---- ChildProcess ------------------------------------------------------------------

/**
 * Another child's pipe given as a stdio entry (`spawn("grep", [], { stdio: [cat.stdout] })`):
 * the new child reads or writes that pipe (the host carries the bytes), as in Node.
 */
function isChildPipe(v) {
  return (v instanceof ChildOutput || v instanceof ChildInput) && v._child._id !== null;
}

/** A child's piped output: a Readable that keeps one proc.read pending while flowing. */
class ChildOutput extends Readable {
  constructor(child, fd) {
    super();
    this._child = child;
    this._fd = fd;
    this._cap = null;
    this._inChild = false; // given to another child as its stdio: this side reads nothing
  }
  /**
   * Given to another child: as Node stops reading the pipe (readStop, paused), this side
   * reads nothing (the host carries the bytes to that child while it runs) and a pending
   * read no longer keeps the program alive, until this side is read again.
   */
  _giveToChild() {
    this._inChild = true;
    this.pause();
    this._readableState.reading = false;
    setRef(this._cap, false);
  }
  _read() {
    if (this._inChild) {
      this._inChild = false;
      setRef(this._cap, this._child._ref);
    }
    if (this._cap !== null || this._child._id === null) return;
    const cap = pending(
      "proc.read",
      [this._child._id, this._fd],
      "child_process.read",
      this._child._ref,
    );
    this._cap = cap;
    cap.promise.then(
      (chunk) => {
        this._cap = null;
        this.push(chunk === null ? null : toBuffer(chunk));
      },
      (e) => {
        this._cap = null;
        // A severed child (a resume in another process) says so once, by its 'error'.
        if (e && e.code === "ERR_JAUNT_SEVERED") this.push(null);
        else this.destroy(uvError(e));
      },
    );
  }
}

/** A stdin operation's failure; a severed child (resumed elsewhere) says so by its own 'error'. */
function inputFailure(cb) {
  return (e) => cb(e && e.code === "ERR_JAUNT_SEVERED" ? undefined : uvError(e));
}

/** A child's stdin. */
class ChildInput extends Writable {
  constructor(child) {
    super();
    this._child = child;
  }
  _write(chunk, encoding, cb) {
    if (this._child._id === null) return cb();
    pending("proc.write", [this._child._id, chunk], "child_process.stdin.write").promise.then(
      () => cb(),
      inputFailure(cb),
    );
  }
  _final(cb) {
    if (this._child._id === null) return cb();
    pending("proc.endInput", [this._child._id], "child_process.stdin.end").promise.then(
      () => cb(),
      inputFailure(cb),
    );
  }
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._id = null;
    this._ref = true;
    this._waitCap = null;
    this._outputs = []; // the ChildOutput streams (piped or inherited)
    this._open = 0; // outputs not closed yet
    this._exit = null;
    this._recvCap = null; // the pending read of a forked child's messages
    this.pid = undefined;
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [null, null, null];
    this.exitCode = null;
    this.signalCode = null;
    this.killed = false;
    this.connected = false;
    this.spawnfile = undefined;
    this.spawnargs = [];
  }

  spawn(options) {
    const { file, args } = options;
    const stdio = normalizeStdio(options.stdio);
    this.spawnfile = file;
    this.spawnargs = [options.argv0 || file, ...args];
    const [id, pid] = now(
      "proc.spawn",
      [file, args, hostOptions(options, stdio)],
      "child_process.spawn",
    );
    this._id = id;
    if (pid !== null) this.pid = pid;
    if (stdio[0] === "pipe") this.stdin = new ChildInput(this);
    if (Array.isArray(options.stdio))
      for (const entry of options.stdio)
        if (entry instanceof ChildOutput && isChildPipe(entry)) entry._giveToChild();
    for (const fd of [1, 2]) {
      if (stdio[fd] === "ignore" || typeof stdio[fd] === "object") continue;
      const out = new ChildOutput(this, fd);
      this._outputs.push(out);
      this._open++;
      out.once("close", () => {
        this._open--;
        this._maybeClose();
      });
      if (stdio[fd] === "inherit") {
        const sink = fd === 1 ? process.stdout : process.stderr;
        out.on("data", (b) => sink.write(b));
      } else if (fd === 1) this.stdout = out;
      else this.stderr = out;
      // As Node does: output is read from the start (buffered until consumed).
      out.read(0);
    }
    this.stdio = [this.stdin, this.stdout, this.stderr];
    if (options._ipc === true && pid !== null) {
      this.connected = true;
      this._receive();
    }
    this._waitCap = pending("proc.wait", [id], "child_process.wait", this._ref);
    this._waitCap.promise.then(
      (r) => {
        this._waitCap = null;
        if (r.error !== undefined) this._failed(uvError(r.error));
        else if (this.connected) {
          // Its last messages and the channel's end come before 'exit'.
          ipc.deliver(this, now("proc.takeMessages", [id], "child_process.recv"));
          ipc.disconnected(this);
          process.nextTick(() => this._exited(r.code, r.signal));
        } else this._exited(r.code, r.signal);
      },
      (e) => {
        this._waitCap = null;
        this._failed(uvError(e));
      },
    );
    if (pid !== null) process.nextTick(() => this.emit("spawn"));
    return this;
  }

  /** Keeps a read of a forked child's messages pending while the channel is open. */
  _receive() {
    if (!this.connected || this._recvCap !== null || this._id === null) return;
    // Unref'd: the child itself (proc.wait) keeps the program alive, as in Node.
    const cap = pending("proc.recv", [this._id], "child_process.recv", false);
    this._recvCap = cap;
    cap.promise.then(
      (list) => {
        this._recvCap = null;
        if (!this.connected) return;
        if (list === null) return ipc.disconnected(this);
        ipc.deliver(this, list);
        this._receive();
      },
      () => {
        this._recvCap = null;
        ipc.disconnected(this);
      },
    );
  }

  _failed(err) {
    this.connected = false;
    this._exit = [err.errno === undefined ? -1 : err.errno, null];
    if (this.stdin) this.stdin.destroy();
    for (const s of this._outputs) s.destroy();
    this.emit("error", err);
    this._maybeClose();
  }

  _exited(code, signal) {
    this.exitCode = code;
    this.signalCode = signal;
    this._exit = [code, signal];
    if (this.stdin) this.stdin.destroy();
    this.emit("exit", code, signal);
    // As Node does: output nobody listens to is let flow away, so 'close' comes.
    for (const s of this._outputs)
      if (s._readableState.flowing === null && !s._readableState.readableListening && !s._inChild)
        s.resume();
    this._maybeClose();
  }

  _maybeClose() {
    if (this._exit === null || this._open > 0 || this._id === null) return;
    const id = this._id;
    this._id = null;
    now("proc.release", [id], "child_process.release");
    this.emit("close", this._exit[0], this._exit[1]);
  }

  kill(signal = "SIGTERM") {
    if (this._id === null || this._exit !== null) return false;
    const sent = now("proc.kill", [this._id, signal], "child_process.kill");
    if (sent) this.killed = true;
    return sent;
  }

  ref() {
    this._ref = true;
    setRef(this._waitCap, true);
    for (const s of this._outputs) setRef(s._cap, true);
  }

  unref() {
    this._ref = false;
    setRef(this._waitCap, false);
    for (const s of this._outputs) setRef(s._cap, false);
  }

  send(message, handle, options, callback) {
    return ipc.send(
      this,
      (json) => pending("proc.send", [this._id, json], "child_process.send").promise,
      message,
      handle,
      options,
      callback,
    );
  }

  disconnect() {
    if (!this.connected) {
      this.emit("error", ipc.alreadyDisconnected());
      return;
    }
    now("proc.disconnect", [this._id], "child_process.disconnect");
    ipc.disconnected(this);
  }
}

function spawn(file, args, options) {
  const n = normalizeSpawnArgs(file, args, options);
  // Node checks these before it starts the child.
  const { validateAbortSignal } = require("internal/validators");
  const timeout = n.options.timeout;
  if (timeout !== undefined && timeout !== null && !(Number.isInteger(timeout) && timeout >= 0)) {
    const { ERR_OUT_OF_RANGE } = require("internal/errors");
    throw ERR_OUT_OF_RANGE("timeout", "an unsigned integer", timeout);
  }
  validateAbortSignal(n.options.signal, "options.signal");
  const child = new ChildProcess();
  child.spawn({ ...n.options, file: n.file, args: n.args });
  if (n.options.signal !== undefined) abortOnSignal(child, n.options.signal, n.options.killSignal);
  if (typeof timeout === "number" && timeout > 0) {
    const timer = setTimeout(() => child.kill(n.options.killSignal || "SIGTERM"), timeout);
    child.once("exit", () => clearTimeout(timer));
  }
  return child;
}

/**
 * The `signal` option (spawn, fork, exec, execFile): aborting it kills the child with
 * `killSignal` and emits an AbortError whose cause is the signal's reason, as node does;
 * a signal aborted already does so on the next tick.
 */
function abortOnSignal(child, signal, killSignal) {
  const { validateAbortSignal } = require("internal/validators");
  validateAbortSignal(signal, "options.signal");
  const onAbort = () => {
    try {
      if (child.kill(killSignal || "SIGTERM")) {
        const { AbortError } = require("internal/errors");
        child.emit("error", new AbortError(undefined, { cause: signal.reason }));
      }
    } catch (err) {
      child.emit("error", err);
    }
  };
  if (signal.aborted) {
    process.nextTick(onAbort);
    return;
  }
  signal.addEventListener("abort", onAbort, { once: true });
  child.once("exit", () => signal.removeEventListener("abort", onAbort));
}

// ---- exec and execFile ---------------------------------------------------------------

/** What a stream collected: strings joined when it decoded them, else one Buffer. */
function joinOutput(chunks, stream) {
  return stream && stream.readableEncoding ? chunks.join("") : Buffer.concat(chunks);
}

function execFile(file, args, options, callback) {
  if (typeof args === "function") {
    callback = args;
    args = [];
    options = {};
  } else if (typeof options === "function") {
    callback = options;
    if (Array.isArray(args) || args === undefined || args === null) options = {};
    else {
      options = args;
      args = [];
    }
  }
  if (!Array.isArray(args)) args = [];
  options = { encoding: "utf8", maxBuffer: 1024 * 1024, killSignal: "SIGTERM", ...(options || {}) };
  const child = spawn(file, args, options);
  const out = [];
  const err = [];
  let killed = false;
  let ex = null;
  // As Node: the streams decode when an encoding is asked; each has its own count (in
  // bytes); past maxBuffer the chunk is cut to fit (in its own units, as Node does), the
  // error names the stream and the child is killed.
  const encoding =
    options.encoding && options.encoding !== "buffer" && Buffer.isEncoding(options.encoding)
      ? options.encoding
      : null;
  const collect = (list, stream, name) => {
    if (!stream) return;
    if (encoding) stream.setEncoding(encoding);
    let size = 0;
    stream.on("data", (chunk) => {
      if (ex !== null && ex.code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") return;
      if (options.maxBuffer === Infinity) {
        list.push(chunk);
        return;
      }
      const e = stream.readableEncoding;
      const length = e ? Buffer.byteLength(chunk, e) : chunk.length;
      size += length;
      if (size <= options.maxBuffer) {
        list.push(chunk);
        return;
      }
      list.push(chunk.slice(0, options.maxBuffer - (size - length)));
      ex = nodeError(
        RangeError,
        "ERR_CHILD_PROCESS_STDIO_MAXBUFFER",
        `${name} maxBuffer length exceeded`,
      );
      killed = true;
      try {
        child.kill(options.killSignal);
      } catch (e) {
        ex = e;
      }
    });
  };
  collect(out, child.stdout, "stdout");
  collect(err, child.stderr, "stderr");
  let done = false;
  const finish = (code, signal) => {
    if (done) return;
    done = true;
    const stdout = joinOutput(out, child.stdout);
    const stderr = joinOutput(err, child.stderr);
    if (typeof callback !== "function") return;
    if (ex === null && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    let cmd = file;
    if (args.length > 0) cmd += ` ${args.join(" ")}`;
    if (ex === null) {
      ex = new Error(`Command failed: ${cmd}\n${stderr}`);
      ex.code = code;
      ex.killed = child.killed || killed;
      ex.signal = signal;
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  };
  child.on("close", finish);
  // As Node: an error (an abort, a failed kill, a missing program) ends the call at
  // once — a grandchild may hold the pipes open long after the child was killed.
  child.on("error", (e) => {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    finish();
  });
  return child;
}

function exec(command, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = {};
  }
  return execFile(
    command,
    [],
    { ...(options || {}), shell: (options && options.shell) || true },
    callback,
  );
}

function promisified(run) {
  return function (...args) {
    let resolve, reject;
    const p = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Outside the executor, as Node: invalid arguments throw, they do not reject.
    p.child = run(...args, (err, stdout, stderr) => {
      if (err) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else resolve({ stdout, stderr });
    });
    return p;
  };
}

Object.defineProperty(exec, kCustomPromisify, { value: promisified(exec), enumerable: false });
Object.defineProperty(execFile, kCustomPromisify, {
  value: promisified((file, args, options, cb) =>
    cb === undefined ? execFile(file, args, options) : execFile(file, args, options, cb),
  ),
  enumerable: false,
});

// ---- the Sync variants -----------------------------------------------------------------

function spawnSync(file, args, options) {
  const n = normalizeSpawnArgs(file, args, options);
  const o = n.options;
  const stdio = normalizeStdio(o.stdio);
  // Another child's pipe cannot serve a child this call waits for.
  if (stdio.some((v) => typeof v === "object")) throw ERR_INVALID_ARG_VALUE("stdio", o.stdio);
  let input = o.input;
  if (typeof input === "string")
    input = Buffer.from(input, o.encoding && o.encoding !== "buffer" ? o.encoding : "utf8");
  else if (input !== undefined && input !== null && !ArrayBuffer.isView(input))
    throw ERR_INVALID_ARG_TYPE(
      "options.input",
      ["string", "Buffer", "TypedArray", "DataView"],
      input,
    );
  const host = hostOptions(o, stdio);
  host.input = input === undefined ? null : input;
  if (typeof o.timeout === "number") host.timeout = o.timeout;
  if (typeof o.maxBuffer === "number") host.maxBuffer = o.maxBuffer;
  if (o.killSignal !== undefined) host.killSignal = o.killSignal;
  const r = now("proc.spawnSync", [n.file, n.args, host], "child_process.spawnSync");
  const encoding = o.encoding && o.encoding !== "buffer" ? o.encoding : null;
  const output = [null];
  for (const fd of [1, 2]) {
    let v = r[fd === 1 ? "stdout" : "stderr"];
    if (v !== null && v !== undefined) v = toBuffer(v);
    if (stdio[fd] === "inherit") {
      if (v && v.length > 0) (fd === 1 ? process.stdout : process.stderr).write(v);
      v = null;
    } else if (stdio[fd] === "ignore") v = null;
    output.push(v && encoding ? v.toString(encoding) : v);
  }
  const result = {
    pid: r.pid,
    output,
    stdout: output[1],
    stderr: output[2],
    status: r.status,
    signal: r.signal,
  };
  if (r.error !== undefined) {
    result.error = uvError(r.error);
    result.error.spawnargs = n.args;
  }
  return result;
}

/** Node's checkExecSyncError: the error carries the whole result (stdout, status…). */
function checkSync(result, cmd) {
  let err;
  if (result.error) err = result.error;
  else if (result.status !== 0) {
    let msg = `Command failed: ${cmd}`;
    if (result.stderr && result.stderr.length > 0) msg += `\n${result.stderr.toString()}`;
    err = new Error(msg);
  } else return;
  Object.assign(err, result);
  throw err;
}

function syncOptions(options) {
  return { stdio: ["pipe", "pipe", "inherit"], ...(options || {}) };
}

function execSync(command, options) {
  const o = syncOptions(options);
  o.shell = o.shell || true;
  const r = spawnSync(command, [], o);
  checkSync(r, command);
  return r.stdout;
}

function execFileSync(file, args, options) {
  if (!Array.isArray(args)) {
    options = args;
    args = [];
  }
  const r = spawnSync(file, args, syncOptions(options));
  checkSync(r, [file, ...args].join(" "));
  return r.stdout;
}

// ---- fork ------------------------------------------------------------------------------

/**
 * Runs a module as a child with an IPC channel (serialization "json"). A fork of a
 * Jaunt program runs under Jaunt (the host's node running vmrun, which gives the child
 * process.send); `execPath` names another runtime (node) to run it with instead, with
 * `execArgv` before the module.
 */
function fork(modulePath, args, options) {
  if (typeof modulePath !== "string" && !(modulePath instanceof URL))
    throw ERR_INVALID_ARG_TYPE("modulePath", ["string", "URL"], modulePath);
  if (args === undefined || args === null) args = [];
  else if (typeof args === "object" && !Array.isArray(args)) {
    options = args;
    args = [];
  } else if (!Array.isArray(args)) throw ERR_INVALID_ARG_TYPE("args", "Array", args);
  if (
    options !== undefined &&
    options !== null &&
    (typeof options !== "object" || Array.isArray(options))
  )
    throw ERR_INVALID_ARG_TYPE("options", "Object", options);
  options = { ...(options || {}) };
  const path = modulePath instanceof URL ? decodeURIComponent(modulePath.pathname) : modulePath;
  if (options.serialization !== undefined && options.serialization !== "json")
    throw nodeError(
      Error,
      "ERR_JAUNT_UNSUPPORTED",
      `child_process.fork: serialization '${options.serialization}' is not supported (only "json")`,
    );
  if (options.stdio === undefined) options.stdio = options.silent ? "pipe" : "inherit";
  options._ipc = true;
  delete options.shell;
  if (typeof options.execPath === "string")
    return spawn(options.execPath, [...(options.execArgv || []), path, ...args], options);
  options._jaunt = true;
  return spawn("vmrun", [path, ...args], options);
}

module.exports = {
  ChildProcess,
  spawn,
  spawnSync,
  exec,
  execSync,
  execFile,
  execFileSync,
  fork,
};
