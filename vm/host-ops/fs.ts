// The file system's host operations (runtime-ops.ts), under the guest's `fs`
// (prelude/80-fs.js). Every operation needs the `fs` capability. Each exists twice:
// "fs.xSync" runs at once; "fs.x" returns a promise, so the guest gets a pending
// operation that a snapshot records. Reads are idempotent (a resume re-issues them);
// anything that changes the file system is failed with ERR_JAUNT_INTERRUPTED on
// resume unless the embedder settles it.
//
// Values cross as plain data: bytes as Buffers (a Uint8Array in the guest), stats as
// plain objects of numbers, directory entries as [name, type] pairs. A failure
// crosses as a plain record { message, errno, code, syscall, path?, dest? } from
// which the guest builds Node's error object (the message is the host's, so it reads
// exactly like Node's: "ENOENT: no such file or directory, open '/x'").
//
// An open file is a resource of kind "file" (host-link.ts): the record keeps its path,
// flags and mode; the live object is the host fd. Reads and writes are positional
// (the guest keeps each fd's position), so a reopened file goes on where it was.
// Across processes, only files opened read-only are reopened (by path); any other
// open file is severed.

import * as fs from "node:fs";
import { defineResourceKind, type ResourceData } from "./link";
import { MessageBox } from "./ipc";
import { defineOperations, promised, type OpContext, type RuntimeOperation } from "./runtime-ops";

const O_ACCMODE = 3;

/** Node's flag strings (fs.open) as numbers. */
const FLAG_STRINGS: Record<string, number> = (() => {
  const c = fs.constants;
  const w = c.O_TRUNC | c.O_CREAT | c.O_WRONLY;
  const a = c.O_APPEND | c.O_CREAT | c.O_WRONLY;
  return {
    r: c.O_RDONLY,
    rs: c.O_RDONLY | c.O_SYNC,
    sr: c.O_RDONLY | c.O_SYNC,
    "r+": c.O_RDWR,
    "rs+": c.O_RDWR | c.O_SYNC,
    "sr+": c.O_RDWR | c.O_SYNC,
    w,
    wx: w | c.O_EXCL,
    xw: w | c.O_EXCL,
    "w+": (w & ~c.O_WRONLY) | c.O_RDWR,
    "wx+": (w & ~c.O_WRONLY) | c.O_RDWR | c.O_EXCL,
    "xw+": (w & ~c.O_WRONLY) | c.O_RDWR | c.O_EXCL,
    a,
    ax: a | c.O_EXCL,
    xa: a | c.O_EXCL,
    as: a | c.O_SYNC,
    sa: a | c.O_SYNC,
    "a+": (a & ~c.O_WRONLY) | c.O_RDWR,
    "ax+": (a & ~c.O_WRONLY) | c.O_RDWR | c.O_EXCL,
    "xa+": (a & ~c.O_WRONLY) | c.O_RDWR | c.O_EXCL,
    "as+": (a & ~c.O_WRONLY) | c.O_RDWR | c.O_SYNC,
    "sa+": (a & ~c.O_WRONLY) | c.O_RDWR | c.O_SYNC,
  };
})();

function flagsNumber(flags: unknown): number {
  if (typeof flags === "number") return flags;
  return FLAG_STRINGS[String(flags)] ?? 0;
}

/** A host failure as plain data the guest turns into Node's error. */
function failure(e: unknown): unknown {
  const x = e as NodeJS.ErrnoException & { dest?: string };
  if (!(e instanceof Error) || typeof x.syscall !== "string") return e;
  const r: Record<string, unknown> = {
    message: x.message,
    errno: x.errno,
    code: x.code,
    syscall: x.syscall,
  };
  if (x.path !== undefined) r.path = x.path;
  if (x.dest !== undefined) r.dest = x.dest;
  return r;
}

// ---- the "file" resource ---------------------------------------------------------

interface FileLive {
  fd: number;
}

defineResourceKind<FileLive>({
  kind: "file",
  describe: (d) => `file '${String(d.path)}' (opened '${String(d.flags)}')`,
  reopen(d: ResourceData, caps) {
    if (!caps.fs) return { severed: "the VM has no 'fs' capability to reopen it" };
    if (!d.seekable) return { severed: "it is not a regular file, so it cannot be reopened" };
    if ((flagsNumber(d.flags) & O_ACCMODE) !== fs.constants.O_RDONLY)
      return { severed: "it was opened for writing, and only read-only files are reopened" };
    try {
      return { fd: fs.openSync(String(d.path), fs.constants.O_RDONLY) };
    } catch (e) {
      return { severed: `reopening it failed: ${(e as Error).message}` };
    }
  },
  close(live) {
    fs.closeSync(live.fd);
  },
});

