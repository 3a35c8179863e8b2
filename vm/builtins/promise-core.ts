// The hot core of the self-hosted Promise (prelude/40-promise.js) as natives. Settling a
// promise, adding a reaction and turning reactions into jobs touch only the promise's
// private fields and the job queue — no guest code runs — so they need no guest frame:
// in the prelude they were a third of the instructions of an `await` (bench/programs/
// async.js). A promise is a PromiseObject (model/object.ts): its state, result,
// reactions and handled flag are host fields, encoded by the snapshot as object kind
// 140 (registered below).

import {
  ArrayObject,
  ErrorObject,
  FunctionObject,
  GeneratorObject,
  JSObject,
  NativeFunction,
  PF,
  PromiseObject,
  isCallable,
  OF,
} from "../model/object";
import type { PropertyKey, Value } from "../model/value";
import { registerObjectKind } from "../model/object-kinds";
import { SIZE, charge } from "../model/heap";
import { defineInternal } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";

/**
 * A reaction is an async function's coroutine (GeneratorObject) waiting in `await`, or
 * a guest array made by the prelude: [job, gen, capability] for the module loader's
 * await (the job resumes the coroutine), [job, onFulfilled, onRejected, capability]
 * for then(); its job function comes first so that settling needs no lookup.
 */
function enqueueReaction(
  vm: Agent,
  realm: Realm,
  reaction: Value,
  state: number,
  value: Value,
  ctx?: Value,
): void {
  if (reaction instanceof GeneratorObject) {
    // An async function awaiting the promise: its frame resumes (interpreter's
    // resumeAwait) with the value (mode 0) or the reason thrown into it (mode 1).
    realm.enqueueJob({ fn: reaction, thisArg: state === 1 ? 0 : 1, args: [value], ctx });
    return;
  }
  // Checked: a hostile snapshot can put anything in a promise's fields.
  const r = reaction instanceof ArrayObject ? reaction.elems : null;
  if (r !== null && r.length === 2) {
    // [reaction, context]: added while an async context was set (see addReaction).
    // Never nested (a hostile snapshot could make it a cycle).
    if (r[0] instanceof ArrayObject && r[0].elems?.length === 2)
      vm.throwTypeError("internal: not a promise reaction");
    enqueueReaction(vm, realm, r[0], state, value, r[1]);
    return;
  }
  if (r === null || (r.length !== 3 && r.length !== 4) || !isCallable(r[0]))
    vm.throwTypeError("internal: not a promise reaction");
  if (r.length === 3)
    realm.enqueueJob({
      fn: r[0] as JSObject,
      thisArg: undefined,
      args: [r[1], state === 1 ? 0 : 1, value, r[2]],
      ctx,
    });
  else
    realm.enqueueJob({
      fn: r[0] as JSObject,
      thisArg: undefined,
      args: [state === 1 ? r[1] : r[2], r[3], state, value],
      ctx,
    });
}

/**
 * The reactions of a pending promise: undefined before the first one, an async
 * function's coroutine when that is the only one (an awaited promise: no list is
 * made), else a dense guest array of them.
 */
function pendingReactions(vm: Agent, p: PromiseObject): Value[] | null {
  const list = p.reactions;
  if (list === undefined) return null;
  if (list instanceof GeneratorObject) return [list];
  if (!(list instanceof ArrayObject) || list.elems === null)
    vm.throwTypeError("internal: the promise is not pending");
  return (list as ArrayObject).elems!;
}

export function installPromiseCore(realm: Realm): void {
  // newPromise(proto): a pending promise, as `new Promise(bareExecutor)` makes it
  // (the same private fields, in the same order) without the constructor's frames.
  defineInternal(realm, "newPromise", 1, "o", (vm, _t, args) => {
    return newPromiseObject(vm, args[0] as JSObject);
  });

  // hasOwnGetter(o, key, getter): whether o's own property key is an accessor with that
  // getter (then() asks it of Promise[Symbol.species] to skip calling the intrinsic getter).
  defineInternal(realm, "hasOwnGetter", 3, "-k", (_vm, _t, args) => {
    const o = args[0];
    if (!(o instanceof JSObject)) return false;
    const prop = o.getOwnProperty(args[1] as PropertyKey);
    return prop !== undefined && (prop.flags & PF.Accessor) !== 0 && prop.getter === args[2];
  });

  defineInternal(realm, "isPromise", 1, "-", (vm, _t, args) => isPromise(vm, args[0]));

  defineInternal(realm, "promiseSettle", 3, ["or", 3], (vm, _t, args) => {
    settlePromise(vm, args[0] as JSObject, args[1] as number, args[2]);
    return undefined;
  });

  // addReaction(p, reaction): kept while p is pending, else queued at once.
  defineInternal(realm, "promiseAddReaction", 2, "oo", (vm, _t, args) => {
    addPromiseReaction(vm, args[0] as JSObject, args[1]);
    return undefined;
  });

  installFastPaths(realm);
}

