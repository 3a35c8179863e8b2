// Structured fuzzing of snapshots: real snapshots of real programs, decoded into their
// CBOR item tree, mutated structurally (references retargeted, items swapped, keys
// renamed, fields deleted, records duplicated or reordered, numbers set to boundary
// values, strings changed, arrays truncated) or at the byte level (truncation, bit
// flips), then resumed and run with a step budget and a deadline.
//
// The property: Jaunt.resume refuses the bytes with a SnapshotError, or the resumed
// VM runs to completion, pauses or ends with a guest error. A host exception from
// Jaunt's own code (TypeError, RangeError, an internal signal object, InternalError
// from run()'s last line of defence) is a failure, and so is a change to a host
// prototype (pollution from decoding).
//
// Used by test/snapshot-fuzz.test.ts (a short seeded run in `npm test`) and by
// bench/fuzz-snapshots.ts (`npm run fuzz:snapshots`, 100,000 cases by default).

import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { decode as cborDecode } from "cbor-x";
import { encodeCbor as cborEncode } from "../vm/cbor-write";
import { Jaunt, SnapshotError } from "../vm";
import type { ProgramKind } from "../compiler/bytecode";
import { ROOT } from "./harness";

/** Programs of test/programs/ covering timers, promises, generators, classes, collections, binary data… */
export const SEED_PROGRAMS = [
  "async-nested-timers.js",
  "async-microtask-vs-timer.js",
  "async-generators.js",
  "async-promise-all.js",
  "async-for-await.js",
  "gen-yield-star-generator.js",
  "class-private-fields.js",
  "class-extends-map.js",
  "log-map-set.js",
  "typedarray-methods.js",
  "arraybuffer-basics.js",
  "nexttick-order.js",
  "proxy-traps.js",
  "regexp-exec-basics.js",
  "small-url-foreach.js",
  "date-construct-get.js",
];

/** An ES module (top-level await, exports, a timer, a generator) loaded from source. */
const ESM_SEED = `
export const answer = 42;
function* count(n) { for (let i = 0; i < n; i++) yield i; }
const m = new Map([[1, "a"], [2, "b"]]);
const s = new Set(count(4));
await new Promise((r) => setTimeout(r, 5));
const u8 = new Uint8Array([1, 2, 3]);
for (const x of count(3)) console.log(x, m.get(x), s.has(x), u8[x]);
export default class K { #p = 1; get p() { return this.#p; } }
console.log(new K().p, answer);
`;

export interface Seed {
  name: string;
  step: number;
  bytes: Uint8Array;
}

/**
 * A host clock for resumed VMs that never makes the event loop sleep: it starts past
 * the latest time a valid snapshot's timers can be due (Date's range plus the longest
 * delay) and moves on by more than the longest interval at each reading.
 */
function jumpingClock(): () => number {
  let t = 8.64e15 + 2 ** 32;
  return () => (t += 2 ** 31 + 1);
}

function seedClock(): () => number {
  let t = 1_700_000_000_000;
  return () => (t += 3);
}

/**
 * Snapshots of each program at several points of one run (steps growing geometrically
 * up to the end of the program, at most `perProgram` of them).
 */
export function makeSeeds(perProgram = 6, programs = SEED_PROGRAMS): Seed[] {
  const seeds: Seed[] = [];
  const sources: [string, string, ProgramKind][] = programs.map((p) => [
    p,
    fs.readFileSync(path.join(ROOT, "test", "programs", p), "utf8"),
    "commonjs",
  ]);
  sources.push(["esm-seed.mjs", ESM_SEED, "module"]);
  for (const [name, source, kind] of sources) {
    const j = Jaunt.create({ stdout: () => {}, stderr: () => {}, seed: 7, now: seedClock() });
    j.load(source, path.join(ROOT, "test", "programs", name), kind);
    let at = 0;
    for (let k = 0, step = 37; k < perProgram; k++, step = Math.ceil(step * 3.1)) {
      const r = j.run(step - at);
      at = j.steps;
      if (r.status !== "paused") break;
      seeds.push({ name, step: at, bytes: j.snapshot() });
    }
  }
  return seeds;
}

// ---- mutations -------------------------------------------------------------------

