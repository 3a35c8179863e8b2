// Holding back V8's optimizing compiler while a command starts.
//
// TurboFan compiles hot functions on a background thread, and node does not exit while
// such a compile is in flight (it drains V8's worker tasks when the event loop empties,
// and process.exit joins the worker threads). The interpreter's dispatch function is
// large: its compile costs ~100 ms of CPU, and the few thousand instructions of the
// prelude were enough to start it, so `vmrun hello.js` spent that long waiting at exit
// for code it would never run (and as long again compiling the loader's own hot
// functions). Optimization pays only for a program that computes for a while, so the
// command-line tools start with the optimizer off and turn it on once the guest has
// computed for TIER_UP_AFTER_MS (runToEnd in common.ts counts it).
//
// Called first by each tool's entry module (boot.ts), so the loading of the tools'
// modules runs with the optimizer off too. A node option that chooses V8's tiering
// itself (--jitless, --no-opt, --max-lazy…, given on the command line or in
// NODE_OPTIONS) is left alone.
//
// Tried and not kept (CPU per bench program, best of 3, machine under load ~25): turning
// on-stack replacement off once the optimizer is on (--no-use-osr, with execute() run in
// slices) saves the second compile of execute() (~150 ms of background CPU) but leaves
// every host loop that runs once (runLoop over promise jobs, the array natives' loops)
// unoptimized: arrays, async, promises and objects got slower, the sum over the twelve
// programs did not improve. (Kept instead, OSR_AFTER_MS: OSR off for a second only,
// with runToEnd running in slices meanwhile so that runTurns returns too.) Warming
// execute()'s type feedback with a broad guest program in a throw-away VM before the
// optimizer comes back removed most of its later deopts
// (arrays: 3 to 1) but cost ~250 ms of main-thread CPU (the warm-up itself, and a larger
// compile that is ready later), more than the deopts it saves.

import * as v8 from "node:v8";

/** Guest compute time after which the optimizer is turned back on. */
export const TIER_UP_AFTER_MS = 30;

/** V8 options that say the user chose the tiering: we then change nothing. */
const TIERING_OPTION =
  /^--(?:no-)?(?:jitless|opt|turbofan|maglev|sparkplug|always-|ticks-|interrupt-budget|use-osr|concurrent-)/;

function userChoosesTiering(): boolean {
  const words = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  return words.some((w) => TIERING_OPTION.test(w.replace(/_/g, "-")));
}

/**
 * Whether the optimizer is held back. Kept on the process, not in this module: boot.ts
 * holds it from the modules while the tool may run from its esbuild bundle, which has
 * its own copy of this module; a module-local flag left the bundle's copy believing
 * nothing was held, so the optimizer never came back (every program ran ~10x slower).
 */
const HELD = Symbol.for("jaunt.tierUpHeld");
type TierState = { [HELD]?: boolean };
const state = process as unknown as TierState;

/** Turns the optimizer off until releaseTierUp (unless the user chose V8's tiering). */
export function holdTierUp(): void {
  if (state[HELD] || process.env.JAUNT_TIER_UP === "now" || userChoosesTiering()) return;
  v8.setFlagsFromString("--no-opt");
  state[HELD] = true;
}

/** True while the optimizer is held back. */
export function tierUpHeld(): boolean {
  return state[HELD] === true;
}

/**
 * Turns the optimizer off for good once the guest has finished. node 20 unregisters
 * its isolate from the platform before disposing of it, and a TurboFan job still
 * running on a worker thread in between asks the platform for the isolate's task
 * runner and aborts the process (`Assertion failed: (data.first) != nullptr` in
 * NodePlatform::ForIsolate): about one `vmrun` in six of a program that had just got
 * hot. Nothing is compiled after the guest's last instruction, so none is started.
 */
export function settleForExit(): void {
  if (userChoosesTiering() || process.env.JAUNT_TIER_UP === "now") return;
  state[HELD] = false;
  v8.setFlagsFromString("--no-opt");
}

/** Turns the optimizer back on (once the guest has computed long enough to gain from it). */
export function releaseTierUp(): void {
  if (!state[HELD]) return;
  state[HELD] = false;
  v8.setFlagsFromString("--opt");
  if (process.env.JAUNT_OSR === "on") return;
  // On-stack replacement waits (see OSR_AFTER_MS).
  v8.setFlagsFromString("--no-use-osr");
  osrState[OSR_HELD] = true;
}

/**
 * Guest compute time, after the optimizer came back, during which V8's on-stack
 * replacement stays off. The interpreter's dispatch function is hot at once and runs
 * in one long loop: with OSR on, V8 compiled it twice at the same time (an OSR compile
 * for the running call, and with it the regular one for the next call; ~200 ms of CPU
 * each), two compiles on the second core of a two-core machine, each ready later than
 * one alone, and the main thread sharing its core with them. execute() returns every
 * EXECUTE_SLICE instructions (and runToEnd runs in slices meanwhile, so runTurns
 * returns too), so the regular compile alone brings optimized code in. OSR comes
 * back for host loops that run once for long, after the compile should be done.
 */
export const OSR_AFTER_MS = 1000;

const OSR_HELD = Symbol.for("jaunt.osrHeld");
type OsrState = { [OSR_HELD]?: boolean };
const osrState = process as unknown as OsrState;

/** True while on-stack replacement is held back after the tier-up. */
export function osrHeld(): boolean {
  return osrState[OSR_HELD] === true;
}

/** Turns on-stack replacement back on. */
export function releaseOsr(): void {
  if (!osrState[OSR_HELD]) return;
  osrState[OSR_HELD] = false;
  v8.setFlagsFromString("--use-osr");
}

/**
 * Runs `work`, a long host computation of its own (decoding a big snapshot: a loop over
 * a million records, run once), with the optimizer and on-stack replacement on: held
 * back, it ran in V8's interpreter (vmresume of 10^6 objects: ~1.2 s more CPU). The
 * optimizer stays on after it (the guest that follows has state enough to be worth it);
 * on-stack replacement is held again for the guest, as releaseTierUp leaves it.
 */
export function withOptimizer<T>(work: () => T): T {
  if (!tierUpHeld()) return work();
  releaseTierUp();
  const osr = osrHeld();
  if (osr) v8.setFlagsFromString("--use-osr");
  try {
    return work();
  } finally {
    if (osr) v8.setFlagsFromString("--no-use-osr");
  }
}

/**
 * Counts `ms` more of guest compute time (`computed` so far) and releases what is due:
 * the optimizer after TIER_UP_AFTER_MS, OSR OSR_AFTER_MS later. Returns the new total.
 */
export function tierUpStep(computed: number, ms: number): number {
  if (!tierUpHeld() && !osrHeld()) return computed;
  computed += ms;
  if (tierUpHeld() && computed >= TIER_UP_AFTER_MS) releaseTierUp();
  else if (osrHeld() && computed >= TIER_UP_AFTER_MS + OSR_AFTER_MS) releaseOsr();
  return computed;
}
