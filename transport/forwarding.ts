// Import forwarding (Mitogen's importer): a program moved to another machine may require
// or import files of its own that were not loaded yet (so not in its snapshot) and do
// not exist there. With the program the origin sends a manifest of its folder's module
// files (.js/.cjs/.mjs/.json outside node_modules, bounded in number and size): each
// path with its size and SHA-256, so the remote never asks for what cannot exist.
//
// On demand (the default) only package.json files travel with the manifest (module
// resolution reads them synchronously); the guest's loader asks for any other file
// when it first needs it (the "module.fetch" request, vm/prelude/60-modules.js), and
// the remote fetches it from the origin with a ModuleRequest frame on the program's
// channel. Fetched files are kept per connection (by digest), so the programs and
// functions of one connection fetch each file once. Eager (JAUNT_FORWARD_MODULES=eager)
// sends every file's bytes up front. Either way a remote serves such a path only when
// its own disk has no such file, and only to the program it came with (its VM's
// loader: a socket server runs many clients' programs in one process); hops pass the
// manifest on and fetch through their own origin.

import { createHash } from "node:crypto";
import type * as FS from "node:fs";
import * as path from "node:path";
import {
  hostFiles,
  nodeResolution,
  type FileView,
  type ModuleLoader,
  type NodeResolution,
} from "../vm/index";
import type { Connection } from "./connection";
import { FrameKind } from "./frame";
import { walkFiles } from "./files";

// The module object itself (a bundler's import namespace has only getters).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require("node:fs") as typeof FS;

/** One module file: its size and SHA-256, and its bytes when they travel up front. */
export interface ModuleEntry {
  size: number;
  digest: Uint8Array;
  data?: Uint8Array;
}

/** Absolute path → entry. */
export type Manifest = Record<string, ModuleEntry>;

/** What a program's origin does with its module files: what travels, what is fetched. */
export type ForwardMode = "on-demand" | "eager";

/** A program's module files where it started: the manifest, and the bytes to serve. */
export interface ModuleSource {
  manifest: Manifest;
  /** The bytes of a path in the manifest (null: not one of them). */
  fetch(file: string): Promise<Uint8Array | null>;
}

const EXTENSIONS = /\.(c|m)?js$|\.json$/;
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_TOTAL_BYTES = 16 * 1024 * 1024;
/** Sent up front even on demand: module resolution reads them synchronously. */
const ALWAYS_SENT = /(^|[/\\])package\.json$/;

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest();

/** The module files under `root` (not node_modules, not dot folders), within the bounds. */
export function collectModules(root: string, mode: ForwardMode = "on-demand"): ModuleSource {
  const manifest: Manifest = {};
  const contents = new Map<string, Buffer>();
  let files = 0;
  let total = 0;
  walkFiles(
    root,
    (full, name) => {
      if (files >= MAX_FILES) return false;
      if (!EXTENSIONS.test(name)) return;
      try {
        const st = fs.statSync(full);
        if (st.size > MAX_FILE_BYTES || total + st.size > MAX_TOTAL_BYTES) return;
        const data = fs.readFileSync(full);
        contents.set(full, data);
        const sent = mode === "eager" || ALWAYS_SENT.test(full);
        manifest[full] = { size: data.length, digest: sha256(data), ...(sent ? { data } : {}) };
        files++;
        total += data.length;
      } catch {
        // Unreadable here: not forwarded.
      }
    },
    (name) => name === "node_modules" || name.startsWith("."),
  );
  return { manifest, fetch: async (file) => contents.get(file) ?? null };
}

/** The mode JAUNT_FORWARD_MODULES asks for (on-demand unless it says eager). */
export function forwardModeFromEnv(): ForwardMode {
  return process.env.JAUNT_FORWARD_MODULES === "eager" ? "eager" : "on-demand";
}

/**
 * Checks a manifest from a peer: absolute paths to { size, digest, data? }, and data
 * that matches its digest (so a signed manifest vouches for the bytes it carries).
 */
export function manifestOf(v: unknown): Manifest | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "object" || Array.isArray(v))
    throw new Error("the modules manifest is not a map");
  for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
    const entry = e as Partial<ModuleEntry> | null;
    const ok =
      path.isAbsolute(k) &&
      !k.includes("\0") &&
      entry !== null &&
      typeof entry === "object" &&
      Number.isInteger(entry.size) &&
      entry.digest instanceof Uint8Array &&
      entry.digest.length === 32 &&
      (entry.data === undefined ||
        (entry.data instanceof Uint8Array &&
          entry.data.length === entry.size &&
          sha256(entry.data).equals(entry.digest)));
    if (!ok) throw new Error(`the modules manifest has a bad entry '${k}'`);
  }
  return v as Manifest;
}

/** The digest as a map key. */
const hex = (d: Uint8Array) => Buffer.from(d.buffer, d.byteOffset, d.length).toString("hex");

/** Bytes fetched over each connection, by digest: a file is fetched once per connection. */
const fetchedOver = new WeakMap<Connection, Map<string, Promise<Buffer>>>();

/**
 * One program's forwarded files on a remote, served to that program's VM alone through
 * its module loader (so two programs in one process — a socket server's clients — may
 * each have their own file at the same path). A path the remote's disk has is left to
 * the disk; the others resolve by Node's rules over the manifest and the disk together.
 */
export class ForwardedFiles {
  private readonly files = new Map<string, { digest: string; size: number; data?: Buffer }>();
  /** Folders that hold forwarded files (resolution asks whether a folder exists). */
  private readonly dirs = new Set<string>();
  private readonly resolution: NodeResolution;
  /** The VM's loader (Jaunt's `loader` option): forwarded files, then the disk. */
  readonly loader: ModuleLoader;