/** A small deterministic PRNG (mulberry32) for the choices inside one mutation. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, n: number): number => Math.floor(r() * n);

const BOUNDARY_NUMBERS = [
  -1,
  0,
  1,
  2,
  -0,
  0.5,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 32,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  NaN,
  Infinity,
  -Infinity,
  1e300,
];

const STRANGE_KEYS = ["__proto__", "constructor", "prototype", "toString", "", "x"];

interface Slot {
  parent: unknown[] | Record<string, unknown>;
  key: number | string;
  depth: number;
}

/** Every item of the tree below `root`, as (parent, key). */
function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        out.push({ parent: node, key: i, depth });
        stack.push([node[i], depth + 1]);
      }
    } else if (node && typeof node === "object" && !ArrayBuffer.isView(node)) {
      for (const k of Object.keys(node)) {
        out.push({ parent: node as Record<string, unknown>, key: k, depth });
        stack.push([(node as Record<string, unknown>)[k], depth + 1]);
      }
    }
  }
  return out;
}

const get = (s: Slot): unknown => (s.parent as Record<string | number, unknown>)[s.key];
const set = (s: Slot, v: unknown): void => {
  (s.parent as Record<string | number, unknown>)[s.key] = v;
};
const clone = (v: unknown): unknown => cborDecode(cborEncode(v));

/** Tagged references of the value encoding: [2|4|7|10, index] (object, symbol, env, private name). */
const isRef = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && [2, 4, 7, 10].includes(v[0]) && typeof v[1] === "number";
const isIntrinsicRef = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && [3, 8, 11].includes(v[0]) && typeof v[1] === "number";

