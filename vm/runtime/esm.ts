// ES module records on the host side: the objects the self-hosted loader
// (prelude/65-esm.js) links modules with, and the natives it calls.
//
// A module's top level is compiled as a generator whose prologue creates the module
// environment (every top-level binding is a slot in it, hoisted functions included)
// and then suspends. The loader instantiates each module that way, links every
// import slot to the exporter's slot (an ImportBinding), then resumes the generators
// in evaluation order. Import slots are read by GET_IMPORT, which follows the link:
// bindings are live, and reading one before its module initialised it is a TDZ error.
// Everything here is plain data (environments, slots, names), so a snapshot taken
// while modules load, link or run restores exactly.

import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse as parseCjsExports } from "cjs-module-lexer";
import { compile, GuestSyntaxError, type Program } from "../../compiler";
import { Env } from "../model/env";
import { ArrayObject, GeneratorObject, JSObject, Prop } from "../model/object";
import { EMPTY, type Value } from "../model/value";
import { registerObjectKind } from "../model/object-kinds";
import { ImportBinding, ModuleEnvObject, ModuleNamespaceObject } from "../model/module-objects";

export { ImportBinding, ModuleEnvObject, ModuleNamespaceObject };
import { ModuleNotFound, moduleAccess, type ModuleAccess } from "./modules";
import {
  builtinModuleNames,
  builtinModuleProgram,
  builtinName,
  builtinProgram,
  dependencyAlias,
  resolveBuiltinRequest,
} from "./node-modules";
import { arg, internalDefiner } from "../builtins/util";
import type { NativeImpl } from "../model/object";
import type { Realm } from "./realm";
import type { Agent } from "../agent";

/** How stack traces name a program's file: ES modules by their file URL, as Node does. */
export function displayName(p: Program): string {
  return p.kind === "module" ? pathToFileURL(p.filename).href : p.filename;
}

function isEnv(v: unknown): v is Env {
  return v instanceof Env;
}

registerObjectKind({
  kind: 150,
  cls: ImportBinding,
  encode: (o, enc) => [enc.value(o.env as unknown as Value), o.slot],
  allocate: () => new ImportBinding(new Env([], null, null, -1), 0),
  decode(o, [env, slot], dec, where) {
    const e = dec.value(env, where) as unknown;
    if (!isEnv(e) || typeof slot !== "number" || !Number.isInteger(slot) || slot < 0)
      return dec.fail(`${where}: bad import binding`);
    o.env = e;
    o.slot = slot;
  },
});

registerObjectKind({
  kind: 151,
  cls: ModuleEnvObject,
  encode: (o, enc) => [enc.value(o.env as unknown as Value)],
  allocate: () => new ModuleEnvObject(new Env([], null, null, -1)),
  decode(o, [env], dec, where) {
    const e = dec.value(env, where) as unknown;
    if (!isEnv(e)) return dec.fail(`${where}: bad module environment`);
    o.env = e;
  },
});

registerObjectKind({
  kind: 152,
  cls: ModuleNamespaceObject,
  encode: (o, enc) => [
    o.names.slice(),
    o.targets.map((t) => enc.value(t)),
    enc.value(o.referenceError),
  ],
  allocate: () => new ModuleNamespaceObject(null),
  decode(o, [names, targets, referenceError], dec, where) {
    const re = dec.value(referenceError, where);
    if (re !== null && !(re instanceof JSObject)) return dec.fail(`${where}: bad namespace`);
    o.referenceError = re;
    if (!Array.isArray(names) || !names.every((n) => typeof n === "string"))
      return dec.fail(`${where}: bad namespace names`);
    if (!Array.isArray(targets) || targets.length !== names.length)
      return dec.fail(`${where}: bad namespace targets`);
    o.names = names as string[];
    o.targets = (targets as unknown[]).map((t) => {
      const v = dec.value(t, where);
      if (v instanceof ImportBinding || v instanceof ModuleNamespaceObject) return v;
      return dec.fail(`${where}: bad namespace target`);
    });
  },
});

/** The export names Node's CommonJS lexer finds in a file, following re-exports. */
function cjsExportNames(
  access: ModuleAccess,
  filename: string,
  seen = new Set<string>(),
): string[] {
  if (seen.has(filename)) return [];
  seen.add(filename);
  let source: string;
  try {
    source = access.read(filename);
  } catch {
    return [];
  }
  if (filename.endsWith(".json")) return [];
  let found: { exports: string[]; reexports: string[] };
  try {
    found = parseCjsExports(source);
  } catch {
    return [];
  }
  const names = new Set(found.exports);
  for (const r of found.reexports) {
    try {
      for (const n of cjsExportNames(access, access.resolveRequire(filename, r), seen))
        names.add(n);
    } catch {
      // An unresolvable re-export contributes nothing, as in Node.
    }
  }
  names.delete("default");
  return [...names];
}

