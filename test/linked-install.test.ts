// Jaunt installed with its node_modules linked from elsewhere (a pnpm store, a worktree
// sharing one install): module resolution names files by their real paths, so the
// built-in modules' npm dependencies are found outside the install's own folder and
// must still be recognised as the runtime's (they were not: `require("stream")` failed
// with "Cannot find module 'readable-stream/lib/stream.js' from node:stream").

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

test("built-in modules load when the install's node_modules is a link", (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-linked-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(path.join(ROOT, "dist"), path.join(dir, "dist"), { recursive: true });
  for (const d of ["vm/node", "vm/prelude"])
    fs.cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  const program = path.join(dir, "main.js");
  fs.writeFileSync(
    program,
    `const { Readable } = require("stream");
     const { StringDecoder } = require("string_decoder");
     console.log(typeof Readable, new StringDecoder().write(Buffer.from("hi")));`,
  );
  const r = spawnSync(process.execPath, [path.join(dir, "dist", "bin", "vmrun.js"), program], {
    encoding: "utf8",
    env: { ...process.env, JAUNT_CACHE_DIR: "off" },
  });
  assert.equal(r.stderr, "");
  assert.equal(r.stdout, "function hi\n");
});