export const MUTATIONS = [
  "retarget-ref",
  "ref-to-number",
  "retarget-intrinsic",
  "boundary-number",
  "replace-with-other",
  "swap-same-kind",
  "swap-any",
  "rename-key",
  "delete-field",
  "duplicate-record",
  "change-string",
  "truncate-array",
  "reorder-heap",
  "retag",
  "flip-bool-null",
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/**
 * Applies one structural mutation to the decoded snapshot `tree` ([header, heap,
 * roots]) in place. `focus` biases the choice of item towards the roots (frames,
 * stack, queues, timers), where small changes matter most. Returns what it did.
 */
export function mutateTree(tree: unknown[], kind: Mutation, seed: number, focus: boolean): string {
  const r = rng(seed);
  const heap = tree[1] as unknown[];
  const all = slots(focus ? tree[2] : tree);
  if (all.length === 0) return "nothing to mutate";
  const anySlot = (filter?: (v: unknown, s: Slot) => boolean): Slot | undefined => {
    if (!filter) return pick(r, all);
    const fit = all.filter((s) => filter(get(s), s));
    return fit.length ? pick(r, fit) : undefined;
  };
  const heapIndex = (): number => {
    const n = heap.length;
    return pick(r, [int(r, n || 1), int(r, n || 1), n, n + 1, -1, 2 ** 31, 0]);
  };
  switch (kind) {
    case "retarget-ref": {
      const s = anySlot(isRef);
      if (!s) return "no reference";
      const v = get(s) as [number, number];
      const to = heapIndex();
      set(s, [v[0], to]);
      return `reference ${v[1]} -> ${to}`;
    }
    case "ref-to-number": {
      const s = anySlot((v) => isRef(v) || isIntrinsicRef(v));
      if (!s) return "no reference";
      const n = pick(r, [...BOUNDARY_NUMBERS, int(r, 1000)]);
      set(s, n);
      return `reference -> bare number ${n}`;
    }
    case "retarget-intrinsic": {
      const s = anySlot(isIntrinsicRef);
      if (!s) return "no intrinsic reference";
      const v = get(s) as [number, number];
      const to = pick(r, [v[1] + 1, v[1] - 1, int(r, 3000), 0, -1, 1e6]);
      set(s, [v[0], to]);
      return `intrinsic ${v[1]} -> ${to}`;
    }
    case "boundary-number": {
      const s = anySlot((v) => typeof v === "number");
      if (!s) return "no number";
      const n = pick(r, [...BOUNDARY_NUMBERS, (get(s) as number) + 1, (get(s) as number) - 1]);
      set(s, n);
      return `number at ${String(s.key)} -> ${n}`;
    }
    case "replace-with-other": {
      const a = anySlot();
      const b = pick(r, slots(tree));
      if (!a || !b) return "nothing";
      set(a, clone(get(b)));
      return `item at ${String(a.key)} replaced by a copy of another`;
    }
    case "swap-same-kind":
    case "swap-any": {
      const a = anySlot();
      if (!a) return "nothing";
      const va = get(a);
      const kindOf = (v: unknown) =>
        Array.isArray(v) ? `array${isRef(v) ? "ref" : ""}` : v === null ? "null" : typeof v;
      const b =
        kind === "swap-same-kind"
          ? anySlot((v, s) => s !== a && kindOf(v) === kindOf(va))
          : anySlot((_, s) => s !== a);
      if (!b) return "no partner";
      const vb = get(b);
      set(a, vb);
      set(b, va);
      return `swapped items at ${String(a.key)} and ${String(b.key)}`;
    }
    case "rename-key": {
      const s = anySlot((_, s) => typeof s.key === "string");
      if (!s) return "no key";
      const obj = s.parent as Record<string, unknown>;
      const keys = Object.keys(obj);
      const to = pick(r, [...STRANGE_KEYS, `${String(s.key)}_`, pick(r, keys)]);
      const v = obj[s.key as string];
      delete obj[s.key as string];
      Object.defineProperty(obj, to, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return `renamed key ${String(s.key)} -> ${to}`;
    }
    case "delete-field": {
      const s = anySlot();
      if (!s) return "nothing";
      if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
      else delete (s.parent as Record<string, unknown>)[s.key as string];
      return `deleted field ${String(s.key)}`;
    }
    case "duplicate-record": {
      if (r() < 0.5 && heap.length) {
        const i = int(r, heap.length);
        const at = r() < 0.5 ? heap.length : int(r, heap.length);
        heap.splice(at, 0, clone(heap[i]));
        return `heap record ${i} duplicated at ${at}`;
      }
      const s = anySlot((v) => Array.isArray(v) && v.length > 0);
      if (!s) return "no array";
      const arr = get(s) as unknown[];
      const i = int(r, arr.length);
      arr.splice(i, 0, clone(arr[i]));
      return `array item ${i} duplicated`;
    }
    case "change-string": {
      const s = anySlot((v) => typeof v === "string");
      if (!s) return "no string";
      const v = get(s) as string;
      const to = pick(r, [
        "",
        v + "x",
        v.slice(1),
        "\ud800",
        "__proto__",
        "tickState",
        v.toUpperCase(),
      ]);
      set(s, to);
      return `string ${JSON.stringify(v.slice(0, 30))} -> ${JSON.stringify(to)}`;
    }
    case "truncate-array": {
      const s = anySlot((v) => Array.isArray(v) && v.length > 0);
      if (!s) return "no array";
      const arr = get(s) as unknown[];
      const n = int(r, arr.length);
      arr.length = n;
      return `array truncated to ${n}`;
    }
    case "reorder-heap": {
      if (heap.length < 2) return "heap too small";
      const i = int(r, heap.length);
      const j = int(r, heap.length);
      [heap[i], heap[j]] = [heap[j], heap[i]];
      return `heap records ${i} and ${j} swapped`;
    }
    case "retag": {
      const s = anySlot((v) => Array.isArray(v) && typeof v[0] === "number");
      if (!s) return "no tagged item";
      const v = get(s) as unknown[];
      const to = pick(r, [int(r, 14), (v[0] as number) + 1, 100 + int(r, 70), -1]);
      v[0] = to;
      return `tag -> ${to}`;
    }
    case "flip-bool-null": {
      const s = anySlot((v) => typeof v === "boolean" || v === null || v === undefined);
      if (!s) return "no boolean/null";
      const v = get(s);
      set(s, pick(r, [!v, null, undefined, 0, [], {}]));
      return `flipped ${String(v)}`;
    }
  }
}

export interface FuzzCase {
  seed: number;
  /** Structural mutations, or none when `bytes` is set. */
  ops: { kind: Mutation; r: number; focus: boolean }[];
  /** A byte-level mutation of the encoded seed instead. */
  bytes: { truncate: boolean; r: number } | null;
}

export function caseArbitrary(nseeds: number): fc.Arbitrary<FuzzCase> {
  const op = fc.record({
    kind: fc.constantFrom(...MUTATIONS),
    r: fc.nat(),
    focus: fc.boolean(),
  });
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        seed: fc.nat({ max: nseeds - 1 }),
        ops: fc.array(op, { minLength: 1, maxLength: 3 }),
        bytes: fc.constant(null),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        seed: fc.nat({ max: nseeds - 1 }),
        ops: fc.constant([] as FuzzCase["ops"]),
        bytes: fc.record({ truncate: fc.boolean(), r: fc.nat() }),
      }),
    },
  );
}

