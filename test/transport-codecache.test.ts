// The payload carries a V8 code cache for the remote bundle (transport/bundle.ts), made
// by this node: a remote with the same node version compiles the bundle from it; one
// with another version does not try it (stage 1 compares the tag) and still starts.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Gateway } from "../transport/gateway";
import { readPayload, runtimePayload } from "../transport/bundle";
import { collector, script, snapshotOf, tempDir } from "./transport-helpers";

const T = { timeout: 120_000 };

async function bootLine(spec: string): Promise<string> {
  let err = "";
  const gw = await Gateway.open(`${spec}//env:JAUNT_TRANSPORT_TRACE=1`, {
    onStderr: (t) => void (err += t),
  });
  await gw.close();
  return /payload evaluated[^\n]*/.exec(err)?.[0] ?? err;
}

test(
  "popen: the bundle's code cache is used by the same node, not tried by another",
  T,
  async (t) => {
    assert.equal(await bootLine("popen"), "payload evaluated (code cache used)");
    const dir = tempDir(t);
    const preload = path.join(dir, "other.js");
    fs.writeFileSync(preload, `Object.defineProperty(process, "version", { value: "v99.0.0" });`);
    const node = script(
      dir,
      "other-node",
      `exec "${process.execPath}" --require "${preload}" "$@"`,
    );
    assert.equal(await bootLine(`popen//node=${node}`), "payload evaluated (code cache not tried)");
  },
);

// Node compiles its own built-in modules from its code cache only while V8's flags are
// the ones it was built with: the remote changes none (the optimizer is held back only
// once the bundle's modules, and the built-ins they require, are loaded).
test("popen: the remote loads node's built-in modules from node's code cache", T, async (t) => {
  const dir = tempDir(t);
  const out = path.join(dir, "usage.json");
  const preload = path.join(dir, "usage.js");
  fs.writeFileSync(
    preload,
    `const { internalBinding } = require("internal/test/binding");
       process.on("exit", () => {
         const u = internalBinding("builtins").getCacheUsage();
         require("fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify([...u.compiledWithoutCache]));
       });`,
  );
  const node = script(
    dir,
    "node-usage",
    `exec "${process.execPath}" --expose-internals --no-warnings --require "${preload}" "$@"`,
  );
  assert.equal(await bootLine(`popen//node=${node}`), "payload evaluated (code cache used)");
  const without = JSON.parse(fs.readFileSync(out, "utf8")) as string[];
  for (const m of ["net", "crypto", "zlib", "stream", "child_process", "os", "vm"])
    assert.ok(!without.includes(m), `${m} compiled without node's code cache: ${without}`);
});

// The payload also carries the compiled prelude and common modules, keyed as the remote
// looks them up (its files under the virtual root): the remote compiles none of them,
// and its program cache never touches its own disk (an environment variable cannot
// carry the virtual root's NUL byte: the remote once used "/" for it).
test(
  "popen: the remote's compiled prelude comes in the payload, never from its disk",
  T,
  async (t) => {
    const names = Object.keys(readPayload(runtimePayload()).files);
    assert.ok(
      names.some((n) => /^cache\/prelude-[0-9a-f]+\.v8$/.test(n)),
      "no prelude entry",
    );
    assert.ok(names.filter((n) => /^cache\/program-/.test(n)).length > 5, "few module entries");
    const dir = tempDir(t);
    const out = path.join(dir, "disk.json");
    const preload = path.join(dir, "disk.js");
    fs.writeFileSync(
      preload,
      `const fs = require("fs"), seen = [];
     const cachePath = /(prelude|program)-[0-9a-f]+\\.v8/;
     for (const f of ["readFileSync", "writeFileSync", "statSync", "mkdirSync", "utimesSync", "openSync"]) {
       const real = fs[f];
       fs[f] = function (p, ...rest) {
         // A path with a NUL (the virtual root) is refused by every real fs call.
         if (cachePath.test(String(p)) && !String(p).includes("\\0")) seen.push(f + " " + String(p));
         return real.call(this, p, ...rest);
       };
     }
     process.on("exit", () => fs.writeFileSync(${JSON.stringify(out)}, JSON.stringify(seen)));`,
    );
    const node = script(dir, "node-disk", `exec "${process.execPath}" --require "${preload}" "$@"`);
    const gw = await Gateway.open(`popen//node=${node}`);
    const io = collector();
    const run = gw.resume(
      snapshotOf(`const util = require("util"); console.log(util.format("%s!", "hi"));`),
      io,
    );
    assert.equal(await run.exit, 0);
    await gw.close();
    assert.equal(io.out, "hi!\n");
    assert.deepEqual(JSON.parse(fs.readFileSync(out, "utf8")), []);
  },
);
