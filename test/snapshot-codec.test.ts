// The snapshot heap encoding of format 4 (docs/snapshot-format.md): ordinary objects
// as a layout plus slot values, runs of references in array elements, stable record
// ids across the snapshots of one VM, and the optional compression envelope. Each
// malformed variant is refused with a SnapshotError naming the problem.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { decode, encode } from "cbor-x";
import { Jaunt, SnapshotError, signSnapshot, verifySnapshot } from "../vm";
import { JSObject } from "../vm/model/object";
import { chunkBounds } from "../bin/cbor-chunks";
import { Op } from "../compiler/opcodes";

const quiet = { stdout: () => {}, stderr: () => {}, seed: 1 };
/** The value tag of a reference (vm/snapshot.ts V_REF). */
const V_REF = 2;

/** Resumes `bytes` and runs it to the end: what it printed. */
function finish(bytes: Uint8Array): string {
  let out = "";
  const j = Jaunt.resume(bytes, { ...quiet, stdout: (t) => (out += t) });
  j.run();
  return out;
}

/** A VM holding `n` objects {i, s} in an array, paused with work left. */
function manyObjects(n: number, extra = ""): Jaunt {
  const j = Jaunt.create(quiet);
  j.load(
    `const a = []; for (let i = 0; i < ${n}; i++) a.push({ i, s: "x" + i });
     ${extra}
     globalThis.a = a; let w = 0; while (w < 1e9) w++;`,
    "/many.js",
  );
  assert.equal(j.run(20 * n + 2000).status, "paused");
  return j;
}

type Tree = [Record<string, unknown>, unknown[], Record<string, unknown>];

const layoutsOf = (t: Tree) => t[2].layouts as unknown[];

function refused(tree: Tree, message: RegExp): void {
  assert.throws(
    () => Jaunt.resume(encode(tree), quiet),
    (e: Error) => e instanceof SnapshotError && message.test(e.message),
    String(message),
  );
}

/** The record of the array `a` and the index of the first object record it refers to. */
function arrayOfObjects(tree: Tree): { rec: unknown[]; run: number[] } {
  for (const rec of tree[1] as unknown[][])
    if (rec?.[0] === 0 && rec[1] === 1) {
      const elems = rec[7] as unknown[];
      const run = elems.find((v) => Array.isArray(v) && v[0] === 13) as number[] | undefined;
      if (run) return { rec, run };
    }
  throw new Error("no array with a run of references");
}

test("ordinary objects are a layout and their values: few bytes each, same objects back", () => {
  const n = 3000;
  const j = manyObjects(n);
  const bytes = j.snapshot();
  const tree = decode(bytes) as Tree;
  const { run } = arrayOfObjects(tree);
  assert.equal(run[2], n, "one run of references for the whole array");
  const shaped = (tree[1] as unknown[][]).filter((r) => r?.[0] === 5);
  assert.ok(shaped.length >= n);
  assert.ok(shaped.some((r) => r.length === 4 && r[2] === 0 && r[3] === "x0"));
  const perObject = bytes.length / n;
  assert.ok(perObject < 20, `${perObject.toFixed(1)} bytes an object`);
  const again = Jaunt.resume(bytes, quiet);
  const a = again.vm.realm.global.getOwnProperty("a")!.value as JSObject;
  const o = a.getOwnProperty("2999")!.value as JSObject;
  assert.ok(o.shape !== null, "fast mode");
  assert.deepEqual(o.ownKeys(), ["i", "s"]);
  assert.equal(o.getOwnProperty("s")!.value, "x2999");
  assert.equal(o.proto, again.vm.realm.ObjectPrototype);
  // All the objects share one shape, and snapshotting again gives the same bytes.
  assert.equal((a.getOwnProperty("0")!.value as JSObject).shape, o.shape);
  assert.ok(Buffer.from(again.snapshot()).equals(Buffer.from(bytes)));
});

