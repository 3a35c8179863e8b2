// What the embedder provides: output sinks and the outside world. Never part of a
// snapshot; a resumed VM is given a new Host.

export interface Host {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Wall-clock milliseconds (Date.now of the host). */
  now(): number;
  /** Arguments after the program name, as `process.argv.slice(2)` shows them. */
  argv: string[];
  env: Record<string, string>;
  /** Node's --unhandled-rejections mode (default "throw"): a policy of this run. */
  unhandledRejections?: UnhandledRejectionsMode;
  /** What the guest may reach of the host (default: everything, as vmrun). */
  capabilities?: Capabilities;
  /**
   * Where modules come from when `capabilities.fs` is false; with `fs`, asked before
   * the file system (see modules.ts).
   */
  loader?: ModuleLoader;
  /**
   * A module file whose source the embedder has still to fetch (a teleported program's
   * file, served on demand by its origin): the guest's loader then makes a
   * "module.fetch" request for it before reading it.
   */
  modulePending?: (file: string) => boolean;
}

/**
 * What a guest may reach of the host. vmrun grants everything, as `node` does; the
 * embedding API grants nothing unless asked. Part of every snapshot, and a resume can
 * only narrow them.
 */
export interface Capabilities {
  /** Host files: module resolution and reading by path. */
  fs: boolean;
  /** The host's environment variables as `process.env`. */
  env: boolean;
  /** Network access (no network operation exists yet: reserved, recorded, snapshotted). */
  net: boolean;
  /** Child processes (none exist yet: reserved, recorded, snapshotted). */
  subprocess: boolean;
}

export const ALL_CAPABILITIES: Readonly<Capabilities> = Object.freeze({
  fs: true,
  env: true,
  net: true,
  subprocess: true,
});

export const NO_CAPABILITIES: Readonly<Capabilities> = Object.freeze({
  fs: false,
  env: false,
  net: false,
  subprocess: false,
});

/**
 * The embedder's module source, used instead of the file system when `fs` is denied.
 * `resolve` maps a specifier (as written in require/import) and the referring
 * module's id to a module id, or null when there is no such module; `read` returns
 * the module's source (an id ending in .mjs is an ES module, .json is JSON, anything
 * else CommonJS unless `read` returns `{ source, format }`). With `fs` the loader is
 * asked first, and a null from `resolve` or `read` leaves that module to the files.
 */
export interface ModuleLoader {
  /** `kind`: whether a require() or an import asks (their rules differ). */
  resolve(
    specifier: string,
    referrer: string,
    kind: "require" | "import",
  ): string | null | undefined;
  read(
    id: string,
  ): string | { source: string; format: "commonjs" | "module" | "json" } | null | undefined;
}

export type UnhandledRejectionsMode = "throw" | "strict" | "warn" | "none" | "warn-with-error-code";

import { writeSync } from "node:fs";

/** Descriptors a write failed on (a closed pipe: `vmrun prog | head -1`). */
const failedFds = new Set<number>();

/**
 * Synchronous writes: output must not be lost when the process exits. A write that
 * fails (EPIPE once the reader has gone) drops the output from then on, as node's
 * console does (it ignores write errors); the program runs on.
 */
function writeAll(fd: number, text: string): void {
  if (failedFds.has(fd)) return;
  const buf = Buffer.from(text, "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      failedFds.add(fd);
      return;
    }
  }
}

export function processHost(argv: string[] = [], env: Record<string, string> = processEnv()): Host {
  return {
    stdout: (t) => writeAll(1, t),
    stderr: (t) => writeAll(2, t),
    now: () => Date.now(),
    argv,
    env,
  };
}

/** A host that prints nothing and grants nothing (VMs that never run a program's code). */
export function silentHost(): Host {
  return {
    stdout: () => {},
    stderr: () => {},
    now: () => Date.now(),
    argv: [],
    env: {},
    capabilities: { ...NO_CAPABILITIES },
  };
}

/** A copy of the host process's environment (reading process.env is not free). */
function processEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([, v]) => v !== undefined),
  ) as Record<string, string>;
}
