// Jaunt's own version, as package.json gives it, and the runtime name snapshots carry:
// a resumed VM must have the same built-ins (prelude) as the one that took the snapshot,
// and a refusal names both runtimes in words a user can act on.

import * as fs from "node:fs";
import * as path from "node:path";

function packageVersion(): string {
  // dist/vm/version.js → the package root; vm/version.ts (run from source) → one up.
  for (const up of ["../..", ".."]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, up, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "jaunt" && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return "unknown";
}

/** The package version (package.json), or "unknown" outside the package. */
export const JAUNT_VERSION = packageVersion();

/**
 * The runtime as a snapshot names it: the package version and the first 12 digits of
 * the prelude's hash (two builds of one version with different built-ins differ).
 */
export function runtimeName(preludeHash: string): string {
  return `jaunt ${JAUNT_VERSION} (built-ins ${preludeHash.slice(0, 12)})`;
}