test("layouts keep attributes, symbol keys, prototypes and non-extensible objects", () => {
  const j = Jaunt.create(quiet);
  j.load(
    `const k = Symbol("k");
     const o = Object.create({ inherited: 1 }); o.a = 1; o[k] = 2;
     Object.defineProperty(o, "ro", { value: 3, enumerable: true });
     const f = Object.freeze({ x: 1, y: [1, 2] });
     const empty = Object.preventExtensions({});
     let w = 0; while (w < 2000) w++;
     console.log([o.a, o[k], o.ro, Object.getOwnPropertyDescriptor(o, "ro").writable,
       Object.isFrozen(f), f.y[1], Object.isExtensible(empty), o.inherited,
       Reflect.ownKeys(o).length].join());`,
    "/layouts.js",
  );
  assert.equal(j.run(2000).status, "paused");
  const tree = decode(j.snapshot()) as Tree;
  assert.ok((layoutsOf(tree) as unknown[]).some((l) => (l as unknown[])?.[2] === false));
  assert.equal(finish(encode(tree)), "1,2,3,false,true,2,false,1,3\n");
});

test("malformed layouts, shaped records and runs are refused, naming the problem", () => {
  const base = () => decode(manyObjects(50).snapshot()) as Tree;
  const layoutOf = (t: Tree) =>
    (layoutsOf(t) as unknown[][]).findIndex((l) => (l?.[3] as unknown[])?.join() === "i,s");
  const shapedRecord = (t: Tree) =>
    (t[1] as unknown[][]).find((r) => r?.[0] === 5 && r[1] === layoutOf(t))!;
  const edits: [string, (t: Tree) => void, RegExp][] = [
    ["no layouts", (t) => delete t[2].layouts, /layouts is not an array/],
    ["layout index", (t) => (shapedRecord(t)[1] = 9999), /record \d+: bad layout 9999/],
    ["value count", (t) => shapedRecord(t).push(1), /record \d+: 3 values for 2 properties/],
    [
      "repeated key",
      (t) => ((layoutsOf(t)[layoutOf(t)] as unknown[])[3] = ["i", "i"]),
      /layout \d+: repeated key i/,
    ],
    [
      "accessor flags",
      (t) => ((layoutsOf(t)[layoutOf(t)] as unknown[][])[4][1] = 8),
      /layout \d+: bad flags for key 1/,
    ],
    [
      "key type",
      (t) => ((layoutsOf(t)[layoutOf(t)] as unknown[][])[3][0] = 5),
      /layout \d+: key 0 is not a string or symbol/,
    ],
    [
      "flags count",
      (t) => (layoutsOf(t)[layoutOf(t)] as unknown[][])[4].pop(),
      /layout \d+: 2 keys and 1 flags/,
    ],
    [
      "prototype",
      (t) => ((layoutsOf(t)[layoutOf(t)] as unknown[])[0] = "p"),
      /layout \d+ proto: expected an object or null/,
    ],
    [
      "run past the heap",
      (t) => (arrayOfObjects(t).run[2] = 1e6),
      /record \d+ elem 0: bad run of references/,
    ],
    [
      "run to a non-object",
      (t) => {
        t[1].push([2, "sym", null]);
        const { run } = arrayOfObjects(t);
        run[1] = t[1].length - run[2];
      },
      /run of references reaches record \d+, not an object/,
    ],
    [
      "reference to a dead id",
      (t) => (t[1][arrayOfObjects(t).run[1]] = null),
      /run of references reaches record \d+, not an object/,
    ],
  ];
  for (const [what, edit, message] of edits) {
    const t = base();
    edit(t);
    assert.doesNotThrow(() => refused(t, message), what);
  }
});

test("runs of references are bounded: many long runs over a small heap are refused", () => {
  const t = decode(manyObjects(50).snapshot()) as Tree;
  const { rec, run } = arrayOfObjects(t);
  rec[7] = Array.from({ length: 400_000 }, () => run);
  refused(t, /runs of references stand for more than \d+/);
});

test("a snapshot of format 3 is refused naming both versions", () => {
  const t = decode(manyObjects(5).snapshot()) as Tree;
  t[0].format = 3;
  delete t[2].layouts;
  refused(
    t,
    /format version 3 \(made by jaunt .*\); this Jaunt \(jaunt .*\) reads format versions 4 and 5/,
  );
});

