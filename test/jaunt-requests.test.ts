// The guest module `jaunt` hands control to the embedder through requests: the run stops
// right after the call, a handler answers, and the answer is the call's result. These
// tests drive the mechanism through the embedding API (handlers, snapshots taken inside
// a request, exit, errors) and jaunt.snapshot() through the real command line.

import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Jaunt, type JauntRequest } from "../vm";
import { programIn, resumeElsewhere, runCli, runNode, vmWith } from "./harness";

const tmpdir = () => fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-requests-"));

test("requests: a synchronous handler's value is the call's result, its throw the call's exception", () => {
  const seen: unknown[][] = [];
  const { j, out } = vmWith({
    requests: {
      teleport: (req) => {
        seen.push(req.args);
        if (req.args[0] === "bad")
          throw Object.assign(new RangeError("no such target"), { code: "E_T" });
        return { arrived: req.args[0] };
      },
    },
  });
  j.load(
    'const { teleport, fork } = require("jaunt");\n' +
      'console.log(JSON.stringify(teleport("popen")));\n' +
      'try { teleport("bad"); } catch (e) { console.log(e.name, e.code, e.message); }\n' +
      "try { fork('popen'); } catch (e) { console.log(e.code); }\n" +
      'console.log("end");\n',
    "/main.js",
  );
  assert.equal(j.run().status, "done");
  assert.deepEqual(seen, [["popen"], ["bad"]]);
  assert.equal(
    out.text,
    '{"arrived":"popen"}\nRangeError E_T no such target\nERR_JAUNT_NOT_AVAILABLE\nend\n',
  );
});

test("requests: an asynchronous handler makes run() return 'request'; runAsync waits for it", async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const { j, out } = vmWith({
    requests: {
      teleport: async (req) => {
        await gate;
        return `answered ${String(req.args[0])}`;
      },
    },
  });
  j.load('console.log(require("jaunt").teleport("x")); console.log("after");\n', "/main.js");
  const r = j.run();
  assert.equal(r.status, "request");
  assert.equal(out.text, "");
  // Running again before the answer is refused: the guest's call has no result yet.
  assert.throws(() => j.run(), /waits for its handler/);
  release();
  await r.answered;
  assert.equal((await j.runAsync()).status, "done");
  assert.equal(out.text, "answered x\nafter\n");
});

test("requests: req.snapshot(result) resumes with the call returning that result; the live run gets the handler's", async () => {
  const copies: Uint8Array[] = [];
  const { j, out } = vmWith({
    requests: {
      fork: (req: JauntRequest) => {
        for (let i = 1; i <= 3; i++) copies.push(req.snapshot(i));
        return 0;
      },
    },
  });
  j.load(
    "let total = 10;\n" +
      "function go() { const i = require('jaunt').fork('popen', 3); total += i; return i; }\n" +
      "const who = go();\n" +
      "setTimeout(() => console.log('copy', who, 'total', total), 1);\n",
    "/main.js",
  );
  assert.equal((await j.runAsync()).status, "done");
  assert.equal(out.text, "copy 0 total 10\n");
  const outs = await Promise.all(copies.map((b) => resumeElsewhere(b)));
  assert.deepEqual(outs, ["copy 1 total 11\n", "copy 2 total 12\n", "copy 3 total 13\n"]);
});

