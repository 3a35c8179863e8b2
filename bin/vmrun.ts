#!/usr/bin/env node
// vmrun [options] program.js [args…]: see vmrun-main.ts. This entry only starts it
// (boot.ts: optimizer held back, code cache, the bundle when it is up to date).

import { launch } from "./boot";

launch("vmrun");
