// Node's built-in modules: the registry, and the runtime's own files that implement
// them. A built-in module is guest JavaScript — a file under vm/node/ or a file of an
// npm package Jaunt depends on — compiled on its first require/import (and cached on
// disk like the prelude), so it is pausable and snapshot-able like user code.
// Loading never goes through the guest's module access: these files are part of the
// runtime, read whatever the `fs` capability says.
//
// Program names: vm/node/<x>.js is `node:<x>` (what Node prints in its stacks), and a
// file of an npm package is `node:internal/deps/<package>/<path>`, as Node names the
// dependencies it bundles. Snapshots refer to these programs by name and hash without
// carrying their source (see vm/snapshot.ts).

import * as fs from "node:fs";
import * as path from "node:path";
import { compile, GuestSyntaxError, type Program } from "../../compiler";
import { cachedProgram } from "./prelude-cache";
import { ModuleNotFound, resolveRequire } from "./modules";

/**
 * Every built-in module, by its bare name: the program that implements it, or
 * "prelude" for the few the prelude provides itself. Adding a module is one line
 * here plus its file in vm/node/.
 */
const BUILTIN_MODULES: Readonly<Record<string, string>> = {
  assert: "node:assert",
  "assert/strict": "node:assert-strict",
  async_hooks: "node:async_hooks",
  buffer: "prelude",
  child_process: "node:child_process",
  console: "node:console",
  constants: "node:constants",
  crypto: "node:crypto",
  diagnostics_channel: "node:diagnostics_channel",
  dgram: "node:dgram",
  dns: "node:dns",
  domain: "node:domain",
  "dns/promises": "node:dns-promises",
  events: "node:events",
  fs: "node:fs",
  http: "node:http",
  https: "node:https",
  http2: "node:http2",
  "fs/promises": "node:fs/promises",
  module: "prelude",
  net: "node:net",
  os: "node:os",
  path: "node:path",
  perf_hooks: "node:perf_hooks",
  "path/posix": "node:path-posix",
  "path/win32": "node:path-win32",
  process: "prelude",
  punycode: "node:internal/deps/punycode/punycode.js",
  querystring: "node:querystring",
  readline: "node:readline",
  "readline/promises": "node:readline-promises",
  stream: "node:stream",
  "stream/consumers": "node:stream-consumers",
  "stream/promises": "node:stream-promises",
  "stream/web": "node:stream-web",
  string_decoder: "node:string_decoder",
  sys: "node:sys",
  timers: "node:timers",
  tls: "node:tls",
  "timers/promises": "node:timers-promises",
  tty: "node:tty",
  url: "node:url",
  util: "node:util",
  v8: "node:v8",
  vm: "node:vm",
  "util/types": "node:util-types",
  worker_threads: "node:worker_threads",
  zlib: "node:zlib",
};

/**
 * Built-in modules that exist only under the `node:` scheme, as in Node: `require("test")`
 * looks in node_modules, `require("node:test")` is the test runner. They are not listed
 * in `module.builtinModules`.
 */
const SCHEME_ONLY_MODULES: Readonly<Record<string, string>> = {
  test: "node:test",
};

/**
 * Requests made by the npm packages' files that name a core module in a way Node
 * would send to node_modules ("process/" asks for the browser shim): Jaunt's core
 * module serves them, as it does in Node.
 */
const DEPENDENCY_ALIASES: Readonly<Record<string, string>> = {
  "process/": "process",
  "string_decoder/": "string_decoder",
};

const BUILTIN_NAMES = Object.keys(BUILTIN_MODULES).sort();
const NODE_PREFIX = "node:";
const DEPS_PREFIX = "node:internal/deps/";

/** The bare name of a built-in module request (`node:x` or `x`), or null. */
export function builtinName(request: string): string | null {
  if (request.startsWith(NODE_PREFIX)) {
    const bare = request.slice(NODE_PREFIX.length);
    return Object.hasOwn(BUILTIN_MODULES, bare) || Object.hasOwn(SCHEME_ONLY_MODULES, bare)
      ? bare
      : null;
  }
  return Object.hasOwn(BUILTIN_MODULES, request) ? request : null;
}

/** The sorted names of the built-in modules (`module.builtinModules`). */
export function builtinModuleNames(): string[] {
  return BUILTIN_NAMES.slice();
}

/** The program name implementing a built-in module ("prelude" for the prelude's own). */
export function builtinModuleProgram(bare: string): string {
  return Object.hasOwn(BUILTIN_MODULES, bare) ? BUILTIN_MODULES[bare] : SCHEME_ONLY_MODULES[bare];
}

/** The core module a dependency's request stands for, if it is an alias of one. */
export function dependencyAlias(request: string): string | undefined {
  return Object.hasOwn(DEPENDENCY_ALIASES, request) ? DEPENDENCY_ALIASES[request] : undefined;
}

// ---- where the files are ---------------------------------------------------------

// Where the files are is settled when this module loads (a few stats), so that no
// host file is looked at for it while a guest runs.

/** vm/node/ beside the built files (dist/vm → ../../vm/node) or the sources. */
const NODE_DIR: string | null =
  [path.join(__dirname, "..", "node"), path.join(__dirname, "..", "..", "..", "vm", "node")].find(
    (d) => fs.existsSync(d),
  ) ?? null;