test("requests: exit(code) ends the program at the call; a snapshot taken while unanswered resumes as interrupted", async () => {
  let pendingSnapshot: Uint8Array | undefined;
  let j!: Jaunt;
  const made = vmWith({
    requests: {
      teleport: (req) => {
        req.exit(7);
        return undefined;
      },
      fork: () => {
        pendingSnapshot = j.snapshot();
        return new Promise(() => {}); // never answered here
      },
    },
  });
  j = made.j;
  j.load(
    'const jaunt = require("jaunt");\n' +
      "process.on('exit', () => console.log('exit handler'));\n" +
      'try { jaunt.fork("popen"); } catch (e) { console.log(e.code); }\n' +
      'jaunt.teleport("popen");\n' +
      'console.log("never");\n',
    "/main.js",
  );
  const r = j.run();
  assert.equal(r.status, "request");
  // The copy resumed from inside the unanswered request is told so, and goes on.
  const copy = Jaunt.resume(pendingSnapshot!, {
    stdout: (t) => (copyOut += t),
    stderr: (t) => (copyOut += t),
    requests: { teleport: (req) => req.exit(3) },
  });
  let copyOut = "";
  const cr = await copy.runAsync();
  assert.equal(cr.status, "exited");
  assert.equal(copy.exitCode, 3);
  assert.equal(copyOut, "ERR_JAUNT_INTERRUPTED\n");
  assert.equal(made.out.text, "");
});

test("requests: jaunt.snapshot needs the fs capability in the embedding API", () => {
  const { j, out } = vmWith();
  j.load(
    'try { require("jaunt").snapshot("/tmp/x.snap"); } catch (e) { console.log(e.code); }\n',
    "/main.js",
  );
  j.run();
  assert.equal(out.text, "ERR_JAUNT_CAPABILITY\n");
});

test("requests: jaunt.snapshot(path) through vmrun, resumed by vmresume, in a checkpoint loop", () => {
  const dir = tmpdir();
  try {
    const program = programIn(dir);
    const main = program(
      "main.js",
      'const { snapshot } = require("jaunt");\n' +
        "let state = { done: [] };\n" +
        "for (let i = 0; i < 4; i++) {\n" +
        "  state.done.push(i * i);\n" +
        "  const r = snapshot(__dirname + '/ck' + i + '.snap');\n" +
        "  console.log(i, r.resumed, state.done.join(' '));\n" +
        "}\n" +
        "setTimeout(() => console.log('timer', state.done.length), 5);\n",
    );
    const plain = runCli("vmrun", [main], dir);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(plain.stdout, "0 false 0\n1 false 0 1\n2 false 0 1 4\n3 false 0 1 4 9\ntimer 4\n");
    const resumed = runCli("vmresume", [path.join(dir, "ck1.snap")], dir);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(resumed.stdout, "1 true 0 1\n2 false 0 1 4\n3 false 0 1 4 9\ntimer 4\n");
    // The same program under --snapshot-every 1 prints the same: a request is an
    // ordinary instruction boundary.
    const cut = runCli("vmrun", ["--snapshot-every", "29", main], dir);
    assert.equal(cut.stdout, plain.stdout);
    // Node has no jaunt module: the program is Jaunt-only (checked, not compared).
    assert.notEqual(runNode(main).code, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("requests: jaunt.snapshot from an ES module and inside an async function", () => {
  const dir = tmpdir();
  try {
    const program = programIn(dir);
    const main = program(
      "main.mjs",
      'import { snapshot } from "jaunt";\n' +
        "const file = new URL('a.snap', import.meta.url).pathname;\n" +
        "async function job(n) {\n" +
        "  await null;\n" +
        "  const r = snapshot(file);\n" +
        "  return `${n} ${r.resumed}`;\n" +
        "}\n" +
        "console.log(await job(5));\n",
    );
    const plain = runCli("vmrun", [main], dir);
    assert.equal(plain.stdout, "5 false\n", plain.stderr);
    const resumed = runCli("vmresume", [path.join(dir, "a.snap")], dir);
    assert.equal(resumed.stdout, "5 true\n", resumed.stderr);
    // A bad path is a guest error, thrown at the call.
    const bad = program(
      "bad.js",
      'try { require("jaunt").snapshot("/nonexistent-dir/x.snap"); } catch (e) { console.log(e.code); }\n' +
        'try { require("jaunt").snapshot(42); } catch (e) { console.log(e.code); }\n',
    );
    assert.equal(runCli("vmrun", [bad], dir).stdout, "ENOENT\nERR_INVALID_ARG_TYPE\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
