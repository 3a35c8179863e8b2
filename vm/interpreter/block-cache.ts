// Where compiled regions (block-compiler.ts) are kept and entered: per function code, by
// the offset a loop's back edge jumps to, a hotness count and then the compiled region
// (or null when it could not be compiled or keeps leaving at once). A cache of the
// process, like the inline caches: never in a snapshot, rebuilt as code runs.
//
// JAUNT_JIT: "off" disables it; a number sets how many back edges to one offset make it
// hot (default 500; the tests use 1 to compile every loop at its first iteration).

import type { FunctionCode } from "../../compiler/bytecode";
import type { Frame } from "../model/frame";
import type { Value } from "../model/value";
import { compileBlock, type BlockExit, type CompiledBlock } from "./block-compiler";
import { codeCache, type CodeCache } from "./shape-cache";

const DEFAULT_THRESHOLD = 500;

/** A region that left without running anything this many times in a row is dropped. */
const MAX_STALLS = 8;

/**
 * After this many entries a region that ran fewer than MIN_RUN dispatches an entry on
 * average is dropped: entering and writing back cost more than so short a run saves (a
 * loop body that leaves at its first call, as Octane deltablue's do).
 */
const TRIAL_ENTRIES = 64;
const MIN_RUN = 12;

/** The threshold JAUNT_JIT asks for: 0 when it is off. */
export function jitThreshold(setting = process.env.JAUNT_JIT): number {
  if (setting === undefined || setting === "" || setting === "on") return DEFAULT_THRESHOLD;
  if (setting === "off" || setting === "0") return 0;
  const n = Number(setting);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_THRESHOLD;
}

class CodeBlocks {
  /** By offset: undefined (not hot yet), a region, or null (interpreted for good). */
  readonly blocks: (CompiledBlock | null | undefined)[];
  readonly heat: Int32Array;
  readonly stalls: Uint8Array;
  readonly entries: Int32Array;
  readonly runs: Float64Array;
  /** The code's inline caches (shape-cache.ts), which compiled property reads use. */
  readonly caches: CodeCache;
  constructor(fcode: FunctionCode) {
    const length = fcode.code.length;
    this.caches = codeCache(fcode);
    // Sized up front: a sparse host array would fall back to a slow dictionary.
    this.blocks = new Array<CompiledBlock | null | undefined>(length).fill(undefined);
    this.heat = new Int32Array(length);
    this.stalls = new Uint8Array(length);
    this.entries = new Int32Array(length);
    this.runs = new Float64Array(length);
  }
}

const tables = new WeakMap<FunctionCode, CodeBlocks>();

let threshold = jitThreshold();

/** Sets the hotness threshold of VMs made from now on (0: no compiling); tests run both ways. */
export function setJitThreshold(n: number): void {
  threshold = n;
}

/** The block cache of a new VM, or null when compiling is off. */
export function newBlockCache(): BlockCache | null {
  return threshold > 0 ? new BlockCache(threshold) : null;
}

export class BlockCache {
  /** Where the last region left: the interpreter reads `sp` and `ran` after enter(). */
  readonly exit: BlockExit = { sp: 0, ran: 0 };
  /** Dispatches run compiled, over the VM's life (tests check that loops do run so). */
  ran = 0;
  private lastCode: FunctionCode | null = null;
  private lastTable: CodeBlocks | null = null;

  constructor(readonly threshold: number) {}

  /**
   * At a back edge to `ip`: runs the compiled region there (at most `left` dispatches)
   * and returns the offset where the interpreter goes on; `exit` says how far it got.
   * Not hot yet (or not compilable): returns `ip` with nothing run.
   */
  enter(
    vm: { heapInterrupt: boolean },
    frame: Frame,
    ip: number,
    stack: Value[],
    base: number,
    sp: number,
    left: number,
  ): number {
    const fcode = frame.fn.code;
    const exit = this.exit;
    exit.sp = sp;
    exit.ran = 0;
    let table = this.lastTable;
    if (fcode !== this.lastCode) {
      table = tables.get(fcode) ?? null;
      if (table === null) {
        table = new CodeBlocks(fcode);
        tables.set(fcode, table);
      }
      this.lastCode = fcode;
      this.lastTable = table;
    }
    let block = table!.blocks[ip];
    if (block === undefined) {
      if (++table!.heat[ip] < this.threshold) return ip;
      block = table!.blocks[ip] = compileBlock(fcode, ip);
    }
    if (block === null) return ip;
    const at = block(
      vm,
      stack,
      base,
      sp,
      left,
      exit,
      fcode.consts,
      frame.thisValue,
      frame.env,
      table!.caches,
    );
    this.ran += exit.ran;
    const t = table!;
    if (exit.ran === 0 && left > 64) {
      if (++t.stalls[ip] >= MAX_STALLS) t.blocks[ip] = null;
    } else t.stalls[ip] = 0;
    if (t.entries[ip] < TRIAL_ENTRIES) {
      t.runs[ip] += exit.ran;
      if (++t.entries[ip] === TRIAL_ENTRIES && t.runs[ip] < MIN_RUN * TRIAL_ENTRIES)
        t.blocks[ip] = null;
    }
    return at;
  }
}
