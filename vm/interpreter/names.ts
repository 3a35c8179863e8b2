// Names resolved at run time: the environment records of `with` statements and of
// code that calls eval directly are searched by name (ECMA-262 9.1 ResolveBinding).
// Compiled code reaches them through RESOLVE (which yields a reference's base: an
// environment record, a `with` object, or undefined for the global scope) and the
// GET_REF/SET_REF/DEL_REF opcodes. Everything here is plain lookups: when a `with`
// object needs guest code to answer (a getter on Symbol.unscopables, a Proxy), the
// interpreter calls the self-hosted `resolveSlow` helper instead.

import { EvalFlags, FnFlags, type FunctionCode } from "../../compiler/bytecode";
import { Env } from "../model/env";
import { JSObject, PF, FunctionObject, ProxyObject } from "../model/object";
import { EMPTY, type PropertyKey, type Value } from "../model/value";
import { toBoolean } from "../model/operations";
import type { Realm } from "../runtime/realm";
import { Prop } from "../model/object";
import { defineInternal } from "../builtins/util";
import { compileEval } from "../builtins/function";
import type { VM } from "./interpreter";
import type { Agent } from "../agent";

/** Slot kinds of ScopeDesc.kinds (see compiler/bytecode.ts). */
const KIND_CONST = 2;
const isLexicalKind = (k: number): boolean => k === 1 || k === 2 || k === 3;

/** The slot holding `name` in a declarative environment record, or -1. */
export function slotIndex(env: Env, name: string): number {
  if (env.code) {
    const i = env.code.scopes[env.scope].names.indexOf(name);
    if (i >= 0) return i;
  }
  if (env.extra) {
    const j = env.extra.indexOf(name);
    if (j >= 0) return (env.code ? env.code.scopes[env.scope].names.length : 0) + j;
  }
  return -1;
}

/** The declared kind of a slot (0 for slots eval added). */
function slotKind(env: Env, i: number): number {
  const kinds = env.code ? env.code.scopes[env.scope].kinds : [];
  return i < kinds.length ? kinds[i] : 0;
}

/** What `env` is to a sloppy eval's var declarations (see varScopeRole). */
const enum VarRole {
  None,
  /** A function's variable environment: vars are made there. */
  Var,
  /**
   * The parameters' environment of a function with parameter expressions, reached
   * by an eval in a parameter default: its vars are made beside the parameters, and
   * a name a parameter (or `arguments`) already binds is a SyntaxError
   * (EvalDeclarationInstantiation step 3.d, the parameters' record being between
   * the eval and its variable environment).
   */
  Params,
}

function varScopeRole(env: Env): VarRole {
  const code = env.code;
  if (!code) return VarRole.None;
  if (code.varScope !== undefined) {
    if (env.scope === code.varScope) return VarRole.Var;
    return env.scope === code.funcScope ? VarRole.Params : VarRole.None;
  }
  if (env.scope !== code.funcScope) return VarRole.None;
  // Sloppy eval code's own top-level scope holds only its lexical declarations.
  return !(code.flags & FnFlags.EvalCode) || (code.flags & FnFlags.Strict) !== 0
    ? VarRole.Var
    : VarRole.None;
}

/** Has `name` as a binding in a `with` object: true/false, or undefined if guest code must decide. */
function withHasFast(realm: Realm, obj: JSObject, name: string): boolean | undefined {
  // A proxy on the chain answers HasProperty and Get through its traps.
  const has = hasPlain(obj, name);
  if (has !== true) return has;
  const u = findProp(obj, realm.wellKnown.unscopables);
  if (u === null) return undefined;
  if (u === undefined) return true;
  if (u.flags & PF.Accessor) return u.getter ? undefined : true;
  const list = u.value;
  if (!(list instanceof JSObject)) return true;
  const blocked = findProp(list, name);
  if (blocked === null) return undefined;
  if (blocked === undefined) return true;
  if (blocked.flags & PF.Accessor) return blocked.getter ? undefined : true;
  return !toBoolean(blocked.value);
}

/** HasProperty without guest code; undefined when a proxy must be asked. */
function hasPlain(obj: JSObject, key: PropertyKey): boolean | undefined {
  for (let o: JSObject | null = obj; o !== null; o = o.proto) {
    if (o instanceof ProxyObject) return undefined;
    if (o.hasOwn(key)) return true;
  }
  return false;
}

