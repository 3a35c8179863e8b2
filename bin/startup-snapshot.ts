// Builds the experimental V8 startup snapshot of vmrun and vmresume (see README, "A V8
// startup snapshot"): bundles startup-snapshot-main.ts (dist/bundle/startup-snapshot.js),
// has node build a snapshot from it (startup-snapshot-builder.ts) and checks that the
// result starts. Run a tool from it with `node --snapshot-blob BLOB vmrun prog.js`.
//
// Usage: node dist/bin/startup-snapshot.js [BLOB] (default dist/bundle/startup.blob).

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { bundle } from "./bundle";
import { BUNDLE_DIR, bundleFiles } from "./bundle-manifest";

/** The bundle name of the snapshot's entry (bin/startup-snapshot-main.ts). */
export const SNAPSHOT_ENTRY = "startup-snapshot";

/** Builds the snapshot into `blob`; throws with node's own message when that fails. */
export async function buildStartupSnapshot(blob: string): Promise<void> {
  await bundle(SNAPSHOT_ENTRY);
  const { js } = bundleFiles(BUNDLE_DIR, SNAPSHOT_ENTRY);
  const builder = path.join(__dirname, "startup-snapshot-builder.js");
  const tmp = `${blob}.${process.pid}.tmp`;
  const env = { ...process.env, NODE_OPTIONS: "" };
  const built = spawnSync(
    process.execPath,
    ["--snapshot-blob", tmp, "--build-snapshot", builder, js],
    { encoding: "utf8", env },
  );
  if (built.status !== 0 || !fs.existsSync(tmp)) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`building the snapshot failed: ${built.stderr.trim()}`);
  }
  // A blob node cannot start from aborts the process: try it before it is used.
  const tried = spawnSync(process.execPath, ["--snapshot-blob", tmp, "vmrun", "--version"], {
    encoding: "utf8",
    env,
  });
  if (tried.status !== 0 || !tried.stdout.startsWith("jaunt ")) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`the snapshot does not start: ${tried.stderr.trim()}`);
  }
  fs.renameSync(tmp, blob);
}

if (require.main === module) {
  const blob = path.resolve(process.argv[2] ?? path.join(BUNDLE_DIR, "startup.blob"));
  buildStartupSnapshot(blob).catch((e: unknown) => {
    process.stderr.write(`startup-snapshot: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
