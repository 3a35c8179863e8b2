// The entry of the startup-snapshot bundle (startup-snapshot.ts): an experiment, not
// how vmrun starts (see README, "A V8 startup snapshot"). Evaluated while node builds a
// snapshot (`node --build-snapshot`), it loads every module vmrun and vmresume share
// and builds the process's pristine realm (the prelude run, intrinsics numbered), so a
// process started from the snapshot deserializes that heap instead of compiling,
// decoding and building it. runTool then runs a tool's main module, whose top level
// reads the command line.

import * as v8 from "node:v8";
import { Jaunt } from "../vm";
import "./common";
import { holdTierUp } from "./tier-up";

// Only while a snapshot is built: requiring this bundle anywhere else changes nothing.
if (v8.startupSnapshot?.isBuildingSnapshot()) Jaunt.prepare();

/** Runs `tool` (vmrun, vmresume) as its entry would, in a process started from the snapshot. */
export function runTool(tool: string): void {
  holdTierUp();
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (tool === "vmrun") require("./vmrun-main");
  else if (tool === "vmresume") require("./vmresume-main");
  else throw new Error(`no tool named ${tool}`);
  /* eslint-enable @typescript-eslint/no-require-imports */
}
