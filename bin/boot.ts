// The first import of vmrun's and vmresume's entry modules, before any other module
// loads: V8's optimizer is held back until the guest computes for a while (tier-up.ts)
// and the modules that follow compile with V8's code cache (code-cache.ts).

import { holdTierUp } from "./tier-up";
import { install as installCodeCache } from "./code-cache";

holdTierUp();
installCodeCache();