function envOf(vm: Agent, v: Value): Env {
  if (!(v instanceof ModuleEnvObject)) vm.throwTypeError("internal: not a module environment");
  return (v as ModuleEnvObject).env;
}

/** A slot index the environment has (a write past its end would grow it). */
function slotIn(vm: Agent, env: Env, i: Value): number {
  if (typeof i !== "number" || !(i < env.slots.length))
    vm.throwTypeError("internal: not a slot of the module environment");
  return i as number;
}

function guestArray(realm: Realm, values: Value[]): ArrayObject {
  return new ArrayObject(realm.ArrayPrototype, values);
}

export function installModuleInternals(realm: Realm): void {
  const $ = realm.internals;
  const def = internalDefiner(realm);
  const notFound = (vm: Agent, e: unknown): never => {
    if (e instanceof ModuleNotFound) {
      const err = vm.makeError("Error", e.message);
      err.setOwn("code", e.code ?? "ERR_MODULE_NOT_FOUND");
      return vm.throwValue(err);
    }
    throw e;
  };

  // "esm", "commonjs", "json" or "builtin" (the jaunt module) for a resolved file.
  def("moduleFormat", 1, "-", (vm, _t, args) => {
    const f = String(args[0]);
    if (f === "jaunt" || f === "jaunt:host" || f.startsWith("node:")) return "builtin";
    if (f.endsWith(".json")) return "json";
    try {
      return moduleAccess(vm.host).isESModule(f) ? "esm" : "commonjs";
    } catch (e) {
      return notFound(vm, e);
    }
  });
  def("resolveImport", 2, "-", (vm, _t, args) => {
    const request = String(args[1]);
    if (request === "jaunt" || request === "jaunt:host") return request;
    const bare = builtinName(request);
    if (bare !== null) return "node:" + bare;
    try {
      return moduleAccess(vm.host).resolveImport(String(args[0]), request);
    } catch (e) {
      return notFound(vm, e);
    }
  });
  // Compiles an ES module file; returns its (not yet called) top-level generator function.
  def("compileESModule", 1, "-", (vm, _t, args) => {
    const filename = String(args[0]);
    let source: string;
    try {
      source = moduleAccess(vm.host).read(filename);
    } catch (e) {
      return notFound(vm, e);
    }
    let program;
    try {
      program = vm.registerProgram(compile(source, { kind: "module", filename }));
    } catch (e) {
      if (e instanceof GuestSyntaxError)
        return vm.throwError(e.errorName, `${e.message} (${filename}:${e.line}:${e.column + 1})`);
      throw e;
    }
    return vm.makeClosure(program, program.functions[0], null);
  });
  // The static shape of a compiled module, as arrays the loader can walk.
  def("moduleInfo", 1, "-", (vm, _t, args) => {
    const fn = arg(args, 0);
    const info =
      fn instanceof JSObject && "program" in fn
        ? (fn as { program: { module?: import("../../compiler").ModuleInfo } }).program.module
        : undefined;
    if (!info) return vm.throwTypeError("internal: not a module function");
    const o = new JSObject(null);
    o.setOwn("requests", guestArray(vm.realm, info.requests.slice()));
    o.setOwn(
      "imports",
      guestArray(
        vm.realm,
        info.imports.map((i) => guestArray(vm.realm, [i.slot, i.request, i.name])),
      ),
    );
    o.setOwn(
      "localExports",
      guestArray(
        vm.realm,
        info.localExports.map((x) => guestArray(vm.realm, [x.name, x.slot])),
      ),
    );
    o.setOwn(
      "indirectExports",
      guestArray(
        vm.realm,
        info.indirectExports.map((x) => guestArray(vm.realm, [x.alias, x.request, x.name])),
      ),
    );
    o.setOwn("starExports", guestArray(vm.realm, info.starExports.slice()));
    o.setOwn("metaSlot", info.metaSlot);
    o.setOwn("async", info.hasTopLevelAwait);
    return o;
  });
  // The environment of an instantiated (suspended) module generator.
  def("moduleEnv", 1, "-", (vm, _t, args) => {
    const g = arg(args, 0);
    if (!(g instanceof GeneratorObject) || !g.frame || !g.frame.env)
      return vm.throwTypeError("internal: not an instantiated module");
    return new ModuleEnvObject(g.frame.env);
  });
  // A fresh environment of `n` slots (in TDZ) for a CommonJS, JSON or built-in module.
  def("syntheticEnv", 1, ["r", 2 ** 20], (_vm, _t, args) => {
    const n = Number(args[0]);
    return new ModuleEnvObject(
      new Env(new Array<Value>(n).fill(EMPTY as unknown as Value), null, null, -1),
    );
  });
  def("linkImport", 4, "-i-i", (vm, _t, args) => {
    const env = envOf(vm, arg(args, 0));
    env.slots[slotIn(vm, env, args[1])] = new ImportBinding(
      envOf(vm, arg(args, 2)),
      Number(args[3]),
    );
    return undefined;
  });
  def("setModuleSlot", 3, "-i", (vm, _t, args) => {
    const env = envOf(vm, arg(args, 0));
    env.slots[slotIn(vm, env, args[1])] = arg(args, 2);
    return undefined;
  });
  def("getModuleSlot", 2, "-i", (vm, _t, args) => {
    const v = envOf(vm, arg(args, 0)).slots[Number(args[1])];
    return v === (EMPTY as unknown) ? undefined : v;
  });
  // An empty namespace object, filled by setNamespaceExports once every namespace
  // it refers to exists (`export * as ns` may refer back to the module itself).
  def("makeNamespace", 0, "", (vm) => {
    const ns = new ModuleNamespaceObject(vm.realm.errorPrototypes.get("ReferenceError") ?? null);
    ns.props.set(vm.realm.wellKnown.toStringTag, new Prop("Module", 0));
    return ns;
  });
  // Names sorted by code unit; targets are [envObject, slot] or a namespace.
  def("setNamespaceExports", 3, "-aa", (vm, _t, args) => {
    const ns = arg(args, 0);
    if (!(ns instanceof ModuleNamespaceObject))
      return vm.throwTypeError("internal: not a namespace");
    const names = (arg(args, 1) as ArrayObject).elems as string[];
    const targets = (arg(args, 2) as ArrayObject).elems as Value[];
    // Names are keys; a target is a namespace or a dense [envObject, slot] pair.
    const fits = (t: Value) =>
      t instanceof ModuleNamespaceObject ||
      (t instanceof ArrayObject && t.elems !== null && typeof t.elems[1] === "number");
    if (
      targets.length < names.length ||
      !names.every((n, i) => typeof n === "string" && fits(targets[i]))
    )
      return vm.throwTypeError("internal: bad argument 2 to $.setNamespaceExports");
    const order = names
      .map((_, i) => i)
      .sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
    ns.names = order.map((i) => names[i]);
    ns.targets = order.map((i) => {
      const t = targets[i];
      if (t instanceof ModuleNamespaceObject) return t;
      const pair = (t as ArrayObject).elems!;
      return new ImportBinding(envOf(vm, pair[0]), pair[1] as number);
    });
    ns.dirty = true;
    return ns;
  });
  // Node's built-in modules (vm/runtime/node-modules.ts): the program implementing one
  // ("prelude" for the prelude's own; undefined if there is no such module), the
  // names, a runtime file's compiled function, and requests made by those files.
  // Their string arguments are converted with String(): any value is safe.
  def("builtinModuleProgram", 1, "-", (_vm, _t, args) => {
    const bare = builtinName(String(args[0]));
    return bare === null ? undefined : builtinModuleProgram(bare);
  });
  def("builtinModuleNames", 0, "", (vm) => guestArray(vm.realm, builtinModuleNames()));
  def("builtinAlias", 1, "-", (_vm, _t, args) => dependencyAlias(String(args[0])));
  def("compileBuiltin", 1, "-", (vm, _t, args) => {
    try {
      const program = vm.registerProgram(builtinProgram(String(args[0])));
      return vm.makeClosure(program, program.functions[0], null);
    } catch (e) {
      return notFound(vm, e);
    }
  });
  def("resolveBuiltin", 2, "-", (vm, _t, args) => {
    try {
      return resolveBuiltinRequest(String(args[0]), String(args[1]));
    } catch (e) {
      return notFound(vm, e);
    }
  });
  def("cjsExportNames", 1, "-", (vm, _t, args) =>
    guestArray(vm.realm, cjsExportNames(moduleAccess(vm.host), String(args[0]))),
  );
  def("fileURLToPath", 1, "-", (vm, _t, args) => {
    try {
      return fileURLToPath(String(args[0]));
    } catch (e) {
      return vm.throwTypeError((e as Error).message);
    }
  });
  def("fileURL", 1, "-", (_vm, _t, args) => pathToFileURL(String(args[0])).href);
  def("isNamespace", 1, "-", (_vm, _t, args) => arg(args, 0) instanceof ModuleNamespaceObject);
  def("pathDirname", 1, "-", (_vm, _t, args) => path.dirname(String(args[0])));
}