/** The live fd of guest file handle `id`, or a Node-style EBADF failure. */
function fileOf(ctx: OpContext, id: unknown, syscall: string): FileLive {
  const rec = ctx.record(id);
  if (!rec || rec.kind !== "file")
    throw { message: `EBADF: bad file descriptor, ${syscall}`, errno: -9, code: "EBADF", syscall };
  return ctx.use<FileLive>(rec);
}

/** Opens a file and records it; returns [handle id, seekable]. */
function openRecord(ctx: OpContext, path: string, flags: unknown, mode: unknown, fd: number) {
  let seekable = false;
  try {
    seekable = fs.fstatSync(fd).isFile();
  } catch {
    // unknown: treated as not seekable
  }
  const data: ResourceData = {
    path,
    flags: typeof flags === "number" ? flags : String(flags),
    mode: typeof mode === "number" ? mode : 0o666,
    seekable,
  };
  return [ctx.open("file", data, { fd } satisfies FileLive), seekable];
}

function closeRecord(ctx: OpContext, id: unknown): void {
  const rec = ctx.record(id);
  if (!rec || rec.kind !== "file")
    throw {
      message: "EBADF: bad file descriptor, close",
      errno: -9,
      code: "EBADF",
      syscall: "close",
    };
  ctx.close(rec);
}

// ---- plain data out ----------------------------------------------------------------

const STAT_FIELDS = [
  "dev",
  "mode",
  "nlink",
  "uid",
  "gid",
  "rdev",
  "blksize",
  "ino",
  "size",
  "blocks",
  "atimeMs",
  "mtimeMs",
  "ctimeMs",
  "birthtimeMs",
] as const;

function statData(s: fs.Stats): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of STAT_FIELDS) out[k] = s[k];
  return out;
}

/** Node's internal dirent type numbers (UV_DIRENT_*). */
function direntType(d: fs.Dirent): number {
  if (d.isFile()) return 1;
  if (d.isDirectory()) return 2;
  if (d.isSymbolicLink()) return 3;
  if (d.isFIFO()) return 4;
  if (d.isSocket()) return 5;
  if (d.isCharacterDevice()) return 6;
  if (d.isBlockDevice()) return 7;
  return 0;
}

function entries(list: fs.Dirent[]): [string, number][] {
  return list.map((d) => [d.name, direntType(d)]);
}

/**
 * A directory's entries in the order the OS gives them, as fs.opendir reads them (the
 * guest's Dir keeps the whole list as data, so an open Dir survives a snapshot).
 */
function dirEntriesSync(path: string): [string, number][] {
  const dir = fs.opendirSync(path);
  const out: [string, number][] = [];
  try {
    for (let d = dir.readSync(); d !== null; d = dir.readSync()) out.push([d.name, direntType(d)]);
  } finally {
    dir.closeSync();
  }
  return out;
}

async function dirEntries(path: string): Promise<[string, number][]> {
  const out: [string, number][] = [];
  for await (const d of await fs.promises.opendir(path)) out.push([d.name, direntType(d)]);
  return out;
}

function bytes(v: unknown): Uint8Array {
  return v instanceof Uint8Array ? v : new Uint8Array(0);
}

// ---- the operations --------------------------------------------------------------

