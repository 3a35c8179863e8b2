// The hot core of the self-hosted Promise (prelude/40-promise.js) as natives. Settling a
// promise, adding a reaction and turning reactions into jobs touch only the promise's
// private fields and the job queue — no guest code runs — so they need no guest frame:
// in the prelude they were a third of the instructions of an `await` (bench/programs/
// async.js). The promise's state stays in its private fields (#state, #result,
// #reactions, #handled), so snapshots see exactly what they saw before.

import { ArrayObject, JSObject, PF, Prop, isCallable } from "../object";
import type { PrivateName, PropertyKey, Value } from "../value";
import { SIZE, charge } from "../heap";
import { defineInternal } from "./util";
import type { Realm } from "../realm";
import type { Agent } from "../agent";

/** Where the fields are in a promise's private names (their declaration order). */
const enum Field {
  State = 0,
  Result = 1,
  Reactions = 2,
  Handled = 3,
}

/**
 * A reaction is a guest array made by the prelude: [job, gen, capability] for an
 * await (the job resumes the coroutine), [job, onFulfilled, onRejected, capability]
 * for then(); its job function comes first so that settling needs no lookup.
 */
function enqueueReaction(
  vm: Agent,
  realm: Realm,
  reaction: Value,
  state: number,
  value: Value,
): void {
  // Checked: a hostile snapshot can put anything in a promise's fields.
  const r = reaction instanceof ArrayObject ? reaction.elems : null;
  if (r === null || (r.length !== 3 && r.length !== 4) || !isCallable(r[0]))
    vm.throwTypeError("internal: not a promise reaction");
  if (r.length === 3)
    realm.enqueueJob({
      fn: r[0] as JSObject,
      thisArg: undefined,
      args: [r[1], state === 1 ? 0 : 1, value, r[2]],
    });
  else
    realm.enqueueJob({
      fn: r[0] as JSObject,
      thisArg: undefined,
      args: [state === 1 ? r[1] : r[2], r[3], state, value],
    });
}

/** The reactions of a pending promise (a dense guest array). */
function pendingReactions(vm: Agent, reactions: Prop): Value[] {
  const list = reactions.value;
  if (!(list instanceof ArrayObject) || list.elems === null)
    vm.throwTypeError("internal: the promise is not pending");
  return (list as ArrayObject).elems!;
}

export function installPromiseCore(realm: Realm): void {
  // The private names of the prelude's Promise fields ($.registerPromiseSlots, from
  // the first promise it makes; a copied realm shares its pristine realm's).
  const field = (vm: Agent, p: Value, f: Field): Prop => {
    const prop = p instanceof JSObject ? p.privates?.get(vm.realm.promiseFields[f]) : undefined;
    if (prop === undefined) vm.throwTypeError("internal: not a promise");
    return prop!;
  };

  // newPromise(proto): a pending promise, as `new Promise(bareExecutor)` makes it
  // (the same private fields, in the same order) without the constructor's frames.
  defineInternal(realm, "newPromise", 1, "o", (vm, _t, args) => {
    const names = vm.realm.promiseFields;
    if (names.length < 4) vm.throwTypeError("internal: no promise fields registered");
    const p = new JSObject(args[0] as JSObject);
    const privates = new Map<PrivateName, Prop>();
    privates.set(names[Field.State], new Prop(0, PF.Writable));
    privates.set(names[Field.Result], new Prop(undefined, PF.Writable));
    privates.set(names[Field.Reactions], new Prop(vm.realm.newArray([]), PF.Writable));
    privates.set(names[Field.Handled], new Prop(false, PF.Writable));
    p.privates = privates;
    return p;
  });

  // hasOwnGetter(o, key, getter): whether o's own property key is an accessor with that
  // getter (then() asks it of Promise[Symbol.species] to skip calling the intrinsic getter).
  defineInternal(realm, "hasOwnGetter", 3, "-k", (_vm, _t, args) => {
    const o = args[0];
    if (!(o instanceof JSObject)) return false;
    const prop = o.getOwnProperty(args[1] as PropertyKey);
    return prop !== undefined && (prop.flags & PF.Accessor) !== 0 && prop.getter === args[2];
  });

  defineInternal(realm, "isPromise", 1, "-", (vm, _t, args) => {
    const p = args[0];
    return (
      p instanceof JSObject &&
      p.privates !== null &&
      p.privates.has(vm.realm.promiseFields[Field.State])
    );
  });

  // settle(p, state, value): fulfils (1) or rejects (2) a pending promise and queues a
  // job per reaction; an unhandled rejection is tracked.
  defineInternal(realm, "promiseSettle", 3, ["or", 3], (vm, _t, args) => {
    const p = args[0] as JSObject;
    const state = args[1] as number;
    const value = args[2];
    const reactions = field(vm, p, Field.Reactions);
    const list = pendingReactions(vm, reactions);
    field(vm, p, Field.State).value = state;
    field(vm, p, Field.Result).value = value;
    reactions.value = undefined;
    p.dirty = true;
    if (state === 2 && !field(vm, p, Field.Handled).value) vm.realm.rejections.push([p, value]);
    for (let i = 0; i < list.length; i++) enqueueReaction(vm, vm.realm, list[i], state, value);
    return undefined;
  });

  // addReaction(p, reaction): kept while p is pending, else queued at once.
  defineInternal(realm, "promiseAddReaction", 2, "oa", (vm, _t, args) => {
    const p = args[0] as JSObject;
    const state = field(vm, p, Field.State).value as number;
    const handled = field(vm, p, Field.Handled);
    if (state === 0) {
      const list = field(vm, p, Field.Reactions);
      pendingReactions(vm, list).push(args[1]);
      (list.value as ArrayObject).dirty = true;
      charge(SIZE.slot);
    } else {
      if (state === 2 && !handled.value) {
        const i = vm.realm.rejections.findIndex((r) => r[0] === p);
        if (i >= 0) vm.realm.rejections.splice(i, 1);
      }
      enqueueReaction(vm, vm.realm, args[1], state, field(vm, p, Field.Result).value);
    }
    handled.value = true;
    p.dirty = true;
    return undefined;
  });
}