function nodeDir(): string {
  if (!NODE_DIR) throw new ModuleNotFound("jaunt: cannot find the built-in modules (vm/node)");
  return NODE_DIR;
}

/**
 * The real path of `p`, or `p` itself when it has none (a bootstrapped remote serves the
 * runtime's files from memory, under a path no real file can have).
 */
function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** vm/node as found, and its real path when a link leads there (resolution gives that). */
const NODE_DIRS: string[] = NODE_DIR ? [...new Set([NODE_DIR, realOr(NODE_DIR)])] : [];

function nodeDirs(): string[] {
  nodeDir();
  return NODE_DIRS;
}

/** The node_modules folders Jaunt's dependencies can be in, nearest first (hoisting). */
const DEPS_BASES: string[] = (() => {
  const bases: string[] = [];
  if (!NODE_DIR) return bases;
  let dir = path.dirname(NODE_DIR);
  for (;;) {
    if (path.basename(dir) !== "node_modules") {
      const nm = path.join(dir, "node_modules");
      if (fs.existsSync(nm)) bases.push(nm);
      // Resolution names a file by its real path: a linked node_modules is found there too.
      const real = fs.existsSync(nm) ? realOr(nm) : nm;
      if (real !== nm) bases.push(real);
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return bases;
})();

function depsBases(): string[] {
  return DEPS_BASES;
}

/** The host file of a runtime program name, or null if the name is not one. */
function hostFile(name: string): string | null {
  if (name.startsWith(DEPS_PREFIX)) {
    const rest = name.slice(DEPS_PREFIX.length);
    if (rest.split("/").includes("..")) return null;
    for (const base of depsBases()) {
      const f = path.join(base, rest);
      if (fs.existsSync(f)) return f;
    }
    return null;
  }
  if (!name.startsWith(NODE_PREFIX)) return null;
  const rest = name.slice(NODE_PREFIX.length);
  if (rest.split("/").includes("..")) return null;
  return path.join(nodeDir(), rest + ".js");
}

/** The program name of a runtime host file (the inverse of hostFile). */
function programName(file: string): string | null {
  for (const dir of nodeDirs()) {
    const rel = path.relative(dir, file);
    if (!rel.startsWith("..") && !path.isAbsolute(rel) && rel.endsWith(".js"))
      return NODE_PREFIX + rel.slice(0, -3).split(path.sep).join("/");
  }
  for (const base of depsBases()) {
    const r = path.relative(base, file);
    if (!r.startsWith("..") && !path.isAbsolute(r))
      return DEPS_PREFIX + r.split(path.sep).join("/");
  }
  return null;
}

/**
 * Resolves a require() made by a built-in module's file (after core names, which
 * win): `internal/x` is vm/node/internal/x.js; relative paths and packages follow
 * Node's rules from the file's place, within the runtime's own files.
 */
export function resolveBuiltinRequest(fromName: string, request: string): string {
  // The runtime's files do not change while it runs: a resolution found once is kept,
  // so a VM's first require of a built-in looks at no host file (the sandbox-escape
  // suite counts host file-system calls made while a guest without `fs` runs).
  const key = `${fromName}\0${request}`;
  const known = resolved.get(key);
  if (known) return known;
  const name = resolveUncached(fromName, request);
  resolved.set(key, name);
  return name;
}

const resolved = new Map<string, string>();

function resolveUncached(fromName: string, request: string): string {
  const from = hostFile(fromName);
  let found: string | null = null;
  if (from) {
    if (request.startsWith("internal/")) found = path.join(nodeDir(), request + ".js");
    else {
      try {
        found = resolveRequire(from, request);
      } catch {
        found = null;
      }
    }
  }
  const name = found && fs.existsSync(found) ? programName(found) : null;
  if (!name) throw new ModuleNotFound(`Cannot find module '${request}' from ${fromName}`);
  return name;
}

// ---- compiled programs -------------------------------------------------------------

const programs = new Map<string, Program>();
const runtimePrograms = new WeakSet<Program>();

/**
 * The compiled program of a runtime file (a CommonJS function), memoized for the
 * process and cached on disk. Throws ModuleNotFound for a name that is not one.
 */
export function builtinProgram(name: string): Program {
  const known = programs.get(name);
  if (known) return known;
  const file = hostFile(name);
  let source: string;
  try {
    if (!file) throw new Error("not a runtime file");
    source = fs.readFileSync(file, "utf8");
  } catch {
    throw new ModuleNotFound(`Cannot find built-in module file ${name}`);
  }
  let program: Program;
  try {
    program = cachedProgram(source, "commonjs", name, () =>
      compile(source, { kind: "commonjs", filename: name }),
    );
  } catch (e) {
    if (e instanceof GuestSyntaxError)
      throw new Error(`jaunt: built-in module file ${name} does not compile: ${e.message}`);
    throw e;
  }
  programs.set(name, program);
  runtimePrograms.add(program);
  return program;
}

/** Whether a program is a runtime file's (a snapshot names it instead of carrying its source). */
export function isBuiltinProgram(p: Program): boolean {
  return runtimePrograms.has(p);
}
