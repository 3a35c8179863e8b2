// Terminal facts for `tty` and process.stdout/stderr when they are terminals
// (vm/node/tty.js): a descriptor's window size (the host's own stdout/stderr are the
// only terminals Jaunt writes to) and Node's colour depth for an environment. The
// window size is shown only with the `fs` capability (as tty.isatty); the colour depth
// is a pure function of the environment the guest passes (its process.env).

import * as tty from "node:tty";
import { defineOperations } from "./runtime-ops";

defineOperations("tty", {
  /** [columns, rows] of fd 1 or 2 when it is a terminal (else Node's 80×24 fallback is the guest's). */
  size: {
    capability: null,
    run: (ctx, fd: unknown) => {
      const s = fd === 1 ? process.stdout : fd === 2 ? process.stderr : null;
      if (!ctx.capabilities.fs || !s || !(s as tty.WriteStream).isTTY) return null;
      return (s as tty.WriteStream).getWindowSize();
    },
  },
  /** Node's getColorDepth for an environment (1, 4, 8 or 24). */
  colorDepth: {
    capability: null,
    run: (_ctx, env: unknown) => {
      const e: Record<string, string> = {};
      if (env && typeof env === "object")
        for (const [k, v] of Object.entries(env)) if (typeof v === "string") e[k] = v;
      return tty.WriteStream.prototype.getColorDepth.call(null, e);
    },
  },
});
