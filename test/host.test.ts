// The host boundary: host operations through "jaunt:host" (sync and async, values
// copied both ways, errors mapped), pending operations across snapshot → resume
// (re-issued, failed or settled), vm.call of guest functions, runAsync on the host's
// event loop, the event-loop clock after a resume, limits and policies carried by the
// snapshot, and capabilities (no host files by default).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { decode, encode } from "cbor-x";
import { Jaunt, HostHandle, SnapshotError, type ResumeOptions } from "../vm";
import { vmWith } from "./harness";

function resumeWith(
  bytes: Uint8Array,
  opts: ResumeOptions = {},
): { j: Jaunt; out: { text: string } } {
  const out = { text: "" };
  const j = Jaunt.resume(bytes, {
    stdout: (s) => (out.text += s),
    stderr: (s) => (out.text += s),
    ...opts,
  });
  return { j, out };
}

test("sync host operations: arguments and results are structured clones, both ways", async () => {
  const seen: unknown[] = [];
  const { j, out } = vmWith({
    host: {
      add: (a: number, b: number) => a + b,
      inspect: (v: unknown) => {
        seen.push(v);
        return v;
      },
    },
  });
  j.load(
    `const { add, inspect } = require("jaunt:host");
     console.log(add(2, 3));
     const o = { n: 1n, s: "x", d: new Date(5), r: /a+/gi, m: new Map([[1, { deep: [1, , 3] }]]),
                 set: new Set(["a"]), u8: new Uint8Array([1, 2, 3]), f64: new Float64Array([0.5]),
                 neg: -0, nan: NaN, undef: undefined, wrapped: new String("w") };
     o.self = o;
     const back = inspect(o);
     console.log(back !== o, back.self === back, back.m.get(1).deep, 1 in back.m.get(1).deep);
     console.log(back.d instanceof Date, back.d.getTime(), back.r instanceof RegExp, back.r.flags);
     console.log(back.set.has("a"), back.u8 instanceof Uint8Array, [...back.u8], back.f64[0]);
     console.log(Object.is(back.neg, -0), Number.isNaN(back.nan), "undef" in back, typeof back.wrapped);
     o.s = "changed";
     console.log(back.s);`,
    "/main.js",
  );
  const r = await j.runAsync();
  assert.equal(r.status, "done", out.text);
  assert.equal(
    out.text,
    "5\ntrue true [ 1, <1 empty item>, 3 ] false\ntrue 5 true gi\ntrue true [ 1, 2, 3 ] 0.5\ntrue true true object\nx\n",
  );
  // What the host received is made of host values: a plain object, a Map, a Date…
  const got = seen[0] as Record<string, unknown>;
  assert.equal(seen.length, 1);
  assert.equal(Object.getPrototypeOf(got), Object.prototype);
  assert.equal(got.self, got);
  assert.ok(got.m instanceof Map);
  assert.ok(got.d instanceof Date);
  assert.ok(got.u8 instanceof Uint8Array);
  assert.equal(got.n, 1n);
});

test("a Node Buffer arrives as a Uint8Array of its own bytes", async () => {
  const { j, out } = vmWith({ host: { bytes: () => Buffer.from("hi") } });
  j.load(
    `const b = require("jaunt:host").bytes();
     console.log(Object.getPrototypeOf(b) === Uint8Array.prototype, b.byteLength, b.buffer.byteLength, [...b]);`,
    "/main.js",
  );
  await j.runAsync();
  assert.equal(out.text, "true 2 2 [ 104, 105 ]\n");
});

