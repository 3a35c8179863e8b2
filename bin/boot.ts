// How vmrun and vmresume start (their entry modules call launch first, before any other
// module loads): V8's optimizer is held back until the guest computes for a while
// (tier-up.ts), the modules that follow compile with V8's code cache (code-cache.ts),
// and the tool runs from its bundle (bundle.ts) when that is up to date with the built
// modules, or from TOOL-main.js and the modules it requires otherwise.
// JAUNT_BUNDLE=off always takes the modules.

import * as path from "node:path";
import { holdTierUp } from "./tier-up";
import { install as installCodeCache } from "./code-cache";
import { BUNDLE_DIR, freshBundle } from "./bundle-manifest";

/** Starts `tool` (vmrun, vmresume). */
export function launch(tool: string): void {
  holdTierUp();
  const bundle = process.env.JAUNT_BUNDLE === "off" ? null : freshBundle(BUNDLE_DIR, tool);
  installCodeCache(bundle ? tool : "", { afterGuestOnly: true });
  require(bundle ?? path.join(__dirname, `${tool}-main.js`));
}
