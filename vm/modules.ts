// Module resolution as Node does it: for `require` (CommonJS) relative and absolute
// paths with extension and directory index lookup, node_modules up the tree, and
// package.json `main` and `exports` (conditions "require", "node", "default"); for
// `import` exact file paths and the "import" condition. Pure host-side file
// inspection: it never runs guest code.

import * as fs from "node:fs";
import * as path from "node:path";
import { parse as acornParse } from "acorn";

/** A resolution failure; `code` is Node's error code for it. */
export class ModuleNotFound extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The refusal of a VM that may not read module files (see assertModuleFiles). */
export function moduleFilesRefused(request: string, code?: string): ModuleNotFound {
  return new ModuleNotFound(
    `Cannot find module '${request}': this VM may not read module files (the embedder did not grant moduleFiles)`,
    code,
  );
}

/**
 * Throws ModuleNotFound unless the VM may read module files. Every native that
 * resolves, stats or reads a module file asks first, so a VM without module files
 * never touches the host file system on the guest's behalf (no reads, no existence
 * probes, no file contents echoed in errors).
 */
export function assertModuleFiles(allowed: boolean, request: string, code?: string): void {
  if (!allowed) throw moduleFilesRefused(request, code);
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readPackage(dir: string): Record<string, unknown> | null {
  const file = path.join(dir, "package.json");
  if (!isFile(file)) return null;
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

const EXTENSIONS = [".js", ".json", ".cjs", ".mjs"];

function loadAsFile(p: string): string | null {
  if (isFile(p)) return p;
  for (const ext of EXTENSIONS) if (isFile(p + ext)) return p + ext;
  return null;
}

function loadIndex(dir: string): string | null {
  for (const ext of EXTENSIONS) {
    const f = path.join(dir, "index" + ext);
    if (isFile(f)) return f;
  }
  return null;
}

function loadAsDirectory(dir: string): string | null {
  const pkg = readPackage(dir);
  if (pkg && typeof pkg.main === "string") {
    const m = path.resolve(dir, pkg.main);
    const found = loadAsFile(m) ?? (isDir(m) ? loadIndex(m) : null);
    if (found) return found;
  }
  return loadIndex(dir);
}

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
  const entries = map as Record<string, unknown>;
  if (subpath in entries) return pickTarget(entries[subpath], conditions);
  // Subpath patterns: "./features/*": "./src/features/*.js"
  for (const [k, v] of Object.entries(entries)) {
    const star = k.indexOf("*");
    if (star < 0) continue;
    const pre = k.slice(0, star);
    const post = k.slice(star + 1);
    if (subpath.startsWith(pre) && subpath.endsWith(post) && subpath.length >= k.length - 1) {
      const mid = subpath.slice(pre.length, subpath.length - post.length);
      const t = pickTarget(v, conditions);
      return t ? t.split("*").join(mid) : null;
    }
  }
  return null;
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

function loadNodeModules(request: string, fromDir: string, conditions: string[]): string | null {
  const parts = request.split("/");
  const nameLen = request.startsWith("@") ? 2 : 1;
  const name = parts.slice(0, nameLen).join("/");
  const rest = parts.slice(nameLen).join("/");
  let dir = fromDir;
  for (;;) {
    if (path.basename(dir) !== "node_modules") {
      const pkgDir = path.join(dir, "node_modules", name);
      if (isDir(pkgDir)) {
        const pkg = readPackage(pkgDir);
        if (pkg && pkg.exports !== undefined) {
          const target = resolveExports(pkg.exports, rest ? "./" + rest : ".", conditions);
          if (target) {
            const f = path.resolve(pkgDir, target);
            if (isFile(f)) return f;
          }
          throw new ModuleNotFound(
            `Package subpath '${rest ? "./" + rest : "."}' is not defined by "exports" in ${path.join(pkgDir, "package.json")}`,
            "ERR_PACKAGE_PATH_NOT_EXPORTED",
          );
        }
        const full = path.join(pkgDir, rest);
        const found = loadAsFile(full) ?? (isDir(full) ? loadAsDirectory(full) : null);
        if (found) return found;
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** Resolves a require() request made from `fromFile` to an absolute file name. */
export function resolveRequire(fromFile: string, request: string): string {
  const fromDir = path.dirname(fromFile);
  let found: string | null;
  if (
    request.startsWith("./") ||
    request.startsWith("../") ||
    request.startsWith("/") ||
    request === "." ||
    request === ".."
  ) {
    const p = path.resolve(fromDir, request);
    found = loadAsFile(p) ?? (isDir(p) ? loadAsDirectory(p) : null);
  } else found = loadNodeModules(request, fromDir, ["require", "node"]);
  if (!found)
    throw new ModuleNotFound(`Cannot find module '${request}'\nRequire stack:\n- ${fromFile}`);
  return found;
}

const BUILTIN_PREFIX = "node:";

/** Resolves an `import` specifier made from `fromFile` (Node's ESM rules) to a file name. */
export function resolveImport(fromFile: string, request: string): string {
  const fromDir = path.dirname(fromFile);
  const where = `imported from ${fromFile}`;
  if (request.startsWith(BUILTIN_PREFIX)) return request;
  if (request.startsWith("file://")) request = new URL(request).pathname;
  if (
    request.startsWith("./") ||
    request.startsWith("../") ||
    request.startsWith("/") ||
    request === "." ||
    request === ".."
  ) {
    // ESM does not search extensions or directory indexes.
    const p = path.resolve(fromDir, request);
    if (isFile(p)) return p;
    if (isDir(p))
      throw new ModuleNotFound(
        `Directory import '${p}' is not supported resolving ES modules ${where}`,
        "ERR_UNSUPPORTED_DIR_IMPORT",
      );
    throw new ModuleNotFound(`Cannot find module '${p}' ${where}`, "ERR_MODULE_NOT_FOUND");
  }
  const found = loadNodeModules(request, fromDir, ["import", "node"]);
  if (!found) {
    const name = request
      .split("/")
      .slice(0, request.startsWith("@") ? 2 : 1)
      .join("/");
    throw new ModuleNotFound(`Cannot find package '${name}' ${where}`, "ERR_MODULE_NOT_FOUND");
  }
  return found;
}

/**
 * Whether a file is an ES module by Node's rules: .mjs; .js under "type": "module";
 * and, like Node 20.19+, a .js file with no "type" at all whose source only parses
 * as a module (it uses import/export, import.meta or top-level await).
 */
export function isESModule(file: string): boolean {
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

function hasModuleSyntax(file: string): boolean {
  let source: string;
  try {
    source = fs.readFileSync(file, "utf8");
  } catch {
    return false;
  }
  // Cheap test first: most CommonJS files never mention these words.
  if (!/\b(import|export|await)\b/.test(source)) return false;
  const opts = { ecmaVersion: "latest", allowHashBang: true } as const;
  try {
    acornParse(source, { ...opts, sourceType: "script", allowReturnOutsideFunction: true });
    return false;
  } catch {
    try {
      acornParse(source, { ...opts, sourceType: "module" });
      return true;
    } catch {
      return false;
    }
  }
}