test("what cannot cross is refused with a clear TypeError", async () => {
  const { j, out } = vmWith({
    host: {
      take: () => 1,
      giveFunction: () => () => 1,
      giveInstance: () => new (class Point {})(),
      giveSymbol: () => Symbol("s"),
    },
  });
  j.load(
    `const h = require("jaunt:host");
     class C {}
     for (const [what, f] of [
       ["class instance", () => h.take(new C())],
       ["symbol", () => h.take(Symbol("x"))],
       ["promise", () => h.take(Promise.resolve(1))],
       ["host function", () => h.giveFunction()],
       ["host class instance", () => h.giveInstance()],
       ["host symbol", () => h.giveSymbol()],
     ]) {
       try { f(); console.log(what, "crossed"); }
       catch (e) { console.log(what, e.name, e.code, e.message); }
     }`,
    "/main.js",
  );
  await j.runAsync();
  const lines = out.text.trim().split("\n");
  assert.equal(lines.length, 6, out.text);
  for (const line of lines) assert.match(line, / TypeError ERR_JAUNT_DATA_CLONE /);
  assert.match(lines[0], /class instance .*a prototype of its own/);
  assert.match(lines[3], /function giveFunction|function \(anonymous\)|function/);
  assert.match(lines[4], /an instance of Point/);
});

test("a host error becomes a guest error of the same name, message, cause and code, with the guest stack", async () => {
  const { j, out } = vmWith({
    host: {
      boom: () => {
        const e = new RangeError("too big", { cause: { limit: 3 } });
        (e as Error & { code: string }).code = "E_BIG";
        throw e;
      },
      later: async () => {
        throw new TypeError("async failure");
      },
      custom: () => {
        const e = new Error("odd");
        e.name = "ValidationError";
        throw e;
      },
    },
  });
  j.load(
    `const { boom, later, custom } = require("jaunt:host");
     function caller() { return boom(); }
     try { caller(); } catch (e) {
       console.log(e instanceof RangeError, e.message, e.code, e.cause.limit);
       console.log(e.stack.split("\\n").slice(0, 3).join("|"));
     }
     try { custom(); } catch (e) { console.log(e.name, e instanceof Error, e.message); }
     async function waiter() { await later(); }
     waiter().catch((e) => console.log(e instanceof TypeError, e.message, e.stack.includes("/main.js:9")));`,
    "/main.js",
  );
  const r = await j.runAsync();
  assert.equal(r.status, "done", out.text);
  assert.equal(
    out.text,
    "true too big E_BIG 3\n" +
      "RangeError: too big|    at caller (/main.js:2:33)|    at Object.<anonymous> (/main.js:3:12)\n" +
      "ValidationError true odd\n" +
      "true async failure true\n",
  );
});