/** The property `key` along obj's chain; null when a proxy must be asked. */
function findProp(obj: JSObject, key: PropertyKey) {
  for (let o: JSObject | null = obj; o !== null; o = o.proto) {
    if (o instanceof ProxyObject) return null;
    const p = o.getOwnProperty(key);
    if (p !== undefined) return p;
  }
  return undefined;
}

/** A `with` object environment whose answer needs guest code. */
export class SlowResolve {
  constructor(readonly env: Env) {}
}

/** ResolveBinding from `env` outwards: the reference's base, or where guest code must help. */
export function resolveName(
  realm: Realm,
  env: Env | null,
  name: string,
): Env | JSObject | undefined | SlowResolve {
  for (let e = env; e !== null; e = e.parent) {
    const obj = e.withObject;
    if (obj) {
      const has = withHasFast(realm, obj, name);
      if (has === undefined) return new SlowResolve(e);
      if (has) return obj;
    } else if (slotIndex(e, name) >= 0) return e;
  }
  return undefined;
}

/** The value of a %this/%newtarget/%fn binding up the chain (LEXICAL). */
export function lexicalBinding(vm: VM, env: Env | null, name: string): Value {
  for (let e = env; e !== null; e = e.parent) {
    if (e.withObject || !e.code) continue;
    const i = e.code.scopes[e.scope].names.indexOf(name);
    if (i < 0) continue;
    const v = e.slots[i];
    if (v === (EMPTY as unknown) && name === "%this")
      vm.throwError(
        "ReferenceError",
        "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
      );
    return v;
  }
  return name === "%this" ? vm.realm.global : undefined;
}

/** Binds a derived constructor's %this found up the chain (super() in arrows and eval). */
export function bindLexicalThis(vm: VM, env: Env | null, value: Value): void {
  for (let e = env; e !== null; e = e.parent) {
    if (e.withObject || !e.code) continue;
    const i = e.code.scopes[e.scope].names.indexOf("%this");
    if (i < 0) continue;
    if (e.slots[i] !== (EMPTY as unknown))
      vm.throwError("ReferenceError", "Super constructor may only be called once");
    e.slots[i] = value;
    return;
  }
}

/** The %this binding of a function's own environment, if it has one (for RETURN/THIS_CHK). */
export function ownThisBinding(env: Env | null, code: FunctionCode): Value {
  for (let e = env; e !== null; e = e.parent) {
    if (e.code === code && e.scope === code.funcScope) {
      const i = e.code.scopes[e.scope].names.indexOf("%this");
      return i < 0 ? (EMPTY as unknown as Value) : e.slots[i];
    }
  }
  return EMPTY as unknown as Value;
}

/** Reads a binding of a declarative record found by RESOLVE. */
export function readSlot(vm: VM, env: Env, name: string): Value {
  const v = env.slots[slotIndex(env, name)];
  if (v === (EMPTY as unknown))
    vm.throwError("ReferenceError", `Cannot access '${name}' before initialization`);
  return v;
}

/** Writes a binding of a declarative record found by RESOLVE. */
export function writeSlot(vm: VM, env: Env, name: string, v: Value, strict: boolean): void {
  const i = slotIndex(env, name);
  if (env.slots[i] === (EMPTY as unknown))
    vm.throwError("ReferenceError", `Cannot access '${name}' before initialization`);
  if (slotKind(env, i) === KIND_CONST) {
    // A named function expression's own name (its first scope) ignores sloppy writes.
    const code = env.code!;
    if (!strict && code.flags & FnFlags.NamedExpr && env.scope === 0 && code.funcScope !== 0)
      return;
    vm.throwTypeError("Assignment to constant variable.");
  }
  env.slots[i] = v;
}

/** `delete name` on a declarative record: only eval-made bindings can go. */
export function deleteSlot(env: Env, name: string): boolean {
  if (!env.extra) return false;
  const j = env.extra.indexOf(name);
  if (j < 0) return false;
  const base = env.code ? env.code.scopes[env.scope].names.length : 0;
  env.extra.splice(j, 1);
  env.slots.splice(base + j, 1);
  return true;
}

/** DECL_EVAL_VAR's mode operand: what is declared, and whether only to check it. */
export const enum EvalDecl {
  Var = 0,
  Function = 1,
  /** Check only: every declaration is checked before any is made. */
  CheckVar = 2,
  CheckFunction = 3,
}

/**
 * A var (or function) declaration of sloppy eval code (EvalDeclarationInstantiation):
 * made in the nearest variable environment, or on the global object. A lexical
 * declaration of the same name on the way is a SyntaxError; a global that cannot
 * be declared (CanDeclareGlobalVar/Function) a TypeError. The compiled code checks
 * every name first (the Check modes) so that a failure declares nothing.
 */