/**
 * Why `p` cannot be the promise of a live async function (one whose coroutine is not
 * done), or null when it can: it must be a pending promise. The snapshot decoder asks
 * this, since settling such a promise when the function throws happens while
 * unwinding, where no guest error can be thrown.
 */
export function notLiveAsyncPromise(p: JSObject): string | null {
  if (!(p instanceof PromiseObject)) return "is not a promise";
  if (p.state !== 0) return "is not pending";
  return reactionsProblem(0, p.reactions);
}

/** Whether `p` is a promise (the spec's [[PromiseState]] brand). */
export function isPromise(_vm: Agent, p: Value): p is PromiseObject {
  return p instanceof PromiseObject;
}

/**
 * Fulfils (1) or rejects (2) a pending promise and queues a job per reaction; an
 * unhandled rejection is tracked.
 */
export function settlePromise(vm: Agent, p: JSObject, state: number, value: Value): void {
  if (!(p instanceof PromiseObject)) return vm.throwTypeError("internal: not a promise");
  if (p.state !== 0) vm.throwTypeError("internal: the promise is not pending");
  const list = p.reactions;
  p.state = state;
  p.result = value;
  p.reactions = undefined;
  p.bits |= OF.Dirty;
  if (state === 2 && !p.handled) vm.realm.rejections.push([p, value]);
  if (list === undefined) return;
  // The common case first: one coroutine awaiting (no list was made).
  if (list instanceof GeneratorObject) return enqueueReaction(vm, vm.realm, list, state, value);
  if (!(list instanceof ArrayObject) || list.elems === null)
    vm.throwTypeError("internal: malformed promise reactions");
  const elems = (list as ArrayObject).elems!;
  for (let i = 0; i < elems.length; i++) enqueueReaction(vm, vm.realm, elems[i], state, value);
}

/**
 * Adds a reaction (a reaction array, or an async function's coroutine awaiting p): kept
 * while p is pending, else its job is queued at once.
 */
export function addPromiseReaction(vm: Agent, p: JSObject, reaction: Value): void {
  if (!(p instanceof PromiseObject)) return vm.throwTypeError("internal: not a promise");
  // The async context at then()/await time goes with the reaction (node:async_hooks).
  const ctx = vm.realm.asyncContext;
  if (ctx !== undefined) reaction = vm.realm.newArray([reaction, ctx]);
  const state = p.state;
  if (state === 0) {
    const elems = pendingReactions(vm, p);
    if (elems === null)
      p.reactions = reaction instanceof GeneratorObject ? reaction : vm.realm.newArray([reaction]);
    else if (p.reactions instanceof GeneratorObject)
      p.reactions = vm.realm.newArray([...elems, reaction]);
    else {
      elems.push(reaction);
      (p.reactions as ArrayObject).bits |= OF.Dirty;
      charge(SIZE.slot);
    }
  } else {
    if (state === 2 && !p.handled) {
      const i = vm.realm.rejections.findIndex((r) => r[0] === p);
      if (i >= 0) vm.realm.rejections.splice(i, 1);
    }
    enqueueReaction(vm, vm.realm, reaction, state, p.result);
  }
  p.handled = true;
  p.bits |= OF.Dirty;
}

/**
 * [[Get]] of a data property along a chain of ordinary objects, or SLOW if it meets
 * an accessor or an object whose [[GetOwnProperty]] is not a plain lookup (a proxy,
 * a module namespace…): the fast paths below then leave the work to the prelude,
 * where guest code may run in the spec's order.
 */
export function plainGet(o: JSObject, key: PropertyKey): Value | typeof SLOW {
  for (let x: JSObject | null = o; x !== null; x = x.proto) {
    const shape = x.shape;
    if (shape !== null) {
      const s = shape.find(key);
      if (s !== undefined) return x.slotValues[s.slot];
      continue;
    }
    const kind = x.constructor;
    if (
      kind !== JSObject &&
      kind !== ArrayObject &&
      kind !== FunctionObject &&
      kind !== NativeFunction &&
      kind !== ErrorObject
    )
      return SLOW;
    const p = x.getOwnProperty(key);
    if (p !== undefined) return p.flags & PF.Accessor ? SLOW : p.value;
  }
  return undefined;
}

