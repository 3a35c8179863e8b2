// The payload carries a V8 code cache for the remote bundle (transport/bundle.ts), made
// by this node: a remote with the same node version compiles the bundle from it; one
// with another version does not try it (stage 1 compares the tag) and still starts.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Gateway } from "../transport/gateway";
import { script, tempDir } from "./transport-helpers";

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
