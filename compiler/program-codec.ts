// Compiled programs as plain arrays, for caches that skip parsing and code generation
// (the prelude cache, vm/runtime/prelude-cache.ts). Decoding validates every field's type and
// range, so a damaged cache is reported, never run.

import type { Constant, FunctionCode, Program, ProgramKind, ScopeDesc } from "./bytecode";

const KINDS: readonly ProgramKind[] = ["script", "commonjs", "module", "prelude", "eval"];

export class ProgramCodecError extends Error {}

/** The program as an array of plain values and Int32Arrays (CBOR-friendly). */
export function encodeProgram(p: Program): unknown[] {
  if (p.module) throw new ProgramCodecError("module programs are not cached");
  return [
    p.hash,
    p.kind,
    p.filename,
    encodeText(p.source),
    p.evalFlags ?? -1,
    p.functions.map(encodeFunction),
  ];
}

/** Built on first use, from a string (see startsUpperCase in codegen.ts). */
let surrogate: RegExp | null = null;

/**
 * CBOR text must be valid UTF-8, so a string with a lone surrogate (legal in
 * JavaScript) travels as its UTF-16 code units instead.
 */
function encodeText(s: string): string | Uint16Array {
  return (surrogate ??= new RegExp(String.raw`\p{Surrogate}`, "u")).test(s)
    ? Uint16Array.from({ length: s.length }, (_, i) => s.charCodeAt(i))
    : s;
}

function decodeText(v: unknown, what: string): string {
  if (typeof v === "string") return v;
  if (!(v instanceof Uint16Array)) fail(`${what} is not a string`);
  let out = "";
  for (let i = 0; i < v.length; i += 4096) out += String.fromCharCode(...v.subarray(i, i + 4096));
  return out;
}

/** FunctionCode's fields in encoding order (see encodeFunction and decodeFunction). */
const FIELDS = [
  "index",
  "name",
  "flags",
  "nparams",
  "length",
  "nlocals",
  "localNames",
  "maxStack",
  "code",
  "positions",
  "consts",
  "handlers",
  "scopes",
  "funcScope",
  "start",
  "end",
  "line",
  "col",
  "varScope",
  "liveRanges",
  "inferredName",
] as const;
// A field added to FunctionCode but not to FIELDS (and the codec) fails to compile here.
const everyFieldEncoded: [Exclude<keyof FunctionCode, (typeof FIELDS)[number]>] extends [never]
  ? true
  : never = true;
void everyFieldEncoded;

function encodeFunction(f: FunctionCode): unknown[] {
  return [
    f.index,
    f.name,
    f.flags,
    f.nparams,
    f.length,
    f.nlocals,
    f.localNames,
    f.maxStack,
    f.code,
    f.positions,
    f.consts.map((c) => (typeof c === "string" ? encodeText(c) : c)),
    f.handlers,
    f.scopes.map((s) => [s.names, s.kinds]),
    f.funcScope,
    f.start,
    f.end,
    f.line,
    f.col,
    f.varScope ?? null,
    f.liveRanges,
    f.inferredName ?? null,
  ];
}

/** Where encodeFunction puts a function's integer tables: code, positions, handlers, live ranges. */
const TABLES = [8, 9, 11, 19] as const;

/**
 * encodeProgram's output for the disk cache: every function's integer tables joined
 * into one Int32Array (appended as a seventh element), each table replaced by its
 * length. node's v8.deserialize calls back into JavaScript for every typed array it
 * reads (four a function: 2696 for the prelude), which was most of its cost.
 */
export function packTables(encoded: unknown[]): unknown[] {
  const fns = encoded[5] as unknown[][];
  let total = 0;
  for (const f of fns) for (const k of TABLES) total += (f[k] as Int32Array).length;
  const all = new Int32Array(total);
  let at = 0;
  const packed = fns.map((f) => {
    const g = f.slice();
    for (const k of TABLES) {
      const t = f[k] as Int32Array;
      all.set(t, at);
      at += t.length;
      g[k] = t.length;
    }
    return g;
  });
  return [...encoded.slice(0, 5), packed, all];
}

