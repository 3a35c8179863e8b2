// Module resolution as Node does it: for `require` (CommonJS) relative and absolute
// paths with extension and directory index lookup, node_modules up the tree, and
// package.json `main` and `exports` (conditions "require", "node", "default"); for
// `import` exact file paths and the "import" condition. Pure host-side file
// inspection: it never runs guest code.

import * as fs from "node:fs";
import * as path from "node:path";
import { acorn } from "../../compiler/acorn";
import { compile, GuestSyntaxError } from "../../compiler";
import type { Host, ModuleLoader } from "../host";

/** A resolution failure; `code` is Node's error code for it. */
export class ModuleNotFound extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** What resolution looks at: the host's files, or an embedder's files over them. */
export interface FileView {
  isFile(p: string): boolean;
  isDir(p: string): boolean;
  /** The file's text; throws when it cannot be read. */
  readText(p: string): string;
  /**
   * The file's real path (symbolic links resolved), as Node names a resolved module: a
   * package linked into node_modules (pnpm, npm link) loads its own dependencies from
   * where it really is, and two links to one file are one module. Absent: paths as given.
   */
  realpath?(p: string): string;
}

/** The host's file system. */
export const hostFiles: FileView = {
  isFile(p) {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  },
  isDir(p) {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  },
  readText: (p) => fs.readFileSync(p, "utf8"),
  realpath(p) {
    try {
      return fs.realpathSync.native(p);
    } catch {
      return p;
    }
  },
};

const EXTENSIONS = [".js", ".json", ".cjs", ".mjs"];
const BUILTIN_PREFIX = "node:";

/** Picks a target from a package.json "exports" value for the given subpath. */
function resolveExports(
  exportsField: unknown,
  subpath: string,
  conditions: string[],
): string | null {
  let map = exportsField;
  if (
    typeof map === "string" ||
    Array.isArray(map) ||
    (map && typeof map === "object" && !Object.keys(map).some((k) => k.startsWith(".")))
  ) {
    if (subpath !== ".") return null;
    return pickTarget(map, conditions);
  }
  return resolveInMap(map as Record<string, unknown>, subpath, conditions);
}

/**
 * Looks a key up in an "exports" or "imports" map: the exact key, else the pattern
 * ("./features/*", "#internal/*") that matches with the longest part before its `*`
 * (then the longer key), as Node orders them, with the `*` part put into the target.
 */
function resolveInMap(
  entries: Record<string, unknown>,
  key: string,
  conditions: string[],
): string | null {
  if (Object.prototype.hasOwnProperty.call(entries, key) && !key.includes("*"))
    return pickTarget(entries[key], conditions);
  let best: string | null = null;
  let bestMid = "";
  for (const k of Object.keys(entries)) {
    const star = k.indexOf("*");
    if (star < 0 || k.indexOf("*", star + 1) >= 0) continue;
    const pre = k.slice(0, star);
    const post = k.slice(star + 1);
    if (!key.startsWith(pre) || key === pre || key.length < k.length) continue;
    if (post && !key.endsWith(post)) continue;
    if (
      best === null ||
      pre.length > best.indexOf("*") ||
      (pre.length === best.indexOf("*") && k.length > best.length)
    ) {
      best = k;
      bestMid = key.slice(pre.length, key.length - post.length);
    }
  }
  if (best === null) return null;
  const t = pickTarget(entries[best], conditions);
  return t ? t.split("*").join(bestMid) : null;
}

function pickTarget(t: unknown, conditions: string[]): string | null {
  if (typeof t === "string") return t;
  if (Array.isArray(t)) {
    for (const x of t) {
      const r = pickTarget(x, conditions);
      if (r) return r;
    }
    return null;
  }
  if (t && typeof t === "object") {
    for (const [k, v] of Object.entries(t as Record<string, unknown>)) {
      if (k === "default" || conditions.includes(k)) {
        const r = pickTarget(v, conditions);
        if (r) return r;
      }
    }
  }
  return null;
}

/**
 * Whether source Node would load as CommonJS fails as such and parses as an ES module
 * (Node's syntax detection). As Node does, it is tried as CommonJS first by compiling
 * it: the compiled program is kept (compiler/cache.ts), so the require or import that
 * follows does not compile it again, and a CommonJS file costs no extra parse (a
 * separate detection parse was a third of `require("typescript")`).
 */
function hasModuleSyntaxSource(source: string, filename: string): boolean {
  // Cheap test first: most CommonJS files never mention these words.
  if (!/\b(import|export|await)\b/.test(source)) return false;
  try {
    compile(source, { kind: "commonjs", filename });
    return false;
  } catch (e) {
    if (!(e instanceof GuestSyntaxError)) throw e;
  }
  try {
    acorn().parse(source, { ecmaVersion: "latest", allowHashBang: true, sourceType: "module" });
    return true;
  } catch {
    return false;
  }
}

