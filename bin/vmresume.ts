#!/usr/bin/env node
// vmresume file.snap | DIR --at STEP | --listen: see vmresume-main.ts. This entry only
// starts it (boot.ts: optimizer held back, code cache, the bundle when it is up to date).

import { launch } from "./boot";

launch("vmresume");
