// The command-line tools as users meet them, through real child processes: bad options
// and values refused in one line with node's exit code 9, the main entry found as node
// finds it (compared with node at test time), I/O problems reported in one line naming
// the path, atomic snapshot writes, --help and --version.

import { BUNDLE_DIR, freshBundle } from "../bin/bundle-manifest";
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BIN, ROOT, runCli, runNode, stderrKey, type Outcome } from "./harness";
import { writeFileAtomic } from "../bin/common";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-cli-"));
const write = (rel: string, content: string | Buffer): string => {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};
const prog = write("prog.js", 'console.log("ran", JSON.stringify(process.argv.slice(2)));\n');

/** node with arguments as given (options included), from the temporary folder. */
function node(args: string[]): Outcome {
  const r = spawnSync(process.execPath, args, { encoding: "utf8", cwd: tmp });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

/** Exactly one line on stderr, nothing on stdout, the given exit code. */
function refused(r: Outcome, code: number, line: RegExp | string): void {
  assert.equal(r.stdout, "", "nothing on stdout");
  assert.equal(r.code, code, `exit code (stderr: ${r.stderr})`);
  assert.equal(r.stderr.split("\n").length, 2, `one line: ${JSON.stringify(r.stderr)}`);
  if (typeof line === "string") assert.equal(r.stderr, line + "\n");
  else assert.match(r.stderr, line);
  assert.doesNotMatch(r.stderr, /\n\s+at |ThrowSignal|node:internal/);
}

test("numeric options: anything but a positive integer is refused in one line, exit 9", () => {
  for (const v of ["0", "abc", "-3", "1.5", "1e3", "0x10", " 7"])
    refused(
      runCli("vmrun", ["--max-call-depth", v, prog], tmp),
      9,
      `vmrun: --max-call-depth must be a positive integer, got '${v}'`,
    );
  refused(runCli("vmrun", [`--max-call-depth=abc`, prog], tmp), 9, /got 'abc'/);
  refused(
    runCli("vmrun", ["--max-call-depth"], tmp),
    9,
    "vmrun: --max-call-depth requires an argument",
  );
  for (const v of ["abc", "-1"])
    refused(
      runCli("vmrun", ["--snapshot-every", v, prog], tmp),
      9,
      `vmrun: --snapshot-every must be a non-negative integer (0 = never), got '${v}'`,
    );
  refused(
    runCli("vmresume", ["--snapshot-every", "x", "a.snap"], tmp),
    9,
    /^vmresume: --snapshot-every must be a non-negative integer/,
  );
  refused(
    runCli("vmrun", ["--unhandled-rejections=sometimes", prog], tmp),
    9,
    /^vmrun: invalid value for --unhandled-rejections: 'sometimes' \(expected one of throw, /,
  );
  const snap = path.join(tmp, "never.snap");
  for (const v of ["abc", "-3", "0", "2.5"]) {
    refused(
      runCli("vmsnap", [prog, "--at-step", v, "-o", snap], tmp),
      9,
      `vmsnap: --at-step must be a positive integer, got '${v}'`,
    );
    assert.ok(!fs.existsSync(snap), "no snapshot written");
  }
  refused(runCli("vmsnap", [prog, "-o", snap], tmp), 9, "vmsnap: --at-step N is required");
  refused(runCli("vmsnap", [prog, "--at-step", "3"], tmp), 9, "vmsnap: -o file.snap is required");
});

test("valid numeric options work, and a tiny call-depth limit is a guest RangeError", () => {
  const deep = write(
    "deep.js",
    "function f() { f(); }\ntry { f(); } catch (e) { console.log(e.name); }\n",
  );
  const r = runCli("vmrun", ["--max-call-depth", "100", deep], tmp);
  assert.deepEqual(r, { stdout: "RangeError\n", stderr: "", code: 0 });
  for (const depth of ["1", "2"]) {
    // The loader itself needs frames: the program fails, the host does not crash.
    const tiny = runCli("vmrun", ["--max-call-depth", depth, prog], tmp);
    assert.equal(tiny.code, 1);
    assert.match(tiny.stderr, /RangeError: Maximum call stack size exceeded/);
    assert.doesNotMatch(tiny.stderr, /prelude failed|dist\/vm|ThrowSignal/);
  }
  const every = runCli("vmrun", ["--snapshot-every", "0", prog, "x"], tmp);
  assert.equal(every.stdout, 'ran ["x"]\n');
  const every5 = runCli("vmrun", ["--snapshot-every=5", prog, "x"], tmp);
  assert.equal(every5.stdout, 'ran ["x"]\n');
});

test("unknown options before the program are refused as node refuses them", () => {
  for (const bad of ["--bogus", "--bogus=3", "-x"]) {
    const ours = runCli("vmrun", [bad, prog], tmp);
    const theirs = node([bad, prog]);
    assert.equal(theirs.code, 9);
    refused(ours, 9, theirs.stderr.split("\n")[0].replace(/^[^:]*:/, "vmrun:"));
  }
  for (const [flag, name] of [
    ["--inspect", "--inspect"],
    ["--inspect-brk=9229", "--inspect-brk"],
    ["-e", "-e"],
    ["--require", "--require"],
    ["--max-old-space-size=100", "--max-old-space-size"],
  ])
    refused(
      runCli("vmrun", [flag, prog], tmp),
      9,
      `vmrun: ${name} is a node option that Jaunt does not support`,
    );
  refused(
    runCli("vmsnap", ["--bogus", prog, "--at-step", "3", "-o", "x.snap"], tmp),
    9,
    "vmsnap: bad option: --bogus",
  );
  refused(runCli("vmresume", ["--bogus", "x.snap"], tmp), 9, "vmresume: bad option: --bogus");
  refused(runCli("vmrun", [], tmp), 9, /^vmrun: no program given/);
  refused(
    runCli("vmrun", ["--script=abc", prog], tmp),
    9,
    "vmrun: --script takes no value, got 'abc'",
  );
});

test("words after the program are its arguments, options included (as node)", () => {
  const args = [prog, "--bogus", "--max-call-depth", "0", "--", "-x"];
  const ours = runCli("vmrun", args, tmp);
  assert.deepEqual(ours, node(args));
  assert.equal(ours.stdout, 'ran ["--bogus","--max-call-depth","0","--","-x"]\n');
});

test("a missing program: node's report for vmrun, one line for the others", () => {
  const missing = path.join(tmp, "missing.js");
  const ours = runCli("vmrun", ["missing.js"], tmp);
  const theirs = node(["missing.js"]);
  assert.equal(ours.code, 1);
  assert.equal(ours.code, theirs.code);
  assert.equal(ours.stdout, "");
  assert.equal(ours.stderr.split("\n")[0], theirs.stderr.split("\n")[0], "first line");
  assert.equal(stderrKey(ours.stderr), stderrKey(theirs.stderr));
  assert.match(ours.stderr, new RegExp(`^Error: Cannot find module '${missing}'$`, "m"));
  assert.doesNotMatch(ours.stderr, /dist\/bin|common\.js/, "no frames of the tool itself");
  const expected = `Cannot find module '${missing}'`;
  refused(runCli("vmrun", ["--print-bytecode", "missing.js"], tmp), 1, `vmrun: ${expected}`);
  refused(
    runCli("vmsnap", ["missing.js", "--at-step", "3", "-o", "m.snap"], tmp),
    1,
    `vmsnap: ${expected}`,
  );
  refused(runCli("vmrun", ["-"], tmp), 1, /standard input is not supported/);
});

test("vmsnap checks its output path before running the program", () => {
  const noisy = write("noisy.js", 'console.log("the program ran");\n');
  const cases: [string, RegExp][] = [
    [
      "/nonexistent/dir/x.snap",
      /^vmsnap: cannot write \/nonexistent\/dir\/x\.snap: folder \/nonexistent\/dir: no such file or directory\n$/,
    ],
    [tmp, /^vmsnap: cannot write .*: is a directory\n$/],
    [
      path.join(noisy, "x.snap"),
      /^vmsnap: cannot write .*noisy\.js\/x\.snap: .*not a directory\n$/,
    ],
  ];
  for (const [out, line] of cases)
    refused(runCli("vmsnap", [noisy, "--at-step", "2", "-o", out], tmp), 1, line);
});

test("unreadable snapshots are refused in one line naming the path, exit 2", () => {
  refused(
    runCli("vmresume", ["nope.snap"], tmp),
    2,
    "vmresume: cannot read nope.snap: no such file or directory",
  );
  refused(runCli("vmresume", [tmp], tmp), 2, `vmresume: cannot read ${tmp}: is a directory`);
  refused(runCli("vmresume", [prog], tmp), 2, /^vmresume: invalid snapshot: /);
});

test("snapshots are written atomically and leave no temporary file", () => {
  const dir = fs.mkdtempSync(path.join(tmp, "snaps-"));
  const loop = write(
    "loop.js",
    "let s = 0;\nfor (let i = 0; i < 200; i++) s += i;\nconsole.log(s, process.argv.slice(2));\n",
  );
  const out = path.join(dir, "a.snap");
  fs.writeFileSync(out, "old contents");
  const first = runCli("vmsnap", [loop, "--at-step", "50", "-o", out, "arg", "--", "-y"], tmp);
  assert.deepEqual(first, { stdout: "", stderr: "", code: 0 });
  assert.deepEqual(fs.readdirSync(dir), ["a.snap"]);
  const second = runCli("vmresume", [out], tmp);
  assert.deepEqual(second, { stdout: "19900 [ 'arg', '-y' ]\n", stderr: "", code: 0 });

  // In process: the bytes land whole; a failed rename (onto a non-empty folder)
  // throws and removes the temporary file.
  const target = path.join(dir, "b.snap");
  writeFileAtomic(target, new Uint8Array([1, 2, 3]));
  assert.deepEqual([...fs.readFileSync(target)], [1, 2, 3]);
  const blocked = path.join(dir, "blocked");
  fs.mkdirSync(blocked);
  fs.writeFileSync(path.join(blocked, "inside"), "");
  assert.throws(() => writeFileAtomic(blocked, new Uint8Array([4])), /EISDIR|ENOTEMPTY|EEXIST/);
  assert.deepEqual(fs.readdirSync(dir).sort(), ["a.snap", "b.snap", "blocked"]);
});

// Main entries compared with node: stdout, exit code, stderr's first line and headline.
const BOM = "\ufeff";
const entries: [string, Record<string, string | Buffer>, string[]][] = [
  ["a name without .js finds name.js", { "p1/prog.js": 'console.log("p1")' }, ["p1/prog"]],
  ["a folder runs its index.js", { "p2/index.js": 'console.log("index")' }, ["p2"]],
  ["a folder with a trailing slash", { "p3/index.js": 'console.log("slash")' }, ["p3/"]],
  [
    'a folder runs package.json "main"',
    {
      "p4/package.json": '{"main":"lib/start.js"}',
      "p4/lib/start.js": "console.log(__filename.endsWith('start.js'))",
    },
    ["p4"],
  ],
  [
    'a bad "main" falls back to index.js with node\'s DEP0128 warning',
    { "p5/package.json": '{"main":"gone.js"}', "p5/index.js": 'console.log("fallback")' },
    ["p5"],
  ],
  ["a folder without an index is not found", { "p6/readme.txt": "" }, ["p6"]],
  [
    "a file without extension runs as CommonJS",
    { "p7/tool": "console.log(typeof require)" },
    ["p7/tool"],
  ],
  [
    'an extensionless file under "type": "module" is an ES module',
    {
      "p8/package.json": '{"type":"module"}',
      "p8/tool": "console.log(typeof require, import.meta.url.endsWith('/tool'))",
    },
    ["p8/tool"],
  ],
  [
    'a .cjs file under "type": "module" is CommonJS',
    { "p9/package.json": '{"type":"module"}', "p9/a.cjs": "console.log(typeof require)" },
    ["p9/a.cjs"],
  ],
  ["a .mjs file is an ES module", { "p10/a.mjs": "console.log(typeof require)" }, ["p10/a.mjs"]],
  [
    "a .js file with module syntax and no type",
    { "p11/a.js": "export {};\nconsole.log(typeof require)" },
    ["p11/a.js"],
  ],
  [
    "extensionless with module syntax and no type",
    { "p12/a": "export {};\nconsole.log(typeof require)" },
    ["p12/a"],
  ],
  ["other extensions run as CommonJS", { "p13/a.txt": "console.log('txt')" }, ["p13/a.txt"]],
  ["an empty file", { "p14/empty.js": "" }, ["p14/empty.js"]],
  ["a byte-order mark", { "p15/bom.js": BOM + 'console.log("bom")' }, ["p15/bom.js"]],
  ["a #! line", { "p16/sb.js": '#!/usr/bin/env node\nconsole.log("shebang")' }, ["p16/sb.js"]],
  [
    "#! after a BOM is a syntax error in CommonJS",
    { "p17/x.js": BOM + "#!/usr/bin/env node\nconsole.log(1)" },
    ["p17/x.js"],
  ],
  [
    "#! after a BOM runs in an ES module",
    { "p18/x.mjs": BOM + '#!/usr/bin/env node\nconsole.log("ok")' },
    ["p18/x.mjs"],
  ],
  [
    "a binary file",
    { "p19/bin.js": Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 9, 0xff, 0xfe, 10, 0]) },
    ["p19/bin.js"],
  ],
  ["a JSON file runs nothing", { "p20/data.json": '{"a": 1}' }, ["p20/data.json"]],
  [
    "arguments after a folder",
    { "p21/index.js": "console.log(process.argv.slice(2))" },
    ["p21", "a", "-b"],
  ],
  // process.argv[1] is the path as given, made absolute: the folder, the name without .js.
  [
    "process.argv[1] of a folder",
    { "p22/index.js": "console.log(process.argv[1] === __dirname)" },
    ["p22"],
  ],
  [
    "process.argv[1] of a name without .js",
    { "p23/prog.js": "console.log(process.argv[1] === __filename.slice(0, -3))" },
    ["p23/prog"],
  ],
  [
    "process.argv[1] of an ES module folder",
    {
      "p24/package.json": '{"type":"module","main":"m.js"}',
      "p24/m.js": "console.log(process.argv[1].endsWith('/p24'))",
    },
    ["p24"],
  ],
];
for (const [title, files, args] of entries) {
  test(`main entry as node finds it: ${title}`, () => {
    for (const [rel, content] of Object.entries(files)) write(rel, content);
    const theirs = node(args);
    const ours = runCli("vmrun", args, tmp);
    assert.equal(ours.stdout, theirs.stdout, "stdout");
    assert.equal(ours.code, theirs.code, `exit code (stderr: ${ours.stderr})`);
    const warning = (s: string) => s.replace(/^\(node:\d+\) /, "");
    assert.equal(warning(stderrKey(ours.stderr)), warning(stderrKey(theirs.stderr)), "stderr");
  });
}