/** Node's rules for finding and telling apart modules, over some files. */
export interface NodeResolution {
  /** Resolves a require() request made from `fromFile` to an absolute file name. */
  resolveRequire(fromFile: string, request: string): string;
  /** Resolves an `import` specifier made from `fromFile` (Node's ESM rules) to a file name. */
  resolveImport(fromFile: string, request: string): string;
  /** Whether a file is an ES module by Node's rules (see below). */
  isESModule(file: string): boolean;
  /** Whether a file's source parses only as an ES module (node's syntax detection). */
  hasModuleSyntax(file: string): boolean;
}

/**
 * Node's resolution over `files` (the host's, or a view with an embedder's files over
 * them: transport's forwarded modules resolve by the same rules as files on disk).
 */
export function nodeResolution(files: FileView): NodeResolution {
  const real = (p: string): string => (files.realpath ? files.realpath(p) : p);
  function readPackage(dir: string): Record<string, unknown> | null {
    const file = path.join(dir, "package.json");
    if (!files.isFile(file)) return null;
    try {
      return JSON.parse(files.readText(file)) as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  function loadAsFile(p: string): string | null {
    if (files.isFile(p)) return p;
    for (const ext of EXTENSIONS) if (files.isFile(p + ext)) return p + ext;
    return null;
  }

  function loadIndex(dir: string): string | null {
    for (const ext of EXTENSIONS) {
      const f = path.join(dir, "index" + ext);
      if (files.isFile(f)) return f;
    }
    return null;
  }

  function loadAsDirectory(dir: string): string | null {
    const pkg = readPackage(dir);
    if (pkg && typeof pkg.main === "string") {
      const m = path.resolve(dir, pkg.main);
      const found = loadAsFile(m) ?? (files.isDir(m) ? loadIndex(m) : null);
      if (found) return found;
    }
    return loadIndex(dir);
  }

  function loadNodeModules(request: string, fromDir: string, conditions: string[]): string | null {
    const parts = request.split("/");
    const nameLen = request.startsWith("@") ? 2 : 1;
    const name = parts.slice(0, nameLen).join("/");
    const rest = parts.slice(nameLen).join("/");
    let dir = fromDir;
    for (;;) {
      if (path.basename(dir) !== "node_modules") {
        const pkgDir = path.join(dir, "node_modules", name);
        if (files.isDir(pkgDir)) {
          const pkg = readPackage(pkgDir);
          if (pkg && pkg.exports !== undefined) {
            const target = resolveExports(pkg.exports, rest ? "./" + rest : ".", conditions);
            if (target) {
              const f = path.resolve(pkgDir, target);
              if (files.isFile(f)) return f;
            }
            throw new ModuleNotFound(
              `Package subpath '${rest ? "./" + rest : "."}' is not defined by "exports" in ${path.join(pkgDir, "package.json")}`,
              "ERR_PACKAGE_PATH_NOT_EXPORTED",
            );
          }
          const full = path.join(pkgDir, rest);
          const found = loadAsFile(full) ?? (files.isDir(full) ? loadAsDirectory(full) : null);
          if (found) return found;
        }
      }
      const up = path.dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
  }

  /** The nearest directory at or above `dir` with a package.json, and that package. */
  function packageScope(dir: string): { dir: string; pkg: Record<string, unknown> } | null {
    for (;;) {
      if (path.basename(dir) === "node_modules") return null;
      const pkg = readPackage(dir);
      if (pkg) return { dir, pkg };
      const up = path.dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
  }

  /**
   * A `#name` request: the "imports" map of the package the requesting file is in.
   * A target starting with "./" is a file of that package; any other is a package
   * request made from the package's directory.
   */
  function resolvePackageImport(fromFile: string, request: string, conditions: string[]): string {
    if (request === "#" || request.startsWith("#/"))
      throw new ModuleNotFound(
        `Invalid module "${request}" is not a valid internal imports specifier name imported from ${fromFile}`,
        "ERR_INVALID_MODULE_SPECIFIER",
      );
    const scope = packageScope(path.dirname(fromFile));
    const where = scope ? ` in package ${path.join(scope.dir, "package.json")}` : "";
    const imports = scope?.pkg.imports;
    const target =
      imports && typeof imports === "object"
        ? resolveInMap(imports as Record<string, unknown>, request, conditions)
        : null;
    if (target === null)
      throw new ModuleNotFound(
        `Package import specifier "${request}" is not defined${where} imported from ${fromFile}`,
        "ERR_PACKAGE_IMPORT_NOT_DEFINED",
      );
    if (target.startsWith("./")) {
      const f = path.resolve(scope!.dir, target);
      if (files.isFile(f)) return f;
      throw new ModuleNotFound(
        `Cannot find module '${f}' imported from ${fromFile}`,
        "ERR_MODULE_NOT_FOUND",
      );
    }
    const found = loadNodeModules(target, scope!.dir, conditions);
    if (found) return found;
    throw new ModuleNotFound(
      `Cannot find package '${target}' imported from ${fromFile}`,
      "ERR_MODULE_NOT_FOUND",
    );
  }

  /**
   * A package naming itself (`require("pkg/sub")` inside pkg): resolved through its own
   * "exports", as Node does when the package has them; null when it does not apply.
   */
  function resolveSelf(fromFile: string, request: string, conditions: string[]): string | null {
    const scope = packageScope(path.dirname(fromFile));
    const name = scope?.pkg.name;
    if (!scope || typeof name !== "string" || scope.pkg.exports === undefined) return null;
    if (request !== name && !request.startsWith(name + "/")) return null;
    const subpath = request === name ? "." : "." + request.slice(name.length);
    const target = resolveExports(scope.pkg.exports, subpath, conditions);
    if (target) {
      const f = path.resolve(scope.dir, target);
      if (files.isFile(f)) return f;
    }
    throw new ModuleNotFound(
      `Package subpath '${subpath}' is not defined by "exports" in ${path.join(scope.dir, "package.json")}`,
      "ERR_PACKAGE_PATH_NOT_EXPORTED",
    );
  }

  /** A bare or `#` request: the package's imports, itself, or node_modules. */
  function resolvePackageRequest(fromFile: string, request: string, conditions: string[]) {
    if (request.startsWith("#")) return resolvePackageImport(fromFile, request, conditions);
    return (
      resolveSelf(fromFile, request, conditions) ??
      loadNodeModules(request, path.dirname(fromFile), conditions)
    );
  }

  /** Resolves a require() request made from `fromFile` to an absolute file name. */
  function resolveRequire(fromFile: string, request: string): string {
    const fromDir = path.dirname(fromFile);
    let found: string | null;
    if (isPathRequest(request)) {
      const p = path.resolve(fromDir, request);
      found = loadAsFile(p) ?? (files.isDir(p) ? loadAsDirectory(p) : null);
    } else found = resolvePackageRequest(fromFile, request, ["require", "node"]);
    if (!found)
      throw new ModuleNotFound(`Cannot find module '${request}'\nRequire stack:\n- ${fromFile}`);
    return real(found);
  }

  /** Resolves an `import` specifier made from `fromFile` (Node's ESM rules) to a file name. */
  function resolveImport(fromFile: string, request: string): string {
    const fromDir = path.dirname(fromFile);
    const where = `imported from ${fromFile}`;
    if (request.startsWith(BUILTIN_PREFIX)) return request;
    if (request.startsWith("file://")) request = new URL(request).pathname;
    if (isPathRequest(request)) {
      // ESM does not search extensions or directory indexes.
      const p = path.resolve(fromDir, request);
      if (files.isFile(p)) return real(p);
      if (files.isDir(p))
        throw new ModuleNotFound(
          `Directory import '${p}' is not supported resolving ES modules ${where}`,
          "ERR_UNSUPPORTED_DIR_IMPORT",
        );
      throw new ModuleNotFound(`Cannot find module '${p}' ${where}`, "ERR_MODULE_NOT_FOUND");
    }
    const found = resolvePackageRequest(fromFile, request, ["import", "node"]);
    if (!found) {
      const name = request
        .split("/")
        .slice(0, request.startsWith("@") ? 2 : 1)
        .join("/");
      throw new ModuleNotFound(`Cannot find package '${name}' ${where}`, "ERR_MODULE_NOT_FOUND");
    }
    return real(found);
  }

  /**
   * Whether a file is an ES module by Node's rules: .mjs; .js under "type": "module";
   * and, like Node 20.19+, a .js file with no "type" at all whose source only parses
   * as a module (it uses import/export, import.meta or top-level await).
   */
  function isESModule(file: string): boolean {
    if (file.endsWith(".mjs")) return true;
    if (!file.endsWith(".js")) return false;
    let dir = path.dirname(file);
    for (;;) {
      const pkg = readPackage(dir);
      if (pkg) {
        if (pkg.type === "module") return true;
        if (pkg.type === "commonjs") return false;
        break;
      }
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return hasModuleSyntax(file);
  }

  /** Whether a file's source parses only as an ES module (node's syntax detection). */
  function hasModuleSyntax(file: string): boolean {
    let source: string;
    try {
      source = files.readText(file);
    } catch {
      return false;
    }
    return hasModuleSyntaxSource(source, file);
  }

  return { resolveRequire, resolveImport, isESModule, hasModuleSyntax };
}

export const { resolveRequire, resolveImport, isESModule, hasModuleSyntax } =
  nodeResolution(hostFiles);

// ---- access: the file system, or the embedder's loader ------------------------------

/**
 * How the VM finds and reads modules. With the `fs` capability: Node's resolution over
 * host files, after the embedder's loader if there is one. Without it: only what the
 * loader serves (nothing at all without a loader); no host file is ever looked at, so
 * no error can reveal one.
 */
export interface ModuleAccess {
  resolveRequire(fromFile: string, request: string): string;
  resolveImport(fromFile: string, request: string): string;
  /** The module's source; throws ModuleNotFound when it cannot be read. */
  read(file: string): string;
  isESModule(file: string): boolean;
}

const fileAccess: ModuleAccess = {
  resolveRequire,
  resolveImport,
  read: (file) => {
    try {
      return fs.readFileSync(file, "utf8");
    } catch (e) {
      throw new ModuleNotFound(`Cannot read ${file}: ${(e as Error).message}`);
    }
  },
  isESModule,
};

/**
 * Modules from the embedder's loader. Alone (no `fs`), it is all there is. Over the
 * file system (`below`: with `fs`), it goes first: a module its `resolve` does not name
 * (null), or whose `read` gives null, is resolved or read on disk as usual — how the
 * transport serves a moved program's own files to that program alone.
 */
function loaderAccess(loader: ModuleLoader | undefined, below?: ModuleAccess): ModuleAccess {
  const cache = new Map<string, { source: string; format?: string }>();
  /** The loader's module, or null when it has none and there is a file system below. */
  const entry = (id: string) => {
    let e = cache.get(id);
    if (e) return e;
    if (!loader) throw new ModuleNotFound(`Cannot find module '${id}'`);
    let got: ReturnType<ModuleLoader["read"]>;
    try {
      got = loader.read(id);
    } catch (err) {
      throw new ModuleNotFound(
        `Cannot read module '${id}': ${(err as Error)?.message ?? String(err)}`,
      );
    }
    if (typeof got === "string") e = { source: got };
    else if (got && typeof got === "object" && typeof got.source === "string")
      e = { source: got.source, format: got.format };
    else if (below && (got === null || got === undefined)) return null;
    else throw new ModuleNotFound(`The loader returned no source for module '${id}'`);
    cache.set(id, e);
    return e;
  };
  const resolve = (request: string, from: string, kind: "require" | "import"): string | null => {
    const id = loader ? loader.resolve(request, from, kind) : null;
    return typeof id === "string" ? id : null;
  };
  return {
    resolveRequire(from, request) {
      const id = resolve(request, from, "require");
      if (id !== null) return id;
      if (below) return below.resolveRequire(from, request);
      throw new ModuleNotFound(`Cannot find module '${request}'\nRequire stack:\n- ${from}`);
    },
    resolveImport(from, request) {
      if (request.startsWith(BUILTIN_PREFIX)) return request;
      const id = resolve(request, from, "import");
      if (id !== null) return id;
      if (below) return below.resolveImport(from, request);
      throw new ModuleNotFound(
        `Cannot find module '${request}' imported from ${from}`,
        "ERR_MODULE_NOT_FOUND",
      );
    },
    read(id) {
      const e = entry(id);
      return e ? e.source : below!.read(id);
    },
    isESModule(id) {
      const e = entry(id);
      if (!e) return below!.isESModule(id);
      if (id.endsWith(".mjs")) return true;
      if (id.endsWith(".cjs") || id.endsWith(".json")) return false;
      if (e.format) return e.format === "module";
      return hasModuleSyntaxSource(e.source, id);
    },
  };
}

const accessByHost = new WeakMap<Host, ModuleAccess>();

/**
 * The module access the host's capabilities allow (one per host, loader reads cached):
 * files, the loader over files, or the loader alone.
 */
export function moduleAccess(host: Host): ModuleAccess {
  const fs = !host.capabilities || host.capabilities.fs;
  if (fs && !host.loader) return fileAccess;
  let a = accessByHost.get(host);
  if (!a) accessByHost.set(host, (a = loaderAccess(host.loader, fs ? fileAccess : undefined)));
  return a;
}

/** A request naming a path ("./x", "../x", "/x", ".", ".."), not a package. */
function isPathRequest(request: string): boolean {
  return (
    request.startsWith("./") ||
    request.startsWith("../") ||
    request.startsWith("/") ||
    request === "." ||
    request === ".."
  );
}