test("a guest error thrown into the host (through vm.call) keeps name, message and guest stack", async () => {
  let handle: unknown;
  const { j } = vmWith({ host: { register: (h: unknown) => void (handle = h) } });
  j.load(
    `require("jaunt:host").register(function fail(x) { throw new SyntaxError("bad " + x); });`,
    "/main.js",
  );
  await j.runAsync();
  assert.ok(handle instanceof HostHandle);
  const p = j.call(handle as HostHandle, "input");
  const done = j.runAsync();
  await assert.rejects(p, (e: Error) => {
    assert.ok(e instanceof SyntaxError);
    assert.equal(e.message, "bad input");
    assert.match(e.stack ?? "", /at fail \(\/main\.js:1:/);
    return true;
  });
  await done;
});

test("async host operations give the guest a promise settled by a job", async () => {
  const order: string[] = [];
  const { j, out } = vmWith({
    host: {
      fetchUser: async (id: number) => {
        order.push("host " + id);
        await new Promise((r) => setTimeout(r, 5));
        return { id, name: "Ann", tags: new Set(["a"]) };
      },
    },
  });
  j.load(
    `const { fetchUser } = require("jaunt:host");
     const p = fetchUser(7);
     console.log(p instanceof Promise);
     p.then((u) => console.log(u.id, u.name, u.tags.has("a")));
     console.log("sync end");`,
    "/main.js",
  );
  const first = j.run();
  assert.equal(first.status, "waiting");
  assert.deepEqual(
    first.pending?.map((p) => [p.id, p.name, p.args]),
    [[1, "fetchUser", [7]]],
  );
  assert.deepEqual(j.pending()[0].args, [7]);
  assert.equal(typeof j.pending()[0].startedAt, "number");
  const r = await j.runAsync();
  assert.equal(r.status, "done");
  assert.equal(out.text, "true\nsync end\n7 Ann true\n");
  assert.deepEqual(j.pending(), []);
  assert.deepEqual(order, ["host 7"]);
});

test("ESM: named imports from jaunt:host; a missing name is Node's SyntaxError", async () => {
  const ok = vmWith({ host: { add: (a: number, b: number) => a + b } });
  ok.j.load(`import { add } from "jaunt:host"; console.log(add(40, 2));`, "/m.mjs", "module");
  await ok.j.runAsync();
  assert.equal(ok.out.text, "42\n");

  const bad = vmWith({ host: { add: (a: number, b: number) => a + b } });
  bad.j.load(`import { nope } from "jaunt:host"; console.log(nope);`, "/m.mjs", "module");
  const r = await bad.j.runAsync();
  assert.equal(r.exitCode, 1);
  assert.match(
    bad.j.uncaughtReport() ?? "",
    /SyntaxError: The requested module 'jaunt:host' does not provide an export named 'nope'/,
  );

  // CommonJS: exactly the provided operations, as an object's own properties.
  const cjs = vmWith({ host: { add: (a: number, b: number) => a + b } });
  cjs.j.load(
    `const h = require("jaunt:host"); console.log(Object.keys(h), "nope" in h, Object.isFrozen(h));`,
    "/main.js",
  );
  await cjs.j.runAsync();
  assert.equal(cjs.out.text, "[ 'add' ] false true\n");
});

test("vm.call runs a guest function handed to the host, as a job, and returns its result", async () => {
  let handle: HostHandle | undefined;
  const { j, out } = vmWith({
    host: {
      onEvent: (h: HostHandle) => {
        handle = h;
      },
      echo: (h: HostHandle) => h,
    },
  });
  j.load(
    `const { onEvent, echo } = require("jaunt:host");
     let count = 0;
     async function handler(evt) { const c = (count += evt.n); await null; return { count: c, seen: evt }; }
     onEvent(handler);
     console.log(echo(handler) === handler);`,
    "/main.js",
  );
  await j.runAsync();
  assert.ok(handle instanceof HostHandle);
  const p1 = j.call(handle!, { n: 2 });
  const p2 = j.call(handle!, { n: 3 });
  const run = j.runAsync();
  assert.deepEqual(await p1, { count: 2, seen: { n: 2 } });
  assert.deepEqual(await p2, { count: 5, seen: { n: 3 } });
  await run;
  assert.equal(out.text, "true\n");
  // A released handle is refused.
  assert.equal(j.release(handle!), true);
  await assert.rejects(j.call(handle!, { n: 1 }), /does not belong to this VM/);
});

/** A program waiting on fetchUser(42), snapshotted with the operation pending. */
function pendingSnapshot(): Uint8Array {
  const { j } = vmWith({ host: { fetchUser: () => new Promise(() => {}) } });
  j.load(
    `const { fetchUser } = require("jaunt:host");
     fetchUser(42).then(
       (u) => console.log("got", JSON.stringify(u)),
       (e) => console.log("failed", e.code, e.message),
     );`,
    "/main.js",
  );
  assert.equal(j.run().status, "waiting");
  return j.snapshot();
}

test("a pending operation survives snapshot → resume and is re-issued by policy", async () => {
  const calls: unknown[][] = [];
  const { j, out } = resumeWith(pendingSnapshot(), {
    host: {
      fetchUser: async (...args: unknown[]) => {
        calls.push(args);
        return { id: args[0], name: "Ann" };
      },
    },
    onPending: { fetchUser: "reissue" },
  });
  const r = await j.runAsync();
  assert.equal(r.status, "done");
  assert.deepEqual(calls, [[42]]);
  assert.equal(out.text, 'got {"id":42,"name":"Ann"}\n');
});

test("a pending operation is failed with ERR_JAUNT_INTERRUPTED by policy (or by default policy)", async () => {
  for (const opts of [
    { onPending: { fetchUser: "fail" as const } },
    { onPendingDefault: "fail" as const },
  ]) {
    const { j, out } = resumeWith(pendingSnapshot(), {
      host: { fetchUser: async () => assert.fail("must not be re-issued") },
      ...opts,
    });
    assert.equal((await j.runAsync()).status, "done");
    assert.match(
      out.text,
      /^failed ERR_JAUNT_INTERRUPTED Host operation 'fetchUser' \(id 1\) was interrupted/,
    );
  }
});

test("a pending operation with policy settle (or none) waits for vm.settle; nothing is dropped", async () => {
  for (const opts of [{ onPending: { fetchUser: "settle" as const } }, {}]) {
    const { j, out } = resumeWith(pendingSnapshot(), opts);
    const r = await j.runAsync();
    assert.equal(r.status, "waiting");
    assert.deepEqual(
      r.pending?.map((p) => [p.id, p.name, p.args]),
      [[1, "fetchUser", [42]]],
    );
    assert.throws(() => j.settle(99, { value: 1 }), /no pending host operation with id 99/);
    j.settle(1, { value: { id: 42, name: "by hand" } });
    assert.deepEqual(j.pending(), []);
    assert.equal((await j.runAsync()).status, "done");
    assert.equal(out.text, 'got {"id":42,"name":"by hand"}\n');
  }
  // A resume by itself changes nothing: pending operations, handles, limits and the
  // loop time encode to the same bytes.
  const bytes = pendingSnapshot();
  assert.ok(Buffer.from(Jaunt.resume(bytes).snapshot()).equals(Buffer.from(bytes)));
  const { j, out } = resumeWith(bytes);
  j.settle(1, { error: new RangeError("no such user") });
  await j.runAsync();
  assert.equal(out.text, "failed undefined no such user\n");
});

test("the snapshot lists pending operations; a snapshot taken while runAsync waits resumes", async () => {
  let finish: ((v: string) => void) | undefined;
  const { j, out } = vmWith({
    host: { slow: () => new Promise((r) => (finish = r)) },
  });
  j.load(
    `require("jaunt:host").slow("a", [1]).then((v) => console.log(v));
     setTimeout(() => console.log("guest timer"), 10);`,
    "/main.js",
  );
  const running = j.runAsync();
  while (!out.text.includes("guest timer")) await new Promise((r) => setTimeout(r, 5));
  // runAsync is awaiting the operation: no instruction runs, the VM can be snapshotted.
  const bytes = j.snapshot();
  finish!("late");
  assert.equal((await running).status, "done");
  assert.equal(out.text, "guest timer\nlate\n");

  const again = resumeWith(bytes, { host: { slow: async (x: string) => "again " + x } });
  assert.deepEqual(
    again.j.pending().map((p) => [p.name, p.args]),
    [["slow", ["a", [1]]]],
  );
  again.j.settle(again.j.pending()[0].id, { value: "settled" });
  await again.j.runAsync();
  assert.equal(again.out.text, "settled\n");
});

test("runAsync lets host timers run while the guest waits for its own timer", async () => {
  const { j, out } = vmWith();
  const t0 = Date.now();
  j.load(
    `(async () => {
       await new Promise((r) => setTimeout(r, 150));
       console.log("guest woke");
     })();`,
    "/main.js",
  );
  let ticks = 0;
  const iv = setInterval(() => ticks++, 5);
  try {
    const r = await j.runAsync();
    assert.equal(r.status, "done");
  } finally {
    clearInterval(iv);
  }
  const elapsed = Date.now() - t0;
  assert.equal(out.text, "guest woke\n");
  assert.ok(elapsed >= 149, `the guest timer fired after ${elapsed} ms`);
  assert.ok(ticks >= 3, `the host interval ticked ${ticks} times while the guest waited`);
});

test("run() and runAsync() refuse to be re-entered from a host function", async () => {
  let vm: Jaunt | undefined;
  const { j, out } = vmWith({
    host: {
      reenter: () => {
        try {
          vm!.run();
          return "ran";
        } catch (e) {
          return (e as Error).message;
        }
      },
    },
  });
  vm = j;
  j.load(`console.log(require("jaunt:host").reenter());`, "/main.js");
  await j.runAsync();
  assert.match(out.text, /run\(\) called while runAsync\(\) drives this VM/);
});

test("the event loop's time is refreshed on resume; timers keep absolute due times", () => {
  let now = 1000;
  const { j } = vmWith({ now: () => now, host: { never: () => new Promise(() => {}) } });
  // Pending operations keep run() from sleeping: it reports "waiting" and wakeAt.
  // Settling the first one (after the resume) schedules a new 3 s timer.
  j.load(
    `const { never } = require("jaunt:host");
     never().then(() => setTimeout(() => console.log("new timer"), 3000));
     never();
     setTimeout(() => console.log("old timer"), 500);`,
    "/main.js",
  );
  const r = j.run();
  assert.equal(r.status, "waiting");
  assert.equal(r.wakeAt, 1500);
  const bytes = j.snapshot();

  now = 4000; // resumed 3 s later
  const { j: k, out } = resumeWith(bytes, { now: () => now });
  k.settle(1, { value: null });
  const r2 = k.run();
  // The old timer was due at 1500: overdue, it ran at once. The new one is due 3 s
  // after the resume, not 3 s after the snapshot's loop time.
  assert.equal(out.text, "old timer\n");
  assert.equal(r2.status, "waiting");
  assert.equal(r2.wakeAt, 7000);
  now = 6999;
  assert.equal(k.run().wakeAt, 7000);
  assert.equal(out.text, "old timer\n");
  now = 7000;
  k.run();
  assert.equal(out.text, "old timer\nnew timer\n");

  // continueTurn keeps the snapshot's loop time (vmrun --snapshot-every uses it).
  now = 1000;
  const { j: c } = resumeWith(bytes, { now: () => now, continueTurn: true });
  c.settle(1, { value: null });
  assert.equal(c.run().wakeAt, 1500);
});

test("limits and policies travel in the snapshot and can only be tightened on resume", () => {
  const { j } = vmWith({ maxCallDepth: 50, unhandledRejections: "warn" });
  j.load(
    `function f(n) { return n === 0 ? 0 : 1 + f(n - 1); }
     setTimeout(() => { try { console.log(f(100)); } catch (e) { console.log(e.message); } }, 0);`,
    "/main.js",
  );
  j.run(5);
  const bytes = j.snapshot();

  const looser = resumeWith(bytes, { maxCallDepth: 100000, unhandledRejections: "none" });
  assert.equal(looser.j.limits.maxCallDepth, 50);
  assert.equal(looser.j.limits.unhandledRejections, "warn");
  looser.j.run();
  assert.equal(looser.out.text, "Maximum call stack size exceeded\n");

  const plain = resumeWith(bytes);
  assert.equal(plain.j.limits.maxCallDepth, 50);

  const tighter = resumeWith(bytes, { maxCallDepth: 20, unhandledRejections: "strict" });
  assert.equal(tighter.j.limits.maxCallDepth, 20);
  assert.equal(tighter.j.limits.unhandledRejections, "strict");

  // A deeper limit still works when the snapshot allows it.
  const deep = vmWith({ maxCallDepth: 500 });
  deep.j.load(
    `function f(n) { return n === 0 ? 0 : 1 + f(n - 1); } setTimeout(() => console.log(f(100)), 0);`,
    "/main.js",
  );
  deep.j.run(5);
  const d2 = resumeWith(deep.j.snapshot());
  d2.j.run();
  assert.equal(d2.out.text, "100\n");
});

test("capabilities: an embedded guest reads no host file and no host environment by default", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-host-"));
  const secret = path.join(dir, "secret.txt");
  fs.writeFileSync(secret, "TOP-SECRET-CONTENT");
  fs.writeFileSync(path.join(dir, "lib.js"), "module.exports = 'lib';");
  const program = `
    for (const spec of [${JSON.stringify(secret)}, "./lib.js", "./secret.txt"]) {
      try { console.log(require(spec)); } catch (e) { console.log(e.code, e.message.split("\\n")[0]); }
    }
    import(${JSON.stringify(secret)}).catch((e) => console.log(e.code));
    console.log(JSON.stringify(process.env));`;
  const { j, out } = vmWith();
  assert.deepEqual(j.limits.capabilities, { fs: false, env: false, net: false, subprocess: false });
  j.load(program, path.join(dir, "main.js"));
  await j.runAsync();
  assert.ok(!out.text.includes("TOP-SECRET"), out.text);
  assert.ok(!out.text.includes("'lib'"), out.text);
  assert.equal(
    out.text,
    `MODULE_NOT_FOUND Cannot find module '${secret}'\n` +
      "MODULE_NOT_FOUND Cannot find module './lib.js'\n" +
      "MODULE_NOT_FOUND Cannot find module './secret.txt'\n" +
      "{}\nERR_MODULE_NOT_FOUND\n",
  );

  // Granted, the file system is Node's.
  const granted = vmWith({ capabilities: { fs: true } });
  granted.j.load(`console.log(require("./lib.js"));`, path.join(dir, "main.js"));
  await granted.j.runAsync();
  assert.equal(granted.out.text, "lib\n");

  // A resume grants only what both the snapshot and the resumer grant.
  granted.j.run();
  const resumed = Jaunt.resume(granted.j.snapshot(), {});
  assert.equal(resumed.limits.capabilities.fs, false);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("capabilities: with fs denied, modules come only from the embedder's loader", async () => {
  const files: Record<string, string> = {
    "/app/lib.js": "exports.twice = (x) => 2 * x;",
    "/app/esm.mjs": "export const v = 5;",
    "/app/data.json": '{ "k": [1] }',
  };
  const { j, out } = vmWith({
    loader: {
      resolve: (spec, from) => {
        const id = spec.startsWith("./") ? path.posix.join(path.posix.dirname(from), spec) : spec;
        return id in files ? id : null;
      },
      read: (id) => files[id],
    },
  });
  j.load(
    `const { twice } = require("./lib.js");
     console.log(twice(21), require("./data.json").k);
     import("./esm.mjs").then((m) => console.log(m.v));
     try { require("/etc/passwd"); } catch (e) { console.log(e.code); }`,
    "/app/main.js",
  );
  const r = await j.runAsync();
  assert.equal(r.status, "done", out.text);
  assert.equal(out.text, "42 [ 1 ]\nMODULE_NOT_FOUND\n5\n");
});

test("capabilities: with fs, the loader goes first and leaves what it does not know to the files", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-loader-fs-"));
  fs.writeFileSync(path.join(dir, "disk.js"), "exports.where = 'disk';");
  fs.writeFileSync(path.join(dir, "both.js"), "exports.where = 'disk';");
  const served: Record<string, string> = {
    [path.join(dir, "only-loader.js")]: "exports.where = 'loader';",
    [path.join(dir, "both.js")]: "exports.where = 'loader';",
  };
  const kinds: string[] = [];
  const { j, out } = vmWith({
    capabilities: "all",
    loader: {
      resolve: (spec, from, kind) => {
        kinds.push(kind);
        const id = path.join(path.dirname(from), spec) + ".js";
        return id in served ? id : null;
      },
      read: (id) => served[id] ?? null,
    },
  });
  j.load(
    `console.log(require("./only-loader").where, require("./both").where, require("./disk").where);
     try { require("./neither"); } catch (e) { console.log(e.code); }`,
    path.join(dir, "main.js"),
  );
  const r = await j.runAsync();
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(r.status, "done", out.text);
  assert.equal(out.text, "loader loader disk\nMODULE_NOT_FOUND\n");
  assert.deepEqual([...new Set(kinds)], ["require"]);
});

test("examples/embed-host.ts runs: the documented walk-through", () => {
  const r = spawnSync(process.execPath, [path.join(__dirname, "..", "examples", "embed-host.js")], {
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^\[guest\] 2 \+ 3 = 5\nwaiting \[/);
  assert.match(r.stdout, /\[resumed\] RangeError: no user 1\n\[resumed\] hello, Ann\n/);
  assert.match(r.stdout, /resumed run: done exit code 0\nguest saw click\n$/);
});

test("host state in a snapshot is validated: a tampered pending operation is refused", () => {
  const [header, heap, roots] = decode(pendingSnapshot()) as [
    unknown,
    unknown,
    Record<string, unknown[]>,
  ];
  const host = roots.host as unknown[];
  const ops = host[1] as unknown[][];
  assert.equal(ops.length, 1);
  assert.equal(ops[0][1], "fetchUser");
  const tamper = (change: (h: unknown[]) => void): Uint8Array => {
    const h = structuredClone(host);
    change(h);
    return encode([header, heap, { ...roots, host: h }]);
  };
  for (const [bytes, msg] of [
    [tamper((h) => ((h[1] as unknown[][])[0][4] = 1)), /resolving functions are not callable/],
    [tamper((h) => ((h[1] as unknown[][])[0][0] = 5)), /bad host operation id 5/],
    [tamper((h) => ((h[4] as unknown[])[0] = 0)), /bad maxCallDepth/],
    [tamper((h) => ((h[4] as unknown[])[2] = ["fs", "root"])), /unknown capability/],
    [tamper((h) => h.splice(0)), /host operation counters/],
  ] as const)
    assert.throws(
      () => Jaunt.resume(bytes),
      (e: Error) => e instanceof SnapshotError && msg.test(e.message),
    );
});

test("transparency: host operations give the same output when the VM is snapshotted every 13 instructions", async () => {
  const host = {
    add: (a: number, b: number) => a + b,
    fetch: async (o: { i: number; tags: Set<number> }) => {
      await new Promise((r) => setTimeout(r, 1));
      return o;
    },
    fail: async (m: string) => {
      throw new TypeError("no " + m);
    },
  };
  const program = `
    const { add, fetch, fail } = require("jaunt:host");
    (async () => {
      for (let i = 0; i < 3; i++) {
        const v = await fetch({ i, tags: new Set([i]) });
        console.log("fetched", v.i, [...v.tags], add(i, 10));
      }
      try { await fail("x"); } catch (e) { console.log(e.name, e.message); }
      const all = await Promise.all([fetch({ i: 7, tags: new Set() }), fetch({ i: 8, tags: new Set() })]);
      console.log(all.map((v) => v.i));
    })();`;
  const plain = vmWith({ host });
  plain.j.load(program, "/main.js");
  assert.equal((await plain.j.runAsync()).status, "done");
  assert.equal(
    plain.out.text,
    "fetched 0 [ 0 ] 10\nfetched 1 [ 1 ] 11\nfetched 2 [ 2 ] 12\nTypeError no x\n[ 7, 8 ]\n",
  );

  const out = { text: "" };
  const sink = (s: string) => (out.text += s);
  let j = Jaunt.create({ host, stdout: sink, stderr: sink, seed: 1 });
  j.load(program, "/main.js");
  let resumes = 0;
  for (;;) {
    const r = j.run(13);
    if (r.status === "done" || r.status === "exited") break;
    if (r.status === "waiting") {
      await new Promise((res) => setTimeout(res, 2));
      continue;
    }
    // Every pending operation is re-issued by the fresh VM: the host functions are idempotent.
    j = Jaunt.resume(j.snapshot(), {
      host,
      stdout: sink,
      stderr: sink,
      onPendingDefault: "reissue",
      continueTurn: true,
    });
    resumes++;
  }
  assert.ok(resumes > 20, `only ${resumes} resumes`);
  assert.equal(out.text, plain.out.text);
});