export function declareEvalVar(
  vm: VM,
  env: Env | null,
  own: FunctionCode,
  name: string,
  mode: EvalDecl,
): void {
  const check = mode === EvalDecl.CheckVar || mode === EvalDecl.CheckFunction;
  const isFunction = mode === EvalDecl.Function || mode === EvalDecl.CheckFunction;
  for (let e = env; e !== null; e = e.parent) {
    if (e.withObject || e.code === own) continue;
    const i = slotIndex(e, name);
    const role = varScopeRole(e);
    // In the parameters' record only the declared slots conflict, not earlier evals' vars.
    const declared = i >= 0 && e.code !== null && i < e.code.scopes[e.scope].names.length;
    if (i >= 0 && (isLexicalKind(slotKind(e, i)) || (role === VarRole.Params && declared)))
      vm.throwError("SyntaxError", `Identifier '${name}' has already been declared`);
    if (role !== VarRole.None) {
      if (i < 0 && !check) {
        (e.extra ??= []).push(name);
        e.slots.push(undefined);
      }
      return;
    }
  }
  const realm = vm.realm;
  const global = realm.global;
  if (realm.globalLex.has(name))
    vm.throwError("SyntaxError", `Identifier '${name}' has already been declared`);
  const existing = global.getOwnProperty(name);
  if (check) {
    // CanDeclareGlobalFunction / CanDeclareGlobalVar.
    const ok = !existing
      ? global.extensible
      : !isFunction ||
        (existing.flags & PF.Configurable) !== 0 ||
        ((existing.flags & PF.Accessor) === 0 &&
          (existing.flags & PF.Writable) !== 0 &&
          (existing.flags & PF.Enumerable) !== 0);
    if (!ok)
      vm.throwTypeError(
        existing
          ? `Identifier '${name}' has already been declared`
          : `Cannot add property ${name}, object is not extensible`,
      );
    return;
  }
  // CreateGlobalFunctionBinding / CreateGlobalVarBinding (the value is set after).
  if (existing && !(isFunction && existing.flags & PF.Configurable)) return;
  global.defineOwn(name, {
    value: undefined,
    hasValue: true,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/** The context flags of a direct eval called from `frameEnv` in function `fn`. */
function evalContext(fn: FunctionObject, env: Env | null): number {
  let flags = EvalFlags.Direct;
  if (fn.code.flags & FnFlags.Strict) flags |= EvalFlags.Strict;
  if (fn.homeObject) flags |= EvalFlags.InMethod;
  for (let e = env; e !== null; e = e.parent) {
    if (e.withObject || !e.code) continue;
    const names = e.code.scopes[e.scope].names;
    if (names.includes("%newtarget")) {
      flags |= EvalFlags.InFunction;
      if (e.code.flags & FnFlags.Derived) flags |= EvalFlags.InDerivedCtor;
      if (e.code.flags & FnFlags.Method) flags |= EvalFlags.InMethod;
      if (e.code.flags & FnFlags.FieldInit) flags |= EvalFlags.InFieldInit;
      break;
    }
  }
  return flags;
}

/** The function that runs direct eval code in the caller's scope. */
export function directEvalClosure(vm: VM, caller: FunctionObject, env: Env | null, src: string) {
  const program = compileEval(vm, src, evalContext(caller, env));
  const f = vm.makeClosure(program, program.functions[0], env);
  f.homeObject = caller.homeObject;
  return f;
}

/**
 * Natives for the prelude's `resolveSlow`: it decides one `with` object with guest
 * code, then asks where the lookup goes on from the record after it.
 */
export function installNameInternals(realm: Realm): void {
  const def = (name: string, impl: (vm: Agent, env: Env, name: string) => Value) => {
    defineInternal(realm, name, 2, ["c", Env], (vm, _t, args) =>
      impl(vm, args[0] as unknown as Env, String(args[1])),
    );
  };
  // The next `with` record after env that needs guest code, or null.
  def("resolveNextSlow", (vm, env, name) => {
    const r = resolveName(vm.realm, env.parent, name);
    return r instanceof SlowResolve ? (r.env as unknown as Value) : null;
  });
  // The base the lookup finds after env (when resolveNextSlow said null).
  def("resolveFrom", (vm, env, name) => resolveName(vm.realm, env.parent, name) as Value);
  def("withObject", (_vm, env) => env.withObject ?? undefined);
}