/** The bytes of one case and a description of what was done. */
export function buildCase(seeds: Seed[], c: FuzzCase): { bytes: Uint8Array; what: string[] } {
  const seed = seeds[c.seed];
  const what = [`${seed.name}@${seed.step}`];
  if (c.bytes) {
    const r = rng(c.bytes.r);
    const b = Uint8Array.from(seed.bytes);
    if (c.bytes.truncate) {
      const n = int(r, b.length);
      what.push(`truncated to ${n} of ${b.length} bytes`);
      return { bytes: b.subarray(0, n), what };
    }
    const flips = 1 + int(r, 8);
    for (let i = 0; i < flips; i++) {
      const at = int(r, b.length);
      const bit = int(r, 8);
      b[at] ^= 1 << bit;
      what.push(`bit ${bit} of byte ${at} flipped`);
    }
    return { bytes: b, what };
  }
  const tree = cborDecode(seed.bytes) as unknown[];
  for (const op of c.ops) {
    // An edit can leave a shape a later edit does not expect: that edit is skipped.
    let did: string;
    try {
      did = mutateTree(tree, op.kind, op.r, op.focus);
    } catch (e) {
      did = `not applicable (${(e as Error).message})`;
    }
    what.push(`${op.kind}: ${did}`);
  }
  return { bytes: cborEncode(tree), what };
}

// ---- running ---------------------------------------------------------------------

export type Outcome =
  | "refused"
  | "done"
  | "exited"
  | "paused"
  | "waiting"
  | "guest-error"
  | "deadline"
  | "host-exception";

export interface CaseResult {
  outcome: Outcome;
  /** For host exceptions and refusals: the message. */
  message?: string;
}

const hostPrototypes: [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["Map.prototype", Map.prototype],
  ["String.prototype", String.prototype],
];
const pristine = new Map(hostPrototypes.map(([n, p]) => [n, Reflect.ownKeys(p).length]));

function polluted(): string | null {
  for (const [name, p] of hostPrototypes)
    if (Reflect.ownKeys(p).length !== pristine.get(name)) return name;
  return null;
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}\n${e.stack ?? ""}`;
  if (e && typeof e === "object") return `non-Error host object ${e.constructor?.name ?? "?"}`;
  return `thrown ${String(e)}`;
}

/** Resumes `bytes` and runs them for at most `maxSteps` instructions and `ms` milliseconds. */
export function runCase(
  bytes: Uint8Array,
  limits: { heapBytes?: number } = {},
  maxSteps = 30_000,
  ms = 3_000,
): CaseResult {
  const result = ((): CaseResult => {
    let j: Jaunt;
    const opts = { stdout: () => {}, stderr: () => {}, now: jumpingClock(), limits };
    try {
      j = Jaunt.resume(bytes, opts);
    } catch (e) {
      if (e instanceof SnapshotError) return { outcome: "refused", message: e.message };
      return { outcome: "host-exception", message: `from resume: ${describe(e)}` };
    }
    const deadline = Date.now() + ms;
    try {
      let steps = 0;
      for (;;) {
        const r = j.run(2_000);
        steps += 2_000;
        if (r.status !== "paused") {
          if (j.uncaughtReport() !== null) {
            // Reporting the error must work too (it reads the guest value).
            return { outcome: "guest-error" };
          }
          // Fuzzed snapshots have no jaunt request handlers that answer later.
          if (r.status === "request") throw new Error("fuzz: unexpected asynchronous request");
          return { outcome: r.status };
        }
        if (steps >= maxSteps) break;
        if (Date.now() > deadline) return { outcome: "deadline" };
      }
      // A paused VM must also snapshot cleanly (not resumed: the fuzzing clock is
      // past Date's range, which a snapshot's loop time may not be).
      j.snapshot();
      return { outcome: "paused" };
    } catch (e) {
      return { outcome: "host-exception", message: `from run: ${describe(e)}` };
    }
  })();
  const p = polluted();
  if (p) return { outcome: "host-exception", message: `${p} was polluted` };
  return result;
}

/** Writes a failing case's bytes and description; returns the file's path. */
export function saveReproducer(dir: string, n: number, bytes: Uint8Array, info: object): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `case-${n}.snap`);
  fs.writeFileSync(file, bytes);
  fs.writeFileSync(file.replace(/\.snap$/, ".json"), JSON.stringify(info, null, 2) + "\n");
  return file;
}