/** The synchronous body of each operation; the asynchronous ones are below. */
const sync = {
  open: (ctx: OpContext, path: string, flags: unknown, mode: unknown) =>
    openRecord(ctx, path, flags, mode, fs.openSync(path, flagsNumber(flags), mode as number)),
  close: (ctx: OpContext, id: unknown) => closeRecord(ctx, id),
  read: (ctx: OpContext, id: unknown, length: number, position: number | null) => {
    const { fd } = fileOf(ctx, id, "read");
    const buf = Buffer.alloc(length);
    const n = fs.readSync(fd, buf, 0, length, position);
    return buf.subarray(0, n);
  },
  readAll: (ctx: OpContext, id: unknown, position: number | null) => {
    const { fd } = fileOf(ctx, id, "read");
    const parts: Buffer[] = [];
    for (;;) {
      const buf = Buffer.alloc(65536);
      const n = fs.readSync(fd, buf, 0, buf.length, position);
      if (n === 0) return Buffer.concat(parts);
      parts.push(buf.subarray(0, n));
      if (position !== null) position += n;
    }
  },
  write: (ctx: OpContext, id: unknown, data: Uint8Array, position: number | null) =>
    fs.writeSync(fileOf(ctx, id, "write").fd, bytes(data), 0, bytes(data).length, position),
  fstat: (ctx: OpContext, id: unknown) => statData(fs.fstatSync(fileOf(ctx, id, "fstat").fd)),
  ftruncate: (ctx: OpContext, id: unknown, len: number) =>
    fs.ftruncateSync(fileOf(ctx, id, "ftruncate").fd, len),
  stat: (_: OpContext, path: string) => statData(fs.statSync(path)),
  lstat: (_: OpContext, path: string) => statData(fs.lstatSync(path)),
  readdir: (_: OpContext, path: string, types: boolean) =>
    types ? entries(fs.readdirSync(path, { withFileTypes: true })) : fs.readdirSync(path),
  opendir: (_: OpContext, path: string) => dirEntriesSync(path),
  mkdir: (_: OpContext, path: string, recursive: boolean, mode: number) =>
    fs.mkdirSync(path, { recursive, mode }),
  mkdtemp: (_: OpContext, prefix: string) => fs.mkdtempSync(prefix),
  rm: (_: OpContext, path: string, recursive: boolean, force: boolean) =>
    fs.rmSync(path, { recursive, force }),
  rmdir: (_: OpContext, path: string, recursive: boolean) => {
    // recursive (deprecated in Node) removes a directory's tree; on a non-directory
    // rmdir's own ENOTDIR stands.
    if (recursive && fs.lstatSync(path).isDirectory()) fs.rmSync(path, { recursive: true });
    else fs.rmdirSync(path);
  },
  unlink: (_: OpContext, path: string) => fs.unlinkSync(path),
  rename: (_: OpContext, from: string, to: string) => fs.renameSync(from, to),
  copyFile: (_: OpContext, from: string, to: string, mode: number) =>
    fs.copyFileSync(from, to, mode),
  realpath: (_: OpContext, path: string) => fs.realpathSync(path),
  access: (_: OpContext, path: string, mode: number) => fs.accessSync(path, mode),
  exists: (_: OpContext, path: string) => fs.existsSync(path),
  chmod: (_: OpContext, path: string, mode: number) => fs.chmodSync(path, mode),
  truncate: (_: OpContext, path: string, len: number) => fs.truncateSync(path, len),
  symlink: (_: OpContext, target: string, path: string, type: string | null) =>
    fs.symlinkSync(target, path, type as fs.symlink.Type | null),
  readlink: (_: OpContext, path: string) => fs.readlinkSync(path),
  link: (_: OpContext, existing: string, path: string) => fs.linkSync(existing, path),
  utimes: (_: OpContext, path: string, atime: number, mtime: number) =>
    fs.utimesSync(path, atime, mtime),
  lutimes: (_: OpContext, path: string, atime: number, mtime: number) =>
    fs.lutimesSync(path, atime, mtime),
  futimes: (ctx: OpContext, id: unknown, atime: number, mtime: number) =>
    fs.futimesSync(fileOf(ctx, id, "futimes").fd, atime, mtime),
  chown: (_: OpContext, path: string, uid: number, gid: number) => fs.chownSync(path, uid, gid),
  lchown: (_: OpContext, path: string, uid: number, gid: number) => fs.lchownSync(path, uid, gid),
  fchown: (ctx: OpContext, id: unknown, uid: number, gid: number) =>
    fs.fchownSync(fileOf(ctx, id, "fchown").fd, uid, gid),
  fchmod: (ctx: OpContext, id: unknown, mode: number) =>
    fs.fchmodSync(fileOf(ctx, id, "fchmod").fd, mode),
  fsync: (ctx: OpContext, id: unknown) => fs.fsyncSync(fileOf(ctx, id, "fsync").fd),
  fdatasync: (ctx: OpContext, id: unknown) => fs.fdatasyncSync(fileOf(ctx, id, "fdatasync").fd),
  readFile: (_: OpContext, path: string, flag: string) => fs.readFileSync(path, { flag }),
  writeFile: (_: OpContext, path: string, data: Uint8Array, flag: string, mode: number) =>
    fs.writeFileSync(path, bytes(data), { flag, mode }),
};

type SyncOps = typeof sync;