  constructor(readonly manifest: Manifest) {
    for (const [p, e] of Object.entries(manifest)) {
      const key = path.normalize(p);
      const data = e.data && Buffer.from(e.data.buffer, e.data.byteOffset, e.data.length);
      this.files.set(key, { digest: hex(e.digest), size: e.size, data });
      for (let d = path.dirname(key); !this.dirs.has(d); d = path.dirname(d)) {
        this.dirs.add(d);
        if (d === path.dirname(d)) break;
      }
    }
    const view: FileView = {
      isFile: (p) => this.served(p) !== undefined || hostFiles.isFile(p),
      isDir: (p) => this.dirs.has(path.normalize(p)) || hostFiles.isDir(p),
      readText: (p) => {
        const e = this.served(p);
        if (!e) return hostFiles.readText(p);
        if (!e.data) throw moduleError(`${p} has not been fetched from the origin`);
        return e.data.toString("utf8");
      },
      realpath: (p) => (this.served(p) ? p : hostFiles.realpath!(p)),
    };
    this.resolution = nodeResolution(view);
    this.loader = {
      resolve: (specifier, referrer, kind) => {
        let file: string;
        try {
          file =
            kind === "import"
              ? this.resolution.resolveImport(referrer, specifier)
              : this.resolution.resolveRequire(referrer, specifier);
        } catch {
          return null; // Not found here either: the disk's resolution says why.
        }
        return this.served(file) ? file : null;
      },
      read: (id) => {
        if (!this.served(id)) return null;
        const source = view.readText(id);
        const format = id.endsWith(".json")
          ? "json"
          : this.resolution.isESModule(id)
            ? "module"
            : "commonjs";
        return { source, format };
      },
    };
  }

  /** The entry of a forwarded file this machine's disk lacks, or undefined. */
  private served(file: string) {
    const e = this.files.get(path.normalize(file));
    return e && !hostFiles.isFile(file) ? e : undefined;
  }

  /** Whether `file` is a forwarded file whose bytes are not here yet (the VM's modulePending). */
  pending(file: string): boolean {
    const e = this.served(file);
    return e !== undefined && e.data === undefined;
  }

  /**
   * Fetches a forwarded file from the origin with `ask` (a ModuleRequest frame on the
   * program's channel of `conn`), checks it against the manifest's digest and makes it
   * readable here. Programs on one connection share what was fetched (by digest).
   */
  async fetch(
    conn: Connection,
    file: string,
    ask: (file: string) => Promise<Uint8Array | null>,
  ): Promise<Buffer> {
    const e = this.files.get(path.normalize(file));
    if (!e) throw moduleError(`${file} is not one of the program's forwarded files`);
    if (e.data) return e.data;
    let cache = fetchedOver.get(conn);
    if (!cache) fetchedOver.set(conn, (cache = new Map()));
    let got = cache.get(e.digest);
    if (!got) {
      got = ask(file).then((data) => {
        if (!data) throw moduleError(`the origin has no ${file}`);
        const bytes = Buffer.from(data.buffer, data.byteOffset, data.length);
        if (sha256(bytes).toString("hex") !== e.digest)
          throw moduleError(`${file} from the origin does not match its manifest`);
        return bytes;
      });
      cache.set(e.digest, got);
      got.catch(() => cache.delete(e.digest));
    }
    return (e.data = await got);
  }
}

function moduleError(message: string): Error {
  return Object.assign(new Error(`jaunt: import forwarding: ${message}`), {
    code: "ERR_JAUNT_MODULE_FETCH",
  });
}

/**
 * Asks the peer for `file` on channel `ch` of `conn`; `replies` is where the channel's
 * ModuleReply frames are handed (see programReplies). Resolves with its bytes or null.
 */
export function requestModule(
  conn: Connection,
  ch: number,
  replies: ModuleReplies,
  file: string,
): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const off = conn.onEnd(reject);
    replies.waiting.set(file, (data) => {
      off();
      resolve(data);
    });
    conn.send(FrameKind.ModuleRequest, ch, { path: file }).catch((e: Error) => {
      off();
      replies.waiting.delete(file);
      reject(e);
    });
  });
}

/** The ModuleReply frames a program's channel is waiting for, by path. */
export class ModuleReplies {
  readonly waiting = new Map<string, (data: Uint8Array | null) => void>();

  /** A ModuleReply frame's body: { path, data } or { path, missing: true }. */
  deliver(body: unknown): void {
    const b = body as { path?: unknown; data?: unknown } | null;
    if (!b || typeof b.path !== "string") return;
    const done = this.waiting.get(b.path);
    if (!done) return;
    this.waiting.delete(b.path);
    done(b.data instanceof Uint8Array ? b.data : null);
  }
}

/** Answers a peer's ModuleRequest on channel `ch`: only paths of the program's manifest. */
export function answerModuleRequest(
  conn: Connection,
  ch: number,
  body: unknown,
  fetch: ((file: string) => Promise<Uint8Array | null>) | undefined,
): void {
  const file = (body as { path?: unknown } | null)?.path;
  if (typeof file !== "string") return;
  const reply = (data: Uint8Array | null) =>
    conn
      .send(FrameKind.ModuleReply, ch, data ? { path: file, data } : { path: file, missing: true })
      .catch(() => {});
  (fetch ? fetch(file) : Promise.resolve(null)).then(reply, () => reply(null));
}
