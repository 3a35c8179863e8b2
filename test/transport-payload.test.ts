// What a bootstrapped remote does with its payload before the first line (issue 14's
// time to the first remote line): it inflates only the runtime files it reads, and it
// loads none of node's heavier built-in modules a resumed program does not use.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Gateway } from "../transport/gateway";
import { Jaunt } from "../vm/index";
import { readPayload, runtimePayload } from "../transport/bundle";
import { fileBytes, installRuntimeFiles, packFile, VIRTUAL_ROOT } from "../transport/runtime-files";
import { collector, script, snapshotOf, tempDir } from "./transport-helpers";

const T = { timeout: 120_000 };

test("runtime files: a packed file is inflated when first read, never for a stat", () => {
  const text = "module.exports = 42;\n".repeat(100);
  const packed = packFile(Buffer.from(text));
  assert.ok(Array.isArray(packed) && packed[0] === text.length && packed[1].length < 100);
  assert.equal(fileBytes(packed).toString(), text);

  // The module object itself (an import namespace has only getters).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zlib = require("node:zlib") as { inflateRawSync: (...a: unknown[]) => Buffer };
  const real = zlib.inflateRawSync;
  let inflated = 0;
  zlib.inflateRawSync = (...args: unknown[]) => {
    inflated++;
    return real(...args);
  };
  try {
    installRuntimeFiles({
      "lib/packed.js": packFile(Buffer.from(text)),
      "lib/plain.txt": Buffer.from("hi"),
    });
    const file = `${VIRTUAL_ROOT}/lib/packed.js`;
    assert.equal(fs.statSync(file).size, text.length);
    assert.deepEqual(fs.readdirSync(`${VIRTUAL_ROOT}/lib`), ["packed.js", "plain.txt"]);
    assert.equal(inflated, 0);
    assert.equal(fs.readFileSync(file, "utf8"), text);
    assert.equal(fs.readFileSync(file, "utf8"), text);
    assert.equal(inflated, 1);
    assert.equal(fs.readFileSync(`${VIRTUAL_ROOT}/lib/plain.txt`, "utf8"), "hi");
  } finally {
    zlib.inflateRawSync = real;
  }
});

// esbuild's keepNames defines \`name\` on each function as it is made: about half of a
// remote's module start-up. Nothing on a remote reads a host function's name.
test("the remote bundle defines no function names as it loads", T, () => {
  const { js } = readPayload(runtimePayload());
  assert.doesNotMatch(js, /"name",\{value:/);
});

// The guest's built-ins are named where they are made, not by their host functions.
test("a remote's built-ins have the names a local VM gives them", T, async () => {
  const source = `
    const seen = new Set(), out = [];
    const walk = (o, path, depth) => {
      if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o) || depth > 3) return;
      seen.add(o);
      for (const k of Reflect.ownKeys(o)) {
        const d = Object.getOwnPropertyDescriptor(o, k);
        const v = d.value ?? d.get;
        if (typeof v === "function") out.push(path + "." + String(k) + " " + v.name + " " + v.length);
        walk(v, path + "." + String(k), depth + 1);
      }
    };
    walk(globalThis, "globalThis", 0);
    for (const m of ["fs", "path", "util", "events", "stream", "buffer", "url", "zlib"]) walk(require(m), m, 1);
    console.log(out.length > 1000, out.join("\\n"));
  `;
  const snap = snapshotOf(source, 1);
  const here = collector();
  await Jaunt.resume(snap, { capabilities: "all", ...here }).runAsync();
  const gw = await Gateway.open("popen");
  try {
    const there = collector();
    assert.equal(await gw.resume(snap, there).exit, 0);
    assert.match(there.out, /^true /);
    assert.equal(there.out, here.out);
  } finally {
    await gw.close();
  }
});

test("the payload carries every runtime file packed", T, () => {
  const files = Object.values(readPayload(runtimePayload()).files);
  assert.ok(files.length > 100);
  for (const f of files) assert.ok(Array.isArray(f), "a runtime file travels unpacked");
});

test(
  "popen: a remote that resumes a program loads no tls, dgram, dns, workers or child processes",
  T,
  async (t) => {
    const dir = tempDir(t);
    const out = path.join(dir, "modules.json");
    const preload = path.join(dir, "modules.js");
    fs.writeFileSync(
      preload,
      `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)));`,
    );
    const node = script(
      dir,
      "node-modules",
      `exec "${process.execPath}" --require "${preload}" "$@"`,
    );
    const gw = await Gateway.open(`popen//node=${node}`);
    const io = collector();
    const run = gw.resume(snapshotOf(`console.log(require("os").EOL === "\\n")`), io);
    assert.equal(await run.exit, 0);
    await gw.close();
    assert.equal(io.out, "true\n");
    const loaded = JSON.parse(fs.readFileSync(out, "utf8")) as string[];
    assert.ok(loaded.includes("NativeModule net"), "the list names node's built-in modules");
    for (const m of ["tls", "dgram", "dns", "worker_threads", "child_process", "http"])
      assert.ok(!loaded.includes(`NativeModule ${m}`), `the remote loaded ${m}`);
  },
);