export const SLOW: unique symbol = Symbol("slow path");

/**
 * The steps of then(), await and promise resolution that run no guest code when the
 * objects involved are intrinsic promises with their intrinsic `constructor`,
 * `Symbol.species` and no `then` getter: each returns undefined/false when it cannot
 * be sure, and the prelude takes the general path (prelude/40-promise.js). They save
 * the dozens of guest instructions per then() and per await that the prelude's
 * general code costs.
 */
function installFastPaths(realm: Realm): void {
  const settle = settlePromise;
  const addReaction = addPromiseReaction;
  const resolveFast = resolvePromiseFast;

  /** Whether `p.constructor` is %Promise% and %Promise%[@@species] its intrinsic getter. */
  const intrinsicSpecies = (vm: Agent, p: JSObject): boolean => {
    // Undefined while the prelude itself runs (the helpers are its result).
    const C = vm.realm.helpers?.promiseCtor;
    if (C === undefined) return false;
    if (plainGet(p, "constructor") !== C) return false;
    const species = C.getOwnProperty(vm.realm.wellKnown.species);
    return (
      species !== undefined &&
      (species.flags & PF.Accessor) !== 0 &&
      species.getter === vm.realm.helpers.promiseSpeciesGetter
    );
  };

  // promiseThen(p, onFulfilled, onRejected): then()'s result, or undefined when the
  // general path must run (not a promise, another constructor or species).
  defineInternal(realm, "promiseThen", 3, "-", (vm, _t, args) => {
    const p = args[0];
    if (!isPromise(vm, p) || !intrinsicSpecies(vm, p)) return undefined;
    // The reaction's capability is bare: the promise itself stands for it.
    const promise = newPromiseObject(vm, vm.realm.helpers.promisePrototype);
    const onFulfilled = isCallable(args[1]) ? args[1] : undefined;
    const onRejected = isCallable(args[2]) ? args[2] : undefined;
    addReaction(
      vm,
      p,
      vm.realm.newArray([vm.realm.helpers.promiseReactionJob, onFulfilled, onRejected, promise]),
    );
    return promise;
  });

  // promiseResolveStatic(C, x): Promise.resolve's result when C is %Promise% and no guest
  // code can run (x a primitive, a plain object or an intrinsic promise), else undefined.
  defineInternal(realm, "promiseResolveStatic", 2, "-", (vm, _t, args) => {
    const C = args[0];
    const x = args[1];
    if (vm.realm.helpers === undefined || C !== vm.realm.helpers.promiseCtor) return undefined;
    if (isPromise(vm, x)) {
      const ctor = plainGet(x, "constructor");
      if (ctor === SLOW) return undefined;
      if (ctor === C) return x;
    }
    const p = newPromiseObject(vm, vm.realm.helpers.promisePrototype);
    // Unresolved, p is unobservable: the prelude's path then does it all again.
    return resolvePromiseFast(vm, p, x) ? p : undefined;
  });

  // promiseResolveFast(p, value): true if resolvePromise(p, value) is done.
  defineInternal(realm, "promiseResolveFast", 2, "o", (vm, _t, args) =>
    resolveFast(vm, args[0] as JSObject, args[1]),
  );

  // capabilitySettle(cap, ok, value): a reaction's outcome given to its capability when
  // that is bare (its promise settled directly) or absent; false for the prelude's way.
  defineInternal(realm, "capabilitySettle", 3, "-b", (vm, _t, args) => {
    const cap = args[0];
    if (cap === undefined) return true;
    if (!(cap instanceof JSObject) || vm.realm.helpers === undefined) return false;
    const ok = args[1] as boolean;
    if (isPromise(vm, cap)) {
      // A bare capability given as its promise (promiseThen).
      if (ok) return resolveFast(vm, cap, args[2]);
      settle(vm, cap, 2, args[2]);
      return true;
    }
    const fn = plainGet(cap, ok ? "resolve" : "reject");
    const promise = plainGet(cap, "promise");
    if (fn !== undefined || !(promise instanceof JSObject)) return false;
    if (ok) return resolveFast(vm, promise, args[2]);
    settle(vm, promise, 2, args[2]);
    return true;
  });

  // asyncAfterStep(gen, promise, r): what asyncStep does with the coroutine's result r
  // ({value, done}) — resolve its promise, or queue the next step for an awaited
  // primitive or intrinsic promise; false when the prelude must.
  defineInternal(realm, "asyncAfterStep", 3, "ooo", (vm, _t, args) => {
    const [gen, promise, r] = args as [JSObject, JSObject, JSObject];
    if (vm.realm.helpers === undefined) return false;
    const done = plainGet(r, "done");
    const value = plainGet(r, "value");
    if (done === SLOW || value === SLOW) return false;
    if (done) return resolveFast(vm, promise, value);
    if (!(value instanceof JSObject)) {
      vm.realm.enqueueJob({
        fn: vm.realm.helpers.asyncStep,
        thisArg: undefined,
        args: [gen, 0, value, promise],
        ctx: vm.realm.asyncContext,
      });
      return true;
    }
    if (!isPromise(vm, value) || plainGet(value, "constructor") !== vm.realm.helpers.promiseCtor)
      return false;
    addReaction(vm, value, vm.realm.newArray([vm.realm.helpers.asyncStep, gen, promise]));
    return true;
  });
}