test("compressed snapshots: deflate and brotli resume alike, signed or not; damage is refused", () => {
  const j = manyObjects(2000);
  const plain = j.snapshot();
  for (const compress of ["deflate", "brotli"] as const) {
    const small = j.snapshot({ compress });
    assert.equal(Buffer.from(small.subarray(0, 8)).toString("latin1"), "JAUNTZIP");
    assert.ok(small.length < plain.length / 2, `${compress}: ${small.length} of ${plain.length}`);
    assert.ok(Buffer.from(Jaunt.resume(small, quiet).snapshot()).equals(Buffer.from(plain)));
    const key = Buffer.alloc(32, 7);
    const signed = signSnapshot(small, key);
    assert.ok(
      Buffer.from(Jaunt.resume(verifySnapshot(signed, key), quiet).snapshot()).equals(
        Buffer.from(plain),
      ),
    );
    const damaged = Buffer.from(small);
    damaged[damaged.length - 20] ^= 0xff;
    damaged[damaged.length - 40] ^= 0xff;
    assert.throws(
      () => Jaunt.resume(damaged, quiet),
      (e: Error) => e instanceof SnapshotError,
    );
    const longer = Buffer.from(small);
    longer.writeUInt32BE(plain.length + 1, 10);
    assert.throws(() => Jaunt.resume(longer, quiet), /inflates to \d+ bytes, its header says \d+/);
    const shorter = Buffer.from(small);
    shorter.writeUInt32BE(plain.length - 1, 10);
    assert.throws(() => Jaunt.resume(shorter, quiet), /data is damaged/);
    const algo = Buffer.from(small);
    algo[9] = 9;
    assert.throws(() => Jaunt.resume(algo, quiet), /unknown compression algorithm 9/);
  }
});

test("stable ids: an object keeps its record across snapshots, dead ones leave null records", () => {
  const j = Jaunt.create(quiet);
  j.load(
    `let keep = [{ a: 1 }, { b: 2 }]; let doomed = { c: 3 };
     let w = 0; while (w < 400) w++;
     doomed = null; keep.push({ d: 4 }); keep[0].a++;
     while (w < 10000) w++;
     console.log(JSON.stringify(keep));`,
    "/stable.js",
  );
  assert.equal(j.run(300).status, "paused");
  const first = decode(j.snapshot({ stableIds: true })) as Tree;
  assert.equal(j.run(3000).status, "paused");
  const secondBytes = j.snapshot({ stableIds: true });
  const second = decode(secondBytes) as Tree;
  const find = (t: Tree, key: string) =>
    (t[1] as unknown[][]).findIndex(
      (r) =>
        r?.[0] === 5 && ((layoutsOf(t)[r[1] as number] as unknown[])[3] as string[])[0] === key,
    );
  assert.equal(find(second, "b"), find(first, "b"), "b keeps its id");
  assert.deepEqual(second[1][find(first, "b")], first[1][find(first, "b")]);
  assert.equal(find(second, "a"), find(first, "a"), "a keeps its id though it changed");
  assert.equal(second[1][find(first, "c")], null, "c died: a null record");
  assert.ok(find(second, "d") > find(first, "b"), "new objects get new ids");
  // Plain snapshots still number by traversal (no nulls), and both resume alike.
  const plain = j.snapshot();
  assert.ok(!(decode(plain) as Tree)[1].includes(null));
  assert.equal(finish(secondBytes), '[{"a":2},{"b":2},{"d":4}]\n');
  assert.equal(finish(plain), finish(secondBytes));
});

test("snapshots with stable ids share most chunks when one object is added early", () => {
  const j = manyObjects(3000, "let v = 0; while (v < 1e5) v++; a.unshift({ early: 1 });");
  const before = j.snapshot({ stableIds: true });
  assert.equal(j.run(1e6).status, "paused");
  const after = j.snapshot({ stableIds: true });
  const hasEarly = (b: Uint8Array) =>
    layoutsOf(decode(b) as Tree).some((l) => ((l as unknown[])?.[3] as unknown[])?.[0] === "early");
  assert.ok(!hasEarly(before) && hasEarly(after), "the object was added between the two");
  const chunks = (b: Uint8Array) => {
    const cuts = chunkBounds(b);
    return cuts.slice(1).map((end, i) => Buffer.from(b.subarray(cuts[i], end)).toString("hex"));
  };
  const a = chunks(before);
  const b = new Set(chunks(after));
  const sharedBytes = a.filter((c) => b.has(c)).reduce((n, c) => n + c.length / 2, 0);
  assert.ok(a.length > 20, `${a.length} chunks`);
  assert.ok(sharedBytes > 0.8 * before.length, `${sharedBytes} of ${before.length} bytes shared`);
});