function fdPromise<T>(f: (cb: (e: Error | null, v: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => f((e, v) => (e ? reject(e) : resolve(v))));
}

/** fs.promises, loaded on first use: its first read loads node:fs/promises (~1% of `vmrun hello.js`). */
const P = new Proxy({} as typeof fs.promises, { get: (_t, k) => Reflect.get(fs.promises, k) });

/** The asynchronous bodies: real asynchronous host I/O where Node has it. */
const async: { [K in keyof SyncOps]: (...a: Parameters<SyncOps[K]>) => Promise<unknown> } = {
  open: async (ctx, path, flags, mode) => {
    const fd = await fdPromise<number>((cb) =>
      fs.open(path, flagsNumber(flags), mode as number, cb),
    );
    return openRecord(ctx, path, flags, mode, fd);
  },
  close: async (ctx, id) => closeRecord(ctx, id),
  read: async (ctx, id, length, position) => {
    const { fd } = fileOf(ctx, id, "read");
    const buf = Buffer.alloc(length);
    const n = await fdPromise<number>((cb) => fs.read(fd, buf, 0, length, position, cb));
    return buf.subarray(0, n);
  },
  readAll: async (ctx, id, position) => {
    const { fd } = fileOf(ctx, id, "read");
    const parts: Buffer[] = [];
    for (;;) {
      const buf = Buffer.alloc(65536);
      const n = await fdPromise<number>((cb) => fs.read(fd, buf, 0, buf.length, position, cb));
      if (n === 0) return Buffer.concat(parts);
      parts.push(buf.subarray(0, n));
      if (position !== null) position += n;
    }
  },
  write: async (ctx, id, data, position) => {
    const { fd } = fileOf(ctx, id, "write");
    const b = bytes(data);
    return fdPromise<number>((cb) => fs.write(fd, b, 0, b.length, position, cb));
  },
  fstat: async (ctx, id) => {
    const { fd } = fileOf(ctx, id, "fstat");
    return statData(await fdPromise<fs.Stats>((cb) => fs.fstat(fd, cb)));
  },
  ftruncate: async (ctx, id, len) => {
    const { fd } = fileOf(ctx, id, "ftruncate");
    await fdPromise<void>((cb) => fs.ftruncate(fd, len, (e) => cb(e, undefined)));
  },
  stat: async (_, path) => statData(await P.stat(path)),
  lstat: async (_, path) => statData(await P.lstat(path)),
  readdir: async (_, path, types) =>
    types ? entries(await P.readdir(path, { withFileTypes: true })) : P.readdir(path),
  opendir: (_, path) => dirEntries(path),
  mkdir: (_, path, recursive, mode) => P.mkdir(path, { recursive, mode }),
  mkdtemp: (_, prefix) => P.mkdtemp(prefix),
  rm: (_, path, recursive, force) => P.rm(path, { recursive, force }),
  rmdir: async (_, path, recursive) => {
    if (recursive && (await P.lstat(path)).isDirectory()) await P.rm(path, { recursive: true });
    else await P.rmdir(path);
  },
  unlink: (_, path) => P.unlink(path),
  rename: (_, from, to) => P.rename(from, to),
  copyFile: (_, from, to, mode) => P.copyFile(from, to, mode),
  realpath: (_, path) => P.realpath(path),
  access: (_, path, mode) => P.access(path, mode),
  exists: (_, path) =>
    P.access(path).then(
      () => true,
      () => false,
    ),
  chmod: (_, path, mode) => P.chmod(path, mode),
  truncate: (_, path, len) => P.truncate(path, len),
  symlink: (_, target, path, type) => P.symlink(target, path, type),
  readlink: (_, path) => P.readlink(path),
  link: (_, existing, path) => P.link(existing, path),
  utimes: (_, path, atime, mtime) => P.utimes(path, atime, mtime),
  lutimes: (_, path, atime, mtime) => P.lutimes(path, atime, mtime),
  futimes: (ctx, id, atime, mtime) => {
    const { fd } = fileOf(ctx, id, "futimes");
    return fdPromise<void>((cb) => fs.futimes(fd, atime, mtime, (e) => cb(e, undefined)));
  },
  chown: (_, path, uid, gid) => P.chown(path, uid, gid),
  lchown: (_, path, uid, gid) => P.lchown(path, uid, gid),
  fchown: (ctx, id, uid, gid) => {
    const { fd } = fileOf(ctx, id, "fchown");
    return fdPromise<void>((cb) => fs.fchown(fd, uid, gid, (e) => cb(e, undefined)));
  },
  fchmod: (ctx, id, mode) => {
    const { fd } = fileOf(ctx, id, "fchmod");
    return fdPromise<void>((cb) => fs.fchmod(fd, mode, (e) => cb(e, undefined)));
  },
  fsync: (ctx, id) => {
    const { fd } = fileOf(ctx, id, "fsync");
    return fdPromise<void>((cb) => fs.fsync(fd, (e) => cb(e, undefined)));
  },
  fdatasync: (ctx, id) => {
    const { fd } = fileOf(ctx, id, "fdatasync");
    return fdPromise<void>((cb) => fs.fdatasync(fd, (e) => cb(e, undefined)));
  },
  readFile: (_, path, flag) => P.readFile(path, { flag }),
  writeFile: (_, path, data, flag, mode) => P.writeFile(path, bytes(data), { flag, mode }),
};

/** Operations a resume may repeat: they change nothing. */
const READS = new Set([
  "read",
  "readAll",
  "fstat",
  "stat",
  "lstat",
  "readdir",
  "opendir",
  "realpath",
  "access",
  "exists",
  "readFile",
  "readlink",
  "close",
]);

function isReadOnlyOpen(args: unknown[]): boolean {
  return (flagsNumber(args[1]) & (O_ACCMODE | fs.constants.O_CREAT | fs.constants.O_TRUNC)) === 0;
}

const ops: Record<string, RuntimeOperation> = {};
for (const name of Object.keys(sync) as (keyof SyncOps)[]) {
  const s = sync[name] as (ctx: OpContext, ...a: unknown[]) => unknown;
  const a = async[name] as (ctx: OpContext, ...a: unknown[]) => Promise<unknown>;
  ops[`${name}Sync`] = {
    capability: "fs",
    run(ctx, ...args) {
      try {
        return s(ctx, ...args);
      } catch (e) {
        throw failure(e);
      }
    },
  };
  ops[name] = {
    capability: "fs",
    idempotent: name === "open" ? isReadOnlyOpen : READS.has(name),
    run(ctx, ...args) {
      let p: Promise<unknown>;
      try {
        p = a(ctx, ...args);
      } catch (e) {
        p = Promise.reject(e);
      }
      return p.catch((e) => {
        throw failure(e);
      });
    },
  };
}
// ---- fs.watch ----------------------------------------------------------------------

// A watcher is a resource of kind "watcher": its events wait in a box until the guest's
// pending "fs.watchNext" takes them. The host watcher keeps this process alive only
// while such a read waits (the guest's `persistent`/unref decide whether it keeps the
// VM alive). Resumed in another process it is severed (events seen by the old one are
// gone; a program that must not miss one re-reads what it watches).

interface WatcherLive {
  watcher: fs.FSWatcher;
  box: MessageBox<[string, string | null]>;
}

defineResourceKind<WatcherLive>({
  kind: "watcher",
  describe: (d) => `fs.watch of '${String(d.path)}'`,
  reopen: () => ({ severed: "a watcher's events belong to the process that watched" }),
  close(live) {
    live.watcher.close();
    live.box.end();
  },
});

function watchStart(ctx: OpContext, path: string, recursive: boolean): number {
  let watcher: fs.FSWatcher;
  try {
    watcher = fs.watch(path, { recursive, persistent: true });
  } catch (e) {
    throw failure(e);
  }
  watcher.unref();
  const box = new MessageBox<[string, string | null]>((waiting) =>
    waiting ? watcher.ref() : watcher.unref(),
  );
  watcher.on("change", (type, name) => box.push([type, name === null ? null : String(name)]));
  watcher.on("error", () => box.end());
  watcher.on("close", () => box.end());
  return ctx.open("watcher", { path, recursive }, { watcher, box } satisfies WatcherLive);
}

function watcherOf(ctx: OpContext, id: unknown): WatcherLive | null {
  const rec = ctx.record(id);
  return rec && rec.kind === "watcher" ? ctx.use<WatcherLive>(rec) : null;
}

ops.watchStart = {
  capability: "fs",
  run: (ctx, path: string, recursive: boolean) => watchStart(ctx, path, recursive === true),
};
/** The events since the last read ([eventType, filename] pairs; waits for one), null once closed. */
ops.watchNext = {
  capability: "fs",
  idempotent: true,
  run: promised((ctx, id: number) => watcherOf(ctx, id)?.box.read() ?? Promise.resolve(null)),
};
ops.watchClose = {
  capability: "fs",
  run: (ctx, id: number) => {
    const rec = ctx.record(id);
    if (rec && rec.kind === "watcher") ctx.close(rec);
  },
};

// fs.constants: the host platform's numbers (the same for every VM on this host).
ops.constants = { capability: null, run: () => ({ ...fs.constants }) };
defineOperations("fs", ops);