test("a symlinked main runs as its real path, as in node", () => {
  write("real/target.js", "console.log(__filename)");
  fs.symlinkSync(path.join(tmp, "real", "target.js"), path.join(tmp, "link.js"));
  const ours = runCli("vmrun", ["link.js"], tmp);
  assert.equal(ours.stdout, node(["link.js"]).stdout);
  assert.equal(ours.stdout, path.join(fs.realpathSync(tmp), "real", "target.js") + "\n");
});

test("a bad JSON main is a SyntaxError naming the file, exit 1", () => {
  write("badjson/x.json", "{bad");
  const ours = runCli("vmrun", ["badjson/x.json"], tmp);
  const theirs = node(["badjson/x.json"]);
  assert.equal(ours.code, theirs.code);
  const headline = (s: string) => s.split("\n").find((l) => l.startsWith("SyntaxError"));
  assert.equal(headline(ours.stderr), headline(theirs.stderr));
});

test("--help lists every option and --version prints the package version", () => {
  const version = (
    JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }
  ).version;
  const options: Record<string, string[]> = {
    vmrun: [
      "--script",
      "--snapshot-every",
      "--unhandled-rejections",
      "--max-call-depth",
      "--print-bytecode",
      "--record",
      "--every",
    ],
    // vmsnap and vmresume take vmrun's limits (vmsnap.test.ts runs them).
    vmsnap: [
      "--at-step",
      "--output",
      "-o",
      "--script",
      "--max-call-depth",
      "--deadline-ms",
      "--max-heap-bytes",
      "--unhandled-rejections",
      "--stop",
    ],
    vmresume: [
      "--snapshot-every",
      "--max-call-depth",
      "--deadline-ms",
      "--max-heap-bytes",
      "--unhandled-rejections",
      "--at",
    ],
  };
  for (const [tool, opts] of Object.entries(options)) {
    const help = runCli(tool, ["--help"], tmp);
    assert.equal(help.code, 0);
    for (const o of [...opts, "--help", "--version"])
      assert.ok(help.stdout.includes(o), `${tool} --help shows ${o}`);
    for (const flag of ["--version", "-v"]) {
      const v = runCli(tool, [flag], tmp);
      assert.equal(v.code, 0);
      assert.match(
        v.stdout,
        new RegExp(
          `^jaunt ${version.replace(/\./g, "\\.")} \\(snapshot format \\d+, compiler \\d+, node v[\\d.]+\\)\\n$`,
        ),
      );
    }
  }
});