test("a prototype chain or environment chain that is a cycle is refused, not followed forever", () => {
  const j = Jaunt.create(quiet);
  j.load(
    `globalThis.a = {}; globalThis.b = Object.create(a);
     function outer() { let x = 1; return function inner() { return x; }; }
     globalThis.f = outer(); let w = 0; while (w < 1e9) w++;`,
    "/cycles.js",
  );
  assert.equal(j.run(5000).status, "paused");
  const g = j.vm.realm.global;
  const a = g.getOwnProperty("a")!.value as JSObject;
  const b = g.getOwnProperty("b")!.value as JSObject;
  // What the language never makes, made on the host: a → b → a.
  a.proto = b;
  assert.throws(
    () => Jaunt.resume(j.snapshot(), quiet),
    (e: Error) => e instanceof SnapshotError && /a prototype chain is a cycle/.test(e.message),
  );
  a.proto = j.vm.realm.ObjectPrototype;
  const f = g.getOwnProperty("f")!.value as unknown as { env: { parent: unknown } };
  const env = f.env;
  const saved = env.parent;
  env.parent = env;
  assert.throws(
    () => Jaunt.resume(j.snapshot(), quiet),
    (e: Error) => e instanceof SnapshotError && /an environment chain is a cycle/.test(e.message),
  );
  env.parent = saved;
  assert.equal(Jaunt.resume(j.snapshot(), quiet).run(100).status, "paused");
});

test("operands edited in a snapshot under a method definition are a guest TypeError, not a host one", () => {
  const j = Jaunt.create(quiet);
  j.load("try { class A { m() {} } } catch (e) { console.log(e.name, e.message); }", "/def.js");
  // Step to the method definition, then damage its object operand as an edit would.
  for (;;) {
    const f = j.vm.frames[j.vm.frames.length - 1];
    if (f && f.fn.code.code[f.ip] === Op.DEF_METHOD) break;
    assert.equal(j.run(1).status, "paused");
  }
  const f = j.vm.frames[j.vm.frames.length - 1];
  j.vm.stack[f.sp - 3] = 2147483647;
  let out = "";
  const r = Jaunt.resume(j.snapshot(), { ...quiet, stdout: (t) => (out += t) });
  assert.equal(r.run().status, "done");
  assert.equal(out, "TypeError corrupt operands for a method definition\n");
});

test("an item that cannot be printed (a map with a toString key) is still refused by name", () => {
  const j = manyObjects(3);
  const tree = decode(j.snapshot()) as Tree;
  const stack = tree[2].stack as unknown[];
  const at = stack.findIndex((v) => Array.isArray(v) && v[0] === V_REF);
  assert.ok(at >= 0, "a reference on the stack");
  stack[at] = [V_REF, { toString: [1] }];
  refused(tree, /reference a map out of range/);
});

test("objects carry no record id once a snapshot is written, or has failed", () => {
  const j = manyObjects(50);
  const a = j.vm.realm.global.getOwnProperty("a")!.value as JSObject;
  const objects = Array.from(
    { length: 50 },
    (_, i) => a.getOwnProperty(String(i))!.value as JSObject,
  );
  const first = Buffer.from(j.snapshot({ takenAt: 1 }));
  assert.ok(objects.every((o) => o.mark >= 0));
  // A host value nothing can encode, half way through the heap: the encoder fails…
  const saved = objects[25].slotValues[1];
  objects[25].slotValues[1] = Symbol("host") as unknown as string;
  assert.throws(() => j.snapshot({ takenAt: 1 }), /cannot snapshot host value/);
  assert.ok(
    objects.every((o) => o.mark >= 0),
    "ids released after the failure",
  );
  // …and the next snapshot numbers the records afresh: the same bytes as before.
  objects[25].slotValues[1] = saved;
  assert.ok(Buffer.from(j.snapshot({ takenAt: 1 })).equals(first));
});

