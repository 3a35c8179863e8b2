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

function fail(what: string): never {
  throw new ProgramCodecError(`cached program: ${what}`);
}

function arr(v: unknown, what: string, length?: number): unknown[] {
  if (!Array.isArray(v) || (length !== undefined && v.length !== length))
    fail(`${what} is not ${length === undefined ? "an array" : `an array of ${length}`}`);
  return v;
}

function int(v: unknown, what: string, min = 0, max = 0x7fffffff): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    fail(`${what} is not an integer in [${min}, ${max}]`);
  return v;
}

function str(v: unknown, what: string): string {
  if (typeof v !== "string") fail(`${what} is not a string`);
  return v;
}

function strings(v: unknown, what: string): string[] {
  return arr(v, what).map((s, i) => str(s, `${what}[${i}]`));
}

function ints(v: unknown, what: string): Int32Array {
  if (!(v instanceof Int32Array)) fail(`${what} is not an Int32Array`);
  return v;
}

/** Rebuilds a program from encodeProgram's output, checking its shape. */
export function decodeProgram(data: unknown): Program {
  const [hash, kind, filename, source, evalFlags, fns] = arr(data, "program", 6);
  if (!KINDS.includes(kind as ProgramKind)) fail(`unknown kind ${String(kind)}`);
  const functions = arr(fns, "functions").map((f, i) => decodeFunction(f, i));
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

function decodeFunction(data: unknown, i: number): FunctionCode {
  const w = `function ${i}`;
  const f = arr(data, w, FIELDS.length);
  const code = ints(f[8], `${w} code`);
  const positions = ints(f[9], `${w} positions`);
  if (positions.length % 3 !== 0) fail(`${w} positions are not triples`);
  for (let k = 0; k < positions.length; k += 3)
    if (positions[k] >= code.length || positions[k] <= (k ? positions[k - 3] : -1))
      fail(`${w} positions are not in code order`);
  const consts = arr(f[10], `${w} constants`).map((c, k): Constant => {
    if (typeof c === "number" || typeof c === "bigint") return c;
    if (typeof c === "string" || c instanceof Uint16Array)
      return decodeText(c, `${w} constant ${k}`);
    return fail(`${w} constant ${k} has type ${typeof c}`);
  });
  const handlers = ints(f[11], `${w} handlers`);
  if (handlers.length % 4 !== 0) fail(`${w} handler table is not in fours`);
  const scopes = arr(f[12], `${w} scopes`).map((s, k): ScopeDesc => {
    const [names, kinds] = arr(s, `${w} scope ${k}`, 2);
    const n = strings(names, `${w} scope ${k} names`);
    const ks = arr(kinds, `${w} scope ${k} kinds`).map((x) => int(x, `${w} slot kind`, 0, 15));
    if (ks.length !== n.length) fail(`${w} scope ${k} kinds do not match its names`);
    return { names: n, kinds: ks };
  });
  const nlocals = int(f[5], `${w} nlocals`);
  const localNames = strings(f[6], `${w} local names`);
  if (localNames.length !== nlocals) fail(`${w} local names do not match nlocals`);
  const liveRanges = ints(f[19], `${w} live ranges`);
  if (liveRanges.length % 3 !== 0) fail(`${w} live ranges are not triples`);
  for (let k = 0; k < liveRanges.length; k += 3)
    if (
      liveRanges[k] < 0 ||
      liveRanges[k] >= nlocals ||
      liveRanges[k + 1] < 0 ||
      liveRanges[k + 1] > liveRanges[k + 2] ||
      liveRanges[k + 2] > code.length
    )
      fail(`${w} live range ${k / 3} is outside the registers or the code`);
  return {
    index: int(f[0], `${w} index`, i, i),
    name: str(f[1], `${w} name`),
    flags: int(f[2], `${w} flags`),
    nparams: int(f[3], `${w} nparams`, 0, nlocals),
    length: int(f[4], `${w} length`),
    nlocals,
    localNames,
    liveRanges,
    maxStack: int(f[7], `${w} maxStack`),
    code,
    positions,
    consts,
    handlers,
    scopes,
    funcScope: int(f[13], `${w} funcScope`, -1, scopes.length - 1),
    start: int(f[14], `${w} start`),
    end: int(f[15], `${w} end`),
    line: int(f[16], `${w} line`),
    col: int(f[17], `${w} col`),
    // Only functions with parameter expressions have a separate var scope.
    ...(f[18] === null ? {} : { varScope: int(f[18], `${w} varScope`, -1, scopes.length - 1) }),
    ...(f[20] === null ? {} : { inferredName: str(f[20], `${w} inferred name`) }),
  };
}
