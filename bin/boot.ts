// How vmrun and vmresume start (their entry modules call launch first, before any other
// module loads): V8's optimizer is held back until the guest computes for a while
// (tier-up.ts), the modules that follow compile with V8's code cache (code-cache.ts),
// and the tool runs from its bundle (bundle.ts) when that is up to date with the built
// modules, or from TOOL-main.js and the modules it requires otherwise.
// JAUNT_BUNDLE=off always takes the modules.
//
// Only bundle-manifest.ts (fs and path, which node has loaded already) is imported up
// front: `TOOL --version` answers from the manifest before node:v8 (with node's
// streams) and node:crypto load (115M instructions instead of 165M). Those two load
// before the optimizer is held back: once V8's flags change, V8 refuses node's own code
// cache for a built-in module, which is then compiled from source.

import * as path from "node:path";
import { BUNDLE_DIR, freshBundleManifest, versionLine } from "./bundle-manifest";

/** Starts `tool` (vmrun, vmresume). */
export function launch(tool: string): void {
  const fresh = process.env.JAUNT_BUNDLE === "off" ? null : freshBundleManifest(BUNDLE_DIR, tool);
  const bundle = fresh?.js ?? null;
  // `TOOL --version` alone, answered from the fresh bundle's manifest without loading
  // the bundle (loading it was two thirds of the command); as parseWords answers it.
  const args = process.argv.slice(2);
  const version = fresh?.record.version;
  if (version && args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
    process.stdout.write(versionLine(...version) + "\n");
    return;
  }
  /* eslint-disable @typescript-eslint/no-require-imports */
  const codeCache = require("./code-cache") as typeof import("./code-cache");
  const tierUp = require("./tier-up") as typeof import("./tier-up");
  /* eslint-enable @typescript-eslint/no-require-imports */
  tierUp.holdTierUp();
  codeCache.install(bundle ? tool : "", { afterGuestOnly: true });
  if (bundle && fresh?.record.wrapped) {
    const { runBundle } = require("./load-bundle") as typeof import("./load-bundle");
    runBundle(bundle, module as unknown as import("node:module"));
  } else require(bundle ?? path.join(__dirname, `${tool}-main.js`));
}