test("a big snapshot is assembled in its scratch buffer, with a short header or a long one", () => {
  // Over a megabyte: the header goes in the room left before the records (no copy of
  // them) when it fits, and the snapshot is a view nothing later writes into.
  for (const extra of ["", `/* ${"long source ".repeat(4000)} */`]) {
    const j = manyObjects(100_000, extra);
    const bytes = j.snapshot();
    const kept = Buffer.from(bytes);
    assert.ok(bytes.length > 1 << 20);
    assert.equal(bytes.byteOffset > 0, extra === "", "a view after the gap only when it fits");
    const tree = decode(bytes) as Tree;
    assert.equal(tree[0].magic, "JAUNT-SNAPSHOT");
    assert.equal(arrayOfObjects(tree).run[2], 100_000);
    // Another snapshot, big or small, leaves the first one's bytes alone.
    assert.ok(Buffer.from(j.snapshot()).equals(kept), "the same state gives the same bytes");
    manyObjects(10).snapshot();
    assert.ok(Buffer.from(bytes).equals(kept));
    const again = Jaunt.resume(bytes, quiet);
    const a = again.vm.realm.global.getOwnProperty("a")!.value as JSObject;
    assert.equal(
      (a.getOwnProperty("99999")!.value as JSObject).getOwnProperty("s")!.value,
      "x99999",
    );
  }
});

test("a prototype cycle through changed intrinsics only is refused (chains are checked from the patched ones)", () => {
  const j = Jaunt.create(quiet);
  j.load(`let w = 0; while (w < 1e9) w++;`, "/intrinsic-cycle.js");
  assert.equal(j.run(100).status, "paused");
  const realm = j.vm.realm;
  // Made on the host, where no object of the program leads: Date.prototype →
  // RegExp.prototype → Date.prototype, both patched.
  const [date, regexp] = [realm.DatePrototype, realm.RegExpPrototype];
  const saved = [date.proto, regexp.proto];
  [date.proto, regexp.proto] = [regexp, date];
  date.dirty = regexp.dirty = true;
  assert.throws(
    () => Jaunt.resume(j.snapshot(), quiet),
    (e: Error) => e instanceof SnapshotError && /a prototype chain is a cycle/.test(e.message),
  );
  [date.proto, regexp.proto] = saved;
  assert.equal(Jaunt.resume(j.snapshot(), quiet).run(100).status, "paused");
});

test("the runtime internals are checked when a patch changes them, against a fresh realm's", () => {
  const j = Jaunt.create(quiet);
  j.load(`let w = 0; while (w < 1e9) w++;`, "/internals.js");
  assert.equal(j.run(100).status, "paused");
  // Unchanged: resumes (twice: the fresh shape is kept per prelude after the first).
  for (let k = 0; k < 2; k++)
    assert.equal(Jaunt.resume(j.snapshot(), quiet).run(10).status, "paused");
  const internals = j.vm.realm.internals;
  const [key] = internals.ownKeys();
  assert.ok(internals.deleteOwn(key));
  assert.throws(
    () => Jaunt.resume(j.snapshot(), quiet),
    (e: Error) => e instanceof SnapshotError && /runtime internals lost/.test(e.message),
  );
});

test("ordinary objects referring to later ones, and serving as prototypes, come back whole", () => {
  const j = Jaunt.create(quiet);
  j.load(
    `const first = { name: "first", next: null };
     let last = first;
     for (let i = 0; i < 50; i++) { const o = { name: "n" + i, next: null }; last.next = o; last = o; }
     const proto = { greet() { return "hi " + this.name; } };
     const kids = [];
     for (let i = 0; i < 20; i++) { const k = Object.create(proto); k.name = "k" + i; kids.push(k); }
     let w = 0; while (!globalThis.go) w++;
     const names = []; for (let o = first; o; o = o.next) names.push(o.name);
     console.log(names.length, names[50], kids.map((k) => k.greet()).join(","));`,
    "/forward.js",
  );
  assert.equal(j.run(20000).status, "paused");
  let out = "";
  const r = Jaunt.resume(j.snapshot(), { ...quiet, stdout: (t) => (out += t) });
  r.vm.realm.global.setOwn("go", true);
  r.run();
  const kids = Array.from({ length: 20 }, (_, i) => `hi k${i}`).join(",");
  assert.equal(out, `51 n49 ${kids}\n`);
});