/** packTables undone (in place), for decodeProgram: each table a view of the joined one. */
export function unpackTables(data: unknown): unknown[] {
  const packed = arr(data, "program", 7);
  const all = packed[6];
  if (!(all instanceof Int32Array)) fail("the joined tables are not an Int32Array");
  const fns = arr(packed[5], "functions");
  let at = 0;
  for (let i = 0; i < fns.length; i++) {
    const f = fns[i];
    if (!Array.isArray(f) || f.length !== FIELDS.length) continue; // decodeProgram says why
    for (const k of TABLES) {
      const n = f[k];
      if (!isInt(n, 0, all.length - at)) fail(`function ${i} ${FIELDS[k]} is not in the tables`);
      f[k] = new Int32Array(all.buffer, all.byteOffset + at * 4, n);
      at += n;
    }
  }
  if (at !== all.length) fail("the joined tables are longer than the functions' tables");
  packed.length = 6;
  return packed;
}

function fail(what: string): never {
  throw new ProgramCodecError(`cached program: ${what}`);
}

// The checks below build their messages only when they fail: decoding the prelude's
// 674 functions ran in V8's interpreter at every start, and composing a message for
// each field checked (and mapping every table through a closure) was most of its
// ~44M instructions. The arrays a decoder hands in are its own: they are kept.

function arr(v: unknown, what: string, length?: number): unknown[] {
  if (!Array.isArray(v) || (length !== undefined && v.length !== length))
    fail(`${what} is not ${length === undefined ? "an array" : `an array of ${length}`}`);
  return v;
}

function isInt(v: unknown, min: number, max: number): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
}

function int(v: unknown, what: string, min: number, max: number): number {
  if (!isInt(v, min, max)) fail(`${what} is not an integer in [${min}, ${max}]`);
  return v;
}

function str(v: unknown, what: string): string {
  if (typeof v !== "string") fail(`${what} is not a string`);
  return v;
}

/** `v` (`what` of function `i`) when it is an array of strings. */
function strings(v: unknown, i: number, what: string): string[] {
  if (!Array.isArray(v)) fail(`function ${i} ${what} is not an array`);
  for (let k = 0; k < v.length; k++)
    if (typeof v[k] !== "string") fail(`function ${i} ${what}[${k}] is not a string`);
  return v as string[];
}

/** Table `what` of function `i` when it is an Int32Array. */
function ints(v: unknown, i: number, what: string): Int32Array {
  if (!(v instanceof Int32Array)) fail(`function ${i} ${what} is not an Int32Array`);
  return v;
}

/**
 * Rebuilds a program from encodeProgram's output, checking its shape. `checksummed`
 * (a cache entry whose checksum matched what was written) skips the one check that
 * walks every instruction's position: a table out of order would only misplace an
 * error's line (positionAt stays in bounds), and that walk was half of decoding the
 * prelude at every start.
 */
export function decodeProgram(data: unknown, opts: { checksummed?: boolean } = {}): Program {
  const [hash, kind, filename, source, evalFlags, fns] = arr(data, "program", 6);
  if (!KINDS.includes(kind as ProgramKind)) fail(`unknown kind ${String(kind)}`);
  const list = arr(fns, "functions");
  const functions: FunctionCode[] = new Array(list.length);
  const ordered = opts.checksummed !== true;
  for (let i = 0; i < list.length; i++) functions[i] = decodeFunction(list[i], i, ordered);
  if (functions.length === 0) fail("no top-level function");
  const program = {
    hash: str(hash, "hash"),
    kind: kind as ProgramKind,
    filename: str(filename, "filename"),
    source: decodeText(source, "source"),
    functions,
  };
  const flags = int(evalFlags, "eval flags", -1, 63);
  return flags >= 0 ? { ...program, evalFlags: flags } : program;
}

/** The constants of function `i`, checked, with UTF-16 strings made strings again (in place). */
function decodeConsts(v: unknown, i: number): Constant[] {
  if (!Array.isArray(v)) fail(`function ${i} constants is not an array`);
  const consts: unknown[] = v;
  for (let k = 0; k < consts.length; k++) {
    const c = consts[k];
    if (typeof c === "number" || typeof c === "bigint" || typeof c === "string") continue;
    if (c instanceof Uint16Array) consts[k] = decodeText(c, `function ${i} constant ${k}`);
    else fail(`function ${i} constant ${k} has type ${typeof c}`);
  }
  return consts as Constant[];
}