test("--version alone is answered without loading yargs, as yargs answers it", () => {
  // Run from the modules (not the bundle), with a hook listing the modules loaded.
  const hook = write(
    "list-modules.js",
    'process.on("exit", () => process.stderr.write(Object.keys(require.cache).join("\\n")));\n',
  );
  for (const tool of ["vmrun", "vmresume"]) {
    const r = spawnSync(
      process.execPath,
      ["-r", hook, path.join(ROOT, "dist", "bin", `${tool}.js`), "--version"],
      { encoding: "utf8", cwd: tmp, env: { ...process.env, JAUNT_BUNDLE: "off" } },
    );
    assert.equal(r.status, 0);
    assert.ok(r.stderr.includes(`${tool}-main.js`), "the tool's modules ran");
    assert.ok(!/[\\/]yargs[\\/]/.test(r.stderr), `${tool} --version loaded yargs`);
    // What yargs prints when it parses (a second word sends the line through it).
    const viaYargs = runCli(tool, ["--version", "--version"], tmp);
    assert.equal(viaYargs.code, 0);
    assert.equal(r.stdout, viaYargs.stdout);
  }
});

test("--version with a fresh bundle is answered from its manifest, without loading it", () => {
  const hook = write(
    "list-modules-bundled.js",
    'process.on("exit", () => process.stderr.write(Object.keys(require.cache).join("\\n")));\n',
  );
  for (const tool of ["vmrun", "vmresume"]) {
    // Only a fresh bundle (npm run build) answers this way; stale, the modules do (above).
    if (!freshBundle(BUNDLE_DIR, tool)) continue;
    for (const flag of ["--version", "-v"]) {
      const r = spawnSync(
        process.execPath,
        ["-r", hook, path.join(ROOT, "dist", "bin", `${tool}.js`), flag],
        { encoding: "utf8", cwd: tmp, env: { ...process.env, JAUNT_BUNDLE: "" } },
      );
      assert.equal(r.status, 0);
      assert.ok(!r.stderr.includes(path.join("bundle", `${tool}.js`)), "the bundle was not loaded");
      assert.ok(!r.stderr.includes(`${tool}-main.js`), "nor the tool's modules");
      const viaYargs = runCli(tool, ["--version", "--version"], tmp);
      assert.equal(r.stdout, viaYargs.stdout);
    }
  }
});

