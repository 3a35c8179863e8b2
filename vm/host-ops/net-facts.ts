// Runtime host operations for `dns` and `tty` (and process.chdir/kill): name lookups
// under the `net` capability; whether a descriptor is a terminal, a host fact shown
// only with `fs` (as os.ts does); the working directory and signals, under `fs` and
// `subprocess`. Failures cross as plain records { message, errno, code, syscall, … }
// that the guest side turns into Node's errors.

import * as dns from "node:dns";
import * as tty from "node:tty";
import { defineOperations } from "./runtime-ops";

/** A host error as the plain record the guest rebuilds (see vm/node/dns.js). */
export function hostFailure(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const x = e as NodeJS.ErrnoException & { hostname?: string; dest?: string };
  const r: Record<string, unknown> = { message: x.message, code: x.code, syscall: x.syscall };
  for (const k of ["errno", "hostname", "path", "dest"] as const)
    if (x[k] !== undefined) r[k] = x[k];
  return r;
}

defineOperations("dns", {
  lookup: {
    capability: "net",
    idempotent: true,
    run: async (_ctx, hostname: unknown, family: unknown, all: unknown, order: unknown) => {
      if (typeof hostname !== "string") throw new TypeError("dns.lookup: bad hostname");
      const options: dns.LookupAllOptions = {
        family: family === 4 || family === 6 ? family : 0,
        all: true,
      };
      if (order === "ipv4first" || order === "verbatim") options.verbatim = order === "verbatim";
      try {
        const found = await dns.promises.lookup(hostname, options);
        const list = found.map((a) => ({ address: a.address, family: a.family }));
        return all === true ? list : list[0];
      } catch (e) {
        throw hostFailure(e);
      }
    },
  },
});

defineOperations("tty", {
  isatty: {
    capability: null,
    run: (ctx, fd: unknown) => ctx.capabilities.fs && typeof fd === "number" && tty.isatty(fd),
  },
});

defineOperations("process", {
  chdir: {
    capability: "fs",
    run: (_ctx, dir: unknown) => {
      try {
        process.chdir(String(dir));
      } catch (e) {
        throw hostFailure(e);
      }
      return process.cwd();
    },
  },
  kill: {
    capability: "subprocess",
    run: (_ctx, pid: unknown, signal: unknown) => {
      try {
        return process.kill(Number(pid), signal as NodeJS.Signals | number);
      } catch (e) {
        throw hostFailure(e);
      }
    },
  },
});
