// node:dgram's host side (vm/host-ops/dgram.ts) beyond what the differential program
// test/programs-node/node-dgram-echo.js shows: a bound socket resumed in another process
// is severed, an unref'd one lets the run end, and without the `net` capability a bind
// fails with ERR_JAUNT_CAPABILITY.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Jaunt } from "../vm";
import { ROOT, runCli } from "./harness";

const DIR = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-dgram-"));

test("a bound UDP socket resumed in another process is severed", () => {
  const snap = path.join(DIR, "udp.snap");
  const program = path.join(DIR, "udp.js");
  fs.writeFileSync(
    program,
    `const dgram = require("dgram");
const { snapshot } = require("jaunt");
const s = dgram.createSocket("udp4");
s.on("error", (e) => { console.log("error", e.code); s.close(); });
s.bind(0, "127.0.0.1", () => {
  const r = snapshot(${JSON.stringify(snap)});
  console.log("resumed:", r.resumed);
  if (!r.resumed) s.close();
});
`,
  );
  const first = runCli("vmrun", [program], ROOT, 60_000);
  assert.equal(first.stdout, "resumed: false\n");
  assert.equal(first.code, 0);
  const r = runCli("vmresume", [snap], ROOT, 60_000);
  assert.equal(r.stdout, "resumed: true\nerror ERR_JAUNT_SEVERED\n");
  assert.equal(r.code, 0);
});

test("an unref'd UDP socket lets the run end", async () => {
  let out = "";
  const j = Jaunt.create({ capabilities: "all", stdout: (t) => (out += t) });
  j.load(
    `const s = require("dgram").createSocket("udp4");
s.bind(0, "127.0.0.1", () => { s.unref(); console.log("bound", s.address().port > 0); });`,
    path.join(DIR, "unref.js"),
  );
  const r = await j.runAsync();
  assert.equal(r.status, "done");
  assert.equal(out, "bound true\n");
});

test("without the net capability a bind fails with ERR_JAUNT_CAPABILITY", async () => {
  let out = "";
  const j = Jaunt.create({ stdout: (t) => (out += t) });
  j.load(
    `const s = require("dgram").createSocket("udp4");
try { s.bind(0); } catch (e) { console.log(e.code, e.message); }
try { s.send("x", 9, "127.0.0.1"); } catch (e) { console.log(e.code); }`,
    path.join(DIR, "nocap.js"),
  );
  const r = await j.runAsync();
  assert.equal(r.status, "done");
  assert.equal(
    out,
    "ERR_JAUNT_CAPABILITY dgram.Socket.bind needs the 'net' capability, which this VM was not granted\n" +
      "ERR_JAUNT_CAPABILITY\n",
  );
});