test("--version loads neither node:crypto nor node:v8; a run with warm caches no node:crypto", () => {
  // --version answers before the code cache and the optimizer hold (v8) load; a run
  // whose cache entries carry verified stamps hashes nothing, and its short program
  // identities and cache keys are hashed without node:crypto (compiler/digest.ts).
  const hook = write(
    "list-builtins.js",
    'process.on("exit", () => process.stderr.write(process.moduleLoadList.join("\\n")));\n',
  );
  const builtins = (args: string[]): string[] => {
    const r = spawnSync(process.execPath, ["-r", hook, path.join(BIN, "vmrun.js"), ...args], {
      encoding: "utf8",
      cwd: tmp,
      env: { ...process.env, JAUNT_BUNDLE: "" },
    });
    assert.equal(r.status, 0, r.stderr);
    return r.stderr.split("\n");
  };
  if (freshBundle(BUNDLE_DIR, "vmrun")) {
    const loaded = builtins(["--version"]);
    assert.ok(!loaded.includes("NativeModule crypto"), "node:crypto");
    assert.ok(!loaded.includes("NativeModule v8"), "node:v8");
  }
  builtins([prog]); // fills the caches (and hashes what it writes)
  const loaded = builtins([prog]);
  assert.ok(!loaded.includes("NativeModule crypto"), "node:crypto");
  assert.ok(!loaded.includes("NativeModule internal/crypto/webcrypto"), "Web Crypto");
});

test("the README's embedding example is examples/embed.ts, verbatim, and it runs", () => {
  const example = fs.readFileSync(path.join(ROOT, "examples", "embed.ts"), "utf8");
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  assert.ok(readme.includes("```ts\n" + example + "```\n"), "README quotes examples/embed.ts");
  const r = spawnSync(process.execPath, [path.join(ROOT, "dist", "examples", "embed.js")], {
    encoding: "utf8",
  });
  assert.equal(r.stderr, "");
  assert.equal(r.stdout, "total 500500\nexit code 0 (no uncaught error)\n");
});

test("output into a closed pipe is dropped, as node's console drops it: the program runs on", () => {
  const many = write(
    "pipe/many.js",
    "for (let i = 0; i < 20000; i++) console.log(i);\nconsole.error('end');",
  );
  const r = spawnSync(
    "sh",
    ["-c", `"${process.execPath}" "${path.join(BIN, "vmrun.js")}" "${many}" | head -1`],
    {
      encoding: "utf8",
    },
  );
  assert.equal(r.stdout, "0\n");
  assert.equal(r.stderr, "end\n");
});
