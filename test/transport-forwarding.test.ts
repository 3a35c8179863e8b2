// Import forwarding on demand (Mitogen's importer) against a real popen remote: the
// manifest travels with the program (paths, sizes, digests; package.json bytes), a file
// the remote guest first requires is fetched from the origin then, once per connection,
// a path outside the manifest is never asked for, bytes that do not match the manifest
// are refused, and the eager mode sends everything up front.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Gateway } from "../transport/gateway";
import { collectModules, type ForwardMode } from "../transport/forwarding";
import { collector, snapshotOf, startListener, tempDir, within } from "./transport-helpers";

const T = { timeout: 60_000 };

const MAIN = `
let out;
try { out = require("./lib/helper").greet("remote"); } catch (e) { out = "failed " + e.code; }
let nope;
try { require("./lib/nope"); } catch (e) { nope = e.code; }
console.log(out, nope, require("./package.json").name);
`;

/** A program folder's manifest and fetch log; the folder is gone before the program runs. */
function forwardedProgram(t: { after(f: () => void): void }, mode: ForwardMode, main = MAIN) {
  const dir = fs.realpathSync(tempDir(t));
  const file = path.join(dir, "main.js");
  fs.mkdirSync(path.join(dir, "lib"));
  fs.writeFileSync(file, main);
  fs.writeFileSync(
    path.join(dir, "lib", "helper.js"),
    'exports.greet = (w) => "hello " + w + " " + require("../data.json").n;',
  );
  fs.writeFileSync(path.join(dir, "data.json"), '{ "n": 7 }');
  fs.writeFileSync(path.join(dir, "package.json"), '{ "name": "fwd" }');
  const source = collectModules(dir, mode);
  const snapshot = snapshotOf(main, 1, file);
  // The remote shares this disk: without the folder only the origin has the files.
  fs.rmSync(dir, { recursive: true });
  const fetched: string[] = [];
  return {
    dir,
    snapshot,
    manifest: source.manifest,
    fetched,
    fetchModule: (f: string) => {
      fetched.push(path.relative(dir, f));
      return source.fetch(f);
    },
  };
}

test(
  "forwarding on demand: files are fetched when first required, once per connection",
  T,
  async (t) => {
    const p = forwardedProgram(t, "on-demand");
    assert.equal(p.manifest[path.join(p.dir, "lib", "helper.js")].data, undefined);
    assert.ok(p.manifest[path.join(p.dir, "package.json")].data, "package.json goes up front");
    // Only files of the manifest are served.
    assert.equal(await p.fetchModule("/etc/passwd"), null);
    p.fetched.length = 0;
    const gw = await within(Gateway.open("popen"), 30_000, "open");
    try {
      for (let run = 0; run < 2; run++) {
        const io = Object.assign(collector(), { fetchModule: p.fetchModule });
        const prog = gw.resume(p.snapshot, io, { modules: p.manifest });
        assert.equal(await within(prog.exit, 20_000, "exit"), 0, io.err);
        assert.equal(io.out, "hello remote 7 MODULE_NOT_FOUND fwd\n");
      }
      // Asked once for each file the guest needed (the second program found them there),
      // never for a path outside the manifest nor for what came up front.
      assert.deepEqual(p.fetched, ["lib/helper.js", "data.json"]);
    } finally {
      await gw.close();
    }
  },
);

test(
  "forwarding: bytes that do not match the manifest are refused; eager sends all; hops fetch through their origin",
  T,
  async (t) => {
    const p = forwardedProgram(t, "on-demand");
    const gw = await within(Gateway.open("popen"), 30_000, "open");
    try {
      const io = Object.assign(collector(), {
        fetchModule: async () => Buffer.from("exports.greet = () => 'forged'"),
      });
      assert.equal(
        await within(gw.resume(p.snapshot, io, { modules: p.manifest }).exit, 20_000, "exit"),
        0,
      );
      assert.equal(io.out, "failed ERR_JAUNT_MODULE_FETCH MODULE_NOT_FOUND fwd\n");
      const eager = forwardedProgram(t, "eager");
      const io2 = Object.assign(collector(), { fetchModule: eager.fetchModule });
      const prog = gw.resume(eager.snapshot, io2, { modules: eager.manifest });
      assert.equal(await within(prog.exit, 20_000, "exit"), 0, io2.err);
      assert.equal(io2.out, "hello remote 7 MODULE_NOT_FOUND fwd\n");
      assert.deepEqual(eager.fetched, []);
      // A program that moves on from the remote (A → B → C) fetches through B.
      const hop = forwardedProgram(t, "on-demand", `require("jaunt").teleport("popen");\n${MAIN}`);
      const io3 = Object.assign(collector(), { fetchModule: hop.fetchModule });
      const moved = gw.resume(hop.snapshot, io3, { modules: hop.manifest });
      assert.equal(await within(moved.exit, 30_000, "exit"), 0, io3.err);
      assert.equal(io3.out, "hello remote 7 MODULE_NOT_FOUND fwd\n");
      assert.deepEqual(hop.fetched, ["lib/helper.js", "data.json"]);
    } finally {
      await gw.close();
    }
  },
);

test(
  "forwarding: two clients of one socket server, same path, different files: each program sees its own",
  T,
  async (t) => {
    const KEY = "a shared key for the forwarding tests";
    const srv = await startListener(t, KEY);
    const dir = fs.realpathSync(tempDir(t));
    const file = path.join(dir, "main.js");
    // Each requires a file, lets the other program run, then requires a second one.
    const main = `
      const first = require("./lib/which").name;
      setTimeout(() => console.log(first, require("./lib/later").name, require("./package.json").v), 300);`;
    fs.mkdirSync(path.join(dir, "lib"));
    fs.writeFileSync(file, main);
    const version = (name: string) => {
      fs.writeFileSync(path.join(dir, "lib", "which.js"), `exports.name = "${name}";`);
      fs.writeFileSync(path.join(dir, "lib", "later.js"), `exports.name = "${name}-later";`);
      fs.writeFileSync(path.join(dir, "package.json"), `{ "v": "${name}-pkg" }`);
      return { source: collectModules(dir), snapshot: snapshotOf(main, 1, file) };
    };
    const a = version("A");
    const b = version("B");
    fs.rmSync(dir, { recursive: true }); // only the origins have them
    const spec = `socket=127.0.0.1:${srv.port}`;
    const [gwA, gwB] = await within(
      Promise.all([Gateway.open(spec, { key: KEY }), Gateway.open(spec, { key: KEY })]),
      20_000,
      "open",
    );
    try {
      const run = (gw: Gateway, v: typeof a) => {
        const io = Object.assign(collector(), { fetchModule: v.source.fetch });
        return { io, exit: gw.resume(v.snapshot, io, { modules: v.source.manifest }).exit };
      };
      const ra = run(gwA, a);
      const rb = run(gwB, b);
      assert.deepEqual(await within(Promise.all([ra.exit, rb.exit]), 20_000, "exit"), [0, 0]);
      assert.equal(ra.io.out, "A A-later A-pkg\n", ra.io.err);
      assert.equal(rb.io.out, "B B-later B-pkg\n", rb.io.err);
      // One server process ran both.
      assert.equal(gwA.remote.pid, gwB.remote.pid);
    } finally {
      await Promise.all([gwA.close(), gwB.close()]);
    }
  },
);