/**
 * resolvePromise's steps without guest code: true once `value` resolved `p` (a
 * primitive or non-thenable settles it, a thenable queues its job), false when the
 * prelude must do it (a self-resolution, a `then` getter, a proxy…).
 */
export function resolvePromiseFast(vm: Agent, p: JSObject, value: Value): boolean {
  if (vm.realm.helpers === undefined) return false;
  if (!(value instanceof JSObject)) {
    settlePromise(vm, p, 1, value);
    return true;
  }
  if (value === p) return false;
  const then = plainGet(value, "then");
  if (then === SLOW) return false;
  if (!isCallable(then)) settlePromise(vm, p, 1, value);
  else
    vm.realm.enqueueJob({
      fn: vm.realm.helpers.resolveThenableJob,
      thisArg: undefined,
      args: [p, value, then],
      ctx: vm.realm.asyncContext,
    });
  return true;
}

/**
 * Whether `await v` may wait on `v` itself: PromiseResolve(%Promise%, v) returns v when
 * it is a promise whose `constructor` (a plain data property) is %Promise%.
 */
export function awaitsAsIs(vm: Agent, v: JSObject): boolean {
  return isPromise(vm, v) && plainGet(v, "constructor") === vm.realm.helpers.promiseCtor;
}

/** A pending promise, as `newPromise` makes it. */
export function newPromiseObject(_vm: Agent, proto: JSObject): PromiseObject {
  return new PromiseObject(proto);
}

/** The reactions a decoded promise may hold in its state (see PromiseObject.reactions). */
function reactionsProblem(state: number, reactions: Value): string | null {
  if (state !== 0) return reactions === undefined ? null : "a settled promise keeps no reactions";
  if (
    reactions === undefined ||
    reactions instanceof GeneratorObject ||
    (reactions instanceof ArrayObject && reactions.elems !== null)
  )
    return null;
  return "a pending promise's reactions must be absent, a coroutine or a dense array";
}

// Snapshot codec of promises: [state, result, reactions, handled].
registerObjectKind<PromiseObject>({
  kind: 140,
  cls: PromiseObject,
  encode: (o, enc) => [o.state, enc.value(o.result), enc.value(o.reactions), o.handled],
  allocate: () => new PromiseObject(null),
  decode(o, fields, dec, where) {
    if (fields.length !== 4) return dec.fail(`${where}: a promise has 4 fields`);
    const state = fields[0];
    if (state !== 0 && state !== 1 && state !== 2)
      return dec.fail(`${where}: a promise's state must be 0 (pending), 1 or 2`);
    if (typeof fields[3] !== "boolean")
      return dec.fail(`${where}: a promise's handled flag must be a boolean`);
    const result = dec.value(fields[1], `${where} result`);
    if (state === 0 && result !== undefined)
      return dec.fail(`${where}: a pending promise has no result`);
    const reactions = dec.value(fields[2], `${where} reactions`);
    const problem = reactionsProblem(state, reactions);
    if (problem !== null) return dec.fail(`${where}: ${problem}`);
    o.state = state;
    o.result = result;
    o.reactions = reactions;
    o.handled = fields[3];
  },
});
