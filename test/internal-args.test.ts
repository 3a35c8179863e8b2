// Every internal native (the prelude's `$`) checks its arguments: a hostile snapshot
// can put any value in the prelude's locals, so a native that cast its arguments
// could throw a host exception (killing the VM) or hand a host object to the guest.
//
// How the natives are reached: guest code cannot see `$`, so the test puts one native
// at a time on the global object of a fresh VM (a test hook; nothing else changes)
// and runs a guest program that calls it with many lists of wrong-kind arguments,
// each call in try/catch. A guest value or a guest error is fine; a host exception
// surfaces as an InternalError from run() and fails the test with the native's name.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Jaunt } from "../vm";
import { NativeFunction, PF, Prop } from "../vm/model/object";
import { signedInternals } from "../vm/builtins/util";

/** Public built-ins the prelude keeps on `$`: they take any argument already. */
const PUBLIC = new Set([
  "arrayPushMethod", // Array.prototype.push
  "inspectFunction", // util.inspect
  "inspectStylize", // util.inspect's stylize
  "inspectStylizeColor", // the stylize a [util.inspect.custom] gets with colours on
  "stringWidth", // readline's column count (String()s its argument)
  "formatFunction", // util.format
  "formatWithOptionsFunction", // util.formatWithOptions
  "regexpExecNative", // RegExp.prototype.exec
  "TypedArray", // %TypedArray%
]);

function fresh(): Jaunt {
  return Jaunt.create({ stdout: () => {}, stderr: () => {}, argv: [], seed: 1 });
}

function internalNatives(j: Jaunt): [string, NativeFunction][] {
  const out: [string, NativeFunction][] = [];
  for (const [k, p] of j.vm.realm.internals.props)
    if (typeof k === "string" && p.value instanceof NativeFunction) out.push([k, p.value]);
  return out;
}

// Wrong kinds (and a few right ones, so that later arguments are reached too), mixed
// over the positions with several strides, and each value in every position at once.
const PROGRAM = `
const f = globalThis.__native;
const n = globalThis.__arity;
const BAD = [0, 1, -1, NaN, 1e300, -0, Infinity, "", "x", "length", undefined, null, true,
  {}, [], [1, "a"], Symbol("s"), 2n, () => 1, Object.create(null),
  new Uint8Array(4), new BigInt64Array(2), new ArrayBuffer(8), new DataView(new ArrayBuffer(8)),
  new Map([[1, 2]]), new Set([1]), /a/g, (function* () {})(), new Proxy({}, {}), new Date(0)];
let calls = 0;
let threw = 0;
const kept = [];
// Uses a result the way guest code would: a confused object (say, with a number as
// its prototype) fails here, inside the VM, rather than somewhere later.
const touch = (r) => {
  if ((typeof r !== "object" && typeof r !== "function") || r === null) return;
  Object.getPrototypeOf(r);
  Reflect.ownKeys(r);
  void r.length, r[0], r.constructor;
  try {
    String(r);
  } catch {}
};
const attempt = (args) => {
  calls++;
  try {
    const r = f(...args);
    touch(r);
    kept.push(r);
  } catch (e) {
    threw++;
  }
};
attempt([]);
for (const stride of [1, 2, 3, 7])
  for (let k = 0; k < BAD.length; k++) {
    const args = [];
    for (let i = 0; i < n; i++) args.push(BAD[(k + i * stride) % BAD.length]);
    attempt(args);
  }
for (let k = 0; k < BAD.length; k++) attempt(new Array(n).fill(BAD[k]));
// The results stay reachable: the snapshot taken afterwards encodes them.
globalThis.__kept = kept;
globalThis.__result = [calls, threw];
`;

test("every internal native declares its argument signature", () => {
  const natives = internalNatives(fresh());
  assert.ok(natives.length > 100, `only ${natives.length} internal natives`);
  const unsigned = natives.filter(([k, f]) => !PUBLIC.has(k) && !signedInternals.has(f));
  assert.deepEqual(
    unsigned.map(([k]) => k),
    [],
  );
});

test("a wrong argument is a guest TypeError naming the native and the position", () => {
  const j = fresh();
  const taCreate = j.vm.realm.internals.props.get("taCreate")!.value;
  j.vm.realm.global.props.set("__native", new Prop(taCreate, PF.Hidden));
  j.load(
    `let m; try { __native(1, 1e300, 4); } catch (e) { m = [e instanceof TypeError, e.message]; }
     globalThis.__result = m;`,
    "probe.js",
  );
  j.run(1e6);
  const r = j.vm.realm.global.props.get("__result")!.value;
  assert.ok(r instanceof Object && "elems" in r);
  assert.deepEqual((r as { elems: unknown[] }).elems, [
    true,
    "internal: bad argument 2 to $.taCreate",
  ]);
});

test("every internal native, given wrong-kind arguments, ends in a guest value or error", () => {
  const names = internalNatives(fresh()).map(([k]) => k);
  const failures: string[] = [];
  let total = 0;
  for (const name of names) {
    const j = fresh();
    const realm = j.vm.realm;
    const f = realm.internals.props.get(name)!.value as NativeFunction;
    const length = f.props.get("length")?.value;
    realm.global.props.set("__native", new Prop(f, PF.Hidden));
    realm.global.props.set(
      "__arity",
      new Prop(Math.min(10, (typeof length === "number" ? length : 0) + 1), PF.Hidden),
    );
    j.load(PROGRAM, `internal-args-${name}.js`);
    try {
      const r = j.run(5e6);
      if (r.status === "paused") failures.push(`${name}: still running after 5M steps`);
    } catch (e) {
      failures.push(`${name}: ${(e as Error).message}`);
      continue;
    }
    const res = realm.global.props.get("__result")?.value as { elems?: unknown[] } | undefined;
    if (res?.elems) total += res.elems[0] as number;
    // What the calls left behind (results, changed arguments) must be valid VM state.
    try {
      Jaunt.resume(j.snapshot(), { stdout: () => {}, stderr: () => {} });
    } catch (e) {
      failures.push(`${name}: snapshot after the calls: ${(e as Error).message}`);
    }
  }
  assert.deepEqual(failures, []);
  // Most natives ran every call (a few end the program, e.g. $.fatalRejection).
  assert.ok(total > names.length * 100, `only ${total} calls`);
});