function decodeScopes(v: unknown, i: number): ScopeDesc[] {
  if (!Array.isArray(v)) fail(`function ${i} scopes is not an array`);
  const scopes: unknown[] = v;
  for (let k = 0; k < scopes.length; k++) {
    const [names, kinds] = arr(scopes[k], `function ${i} scope ${k}`, 2);
    const n = strings(names, i, `scope ${k} names`);
    const ks = arr(kinds, `function ${i} scope ${k} kinds`);
    for (const x of ks) if (!isInt(x, 0, 15)) fail(`function ${i} slot kind is not in [0, 15]`);
    if (ks.length !== n.length) fail(`function ${i} scope ${k} kinds do not match its names`);
    scopes[k] = { names: n, kinds: ks as number[] };
  }
  return scopes as ScopeDesc[];
}

/** Field `k` of function `i` when it is an integer in [min, max]. */
function intField(f: unknown[], k: number, i: number, min = 0, max = 0x7fffffff): number {
  const v = f[k];
  if (!isInt(v, min, max)) fail(`function ${i} ${FIELDS[k]} is not an integer in [${min}, ${max}]`);
  return v;
}

/** Field `k` of function `i` when it is a string. */
function strField(f: unknown[], k: number, i: number): string {
  const v = f[k];
  if (typeof v !== "string") fail(`function ${i} ${FIELDS[k]} is not a string`);
  return v;
}

/** Function `i`; `ordered`: check that its positions are in code order. */
function decodeFunction(data: unknown, i: number, ordered: boolean): FunctionCode {
  if (!Array.isArray(data) || data.length !== FIELDS.length)
    fail(`function ${i} is not an array of ${FIELDS.length}`);
  const f: unknown[] = data;
  const code = ints(f[8], i, "code");
  const positions = ints(f[9], i, "positions");
  if (positions.length % 3 !== 0) fail(`function ${i} positions are not triples`);
  if (ordered)
    for (let k = 0, last = -1, n = code.length; k < positions.length; k += 3) {
      const at = positions[k];
      if (at >= n || at <= last) fail(`function ${i} positions are not in code order`);
      last = at;
    }
  const consts = decodeConsts(f[10], i);
  const handlers = ints(f[11], i, "handlers");
  if (handlers.length % 4 !== 0) fail(`function ${i} handler table is not in fours`);
  const scopes = decodeScopes(f[12], i);
  const nlocals = intField(f, 5, i);
  const localNames = strings(f[6], i, "local names");
  if (localNames.length !== nlocals) fail(`function ${i} local names do not match nlocals`);
  const liveRanges = ints(f[19], i, "live ranges");
  if (liveRanges.length % 3 !== 0) fail(`function ${i} live ranges are not triples`);
  for (let k = 0; k < liveRanges.length; k += 3)
    if (
      liveRanges[k] < 0 ||
      liveRanges[k] >= nlocals ||
      liveRanges[k + 1] < 0 ||
      liveRanges[k + 1] > liveRanges[k + 2] ||
      liveRanges[k + 2] > code.length
    )
      fail(`function ${i} live range ${k / 3} is outside the registers or the code`);
  const fn: { -readonly [K in keyof FunctionCode]: FunctionCode[K] } = {
    index: intField(f, 0, i, i, i),
    name: strField(f, 1, i),
    flags: intField(f, 2, i),
    nparams: intField(f, 3, i, 0, nlocals),
    length: intField(f, 4, i),
    nlocals,
    localNames,
    liveRanges,
    maxStack: intField(f, 7, i),
    code,
    positions,
    consts,
    handlers,
    scopes,
    funcScope: intField(f, 13, i, -1, scopes.length - 1),
    start: intField(f, 14, i),
    end: intField(f, 15, i),
    line: intField(f, 16, i),
    col: intField(f, 17, i),
  };
  // Only functions with parameter expressions have a separate var scope.
  if (f[18] !== null) fn.varScope = intField(f, 18, i, -1, scopes.length - 1);
  if (f[20] !== null) fn.inferredName = strField(f, 20, i);
  return fn;
}
