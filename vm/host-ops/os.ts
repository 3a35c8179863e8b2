// Host facts for the guest's `os` module (prelude/81-os.js) and `process`: who and
// where the host is. They are shown only to a VM granted the `fs` capability — with
// it the guest could read the same facts from /proc and /etc anyway — and are
// neutral otherwise (see NEUTRAL), so an embedded guest learns nothing about its host
// but the platform Jaunt runs on (process.platform and process.arch show that too).

import * as os from "node:os";
import * as util from "node:util";
import type { Capabilities } from "../host";
import { defineOperations } from "./runtime-ops";

/** What a VM without the `fs` capability sees. */
const NEUTRAL = {
  hostname: "localhost",
  homedir: "/",
  tmpdir: "/tmp",
  release: "0.0.0",
  version: "",
  machine: "",
  totalmem: 0,
  freemem: 0,
  availableParallelism: 1,
  uptime: 0,
  loadavg: [0, 0, 0],
  cpus: [] as unknown[],
  networkInterfaces: {},
  userInfo: { uid: -1, gid: -1, username: "", homedir: "/", shell: null },
  passwdHomedir: "/",
};

/** The host's facts, or NEUTRAL's where the VM may not see them. */
export function hostFacts(caps: Capabilities): Record<string, unknown> {
  const fixed = {
    platform: os.platform(),
    type: os.type(),
    arch: os.arch(),
    endianness: os.endianness(),
    EOL: os.EOL,
    devNull: os.devNull,
  };
  if (!caps.fs) return { ...fixed, ...NEUTRAL };
  const u = os.userInfo();
  return {
    ...fixed,
    hostname: os.hostname(),
    homedir: os.homedir(),
    tmpdir: os.tmpdir(),
    release: os.release(),
    version: os.version(),
    machine: os.machine(),
    totalmem: os.totalmem(),
    freemem: os.freemem(),
    availableParallelism: os.availableParallelism(),
    uptime: os.uptime(),
    loadavg: os.loadavg(),
    cpus: os.cpus().map((c) => ({ model: c.model, speed: c.speed, times: { ...c.times } })),
    networkInterfaces: JSON.parse(JSON.stringify(os.networkInterfaces())),
    userInfo: { uid: u.uid, gid: u.gid, username: u.username, homedir: u.homedir, shell: u.shell },
    // os.homedir() without HOME in the guest's env: the password database's.
    passwdHomedir: u.homedir,
  };
}

/** os.constants as plain data (platform constants, the same for every VM on this host). */
function constants(): unknown {
  return JSON.parse(JSON.stringify(os.constants));
}

/**
 * Node's SystemError from libuv (os.getPriority(-1)) as a plain failure record: the
 * guest's os.js rebuilds the error from it.
 */
function systemFailure(e: unknown): unknown {
  const err = e as { code?: string; message?: string; info?: Record<string, unknown> };
  if (err?.code !== "ERR_SYSTEM_ERROR") return e;
  return { name: "SystemError", message: err.message, code: err.code, info: { ...err.info } };
}

/** A priority call on the host, failures as records. */
function priorityCall<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw systemFailure(e);
  }
}

defineOperations("os", {
  facts: { capability: null, run: (ctx) => hostFacts(ctx.capabilities) },
  constants: { capability: null, run: () => constants() },
  // util.getSystemErrorMap: libuv's error names and messages, [errno, name, message].
  systemErrors: {
    capability: null,
    run: () =>
      [...util.getSystemErrorMap()].map(([errno, [name, message]]) => [errno, name, message]),
  },
  // Process priorities act on host processes, as child processes do.
  getPriority: {
    capability: "subprocess",
    run: (_ctx, pid: number) => priorityCall(() => os.getPriority(pid)),
  },
  setPriority: {
    capability: "subprocess",
    run: (_ctx, pid: number, priority: number) => priorityCall(() => os.setPriority(pid, priority)),
  },
});
