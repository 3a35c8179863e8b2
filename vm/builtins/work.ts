// Long native work in slices (no single instruction runs long). A native whose work
// can take more than about a millisecond — a regular expression match, JSON.parse of
// a big text, a replaceAll over megabytes — keeps its progress in a WorkObject and
// does one slice of it; if that was not enough, it returns a tail call of the
// self-hosted `finishWork(task)` (prelude/00-core.js), a guest loop that calls
// `$.workStep(task)` until the task has a result. Each iteration is ordinary guest
// instructions, so between two slices run(budget) can pause, the deadline can throw
// and a snapshot can be taken; the task is guest data with a snapshot codec of its
// own (see each task's registerObjectKind), so a resumed VM continues the work where
// it stopped. A slice counts as WORK_SLICE_CHARGE instructions against run(budget).
//
// A task never calls guest code: that is what lets it stop and continue anywhere.

import { JSObject, PF, Prop } from "../model/object";
import type { Value } from "../model/value";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { defineInternal } from "./util";

/** What `step` returns while the work is not done. */
export const PENDING: unique symbol = Symbol("work pending");

/**
 * Instructions one slice of work counts for against run(budget): a slice takes
 * about a millisecond, so run(1000) does at most one or two of them.
 */
export const WORK_SLICE_CHARGE = 1000;

/** A native computation in progress: guest-visible only to the prelude's loop. */
/** Snapshot decoders of work tasks: a field that must be an integer (a position, a count). */
export const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
/** … and not negative. */
export const isCount = (v: unknown): v is number => isInt(v) && v >= 0;

export abstract class WorkObject extends JSObject {
  constructor() {
    super(null, "Work");
    this.extensible = false;
  }

  /** Does one slice of the work: its result when done, else PENDING. */
  abstract step(vm: Agent): Value | typeof PENDING;
}

/**
 * For a native: runs the task's first slice now and returns its result, or (when it
 * needs more) the tail call that finishes it in slices.
 */
export function runWork(vm: Agent, task: WorkObject): Value {
  const r = task.step(vm);
  if (r !== PENDING) return r;
  vm.chargeWork(WORK_SLICE_CHARGE);
  return vm.tailCall(vm.realm.helpers.finishWork, undefined, [task]);
}

export function installWork(realm: Realm): void {
  // $.workStep(task): one slice; the task itself while it is not done.
  defineInternal(realm, "workStep", 1, ["c", WorkObject], (vm, _t, args) => {
    const task = args[0] as WorkObject;
    const r = task.step(vm);
    vm.chargeWork(WORK_SLICE_CHARGE);
    return r === PENDING ? task : r;
  });
}
