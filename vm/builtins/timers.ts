// Timers (setTimeout/setInterval/setImmediate and their clear*) and the bookkeeping
// of unhandled promise rejections. Timers are data in the realm: absolute due times
// on the host clock, so a snapshot resumed later runs overdue timers at once.

import { JSObject, PF, Prop, isCallable } from "../model/object";
import type { Value } from "../model/value";
import { arg, defineInternal, getter, makeNative, method } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { installPromiseCore } from "./promise-core";
import { throwCallbackType } from "./process";

export interface Timer {
  id: number;
  /** Absolute due time in host milliseconds; -1 for setImmediate. */
  due: number;
  /** Repeat interval for setInterval, else -1. */
  interval: number;
  fn: JSObject;
  args: Value[];
  /** Scheduling order, to keep equal due times in order. */
  seq: number;
  /** The Timeout object handed to the guest. */
  handle: JSObject;
  /** False once unref()'d: the timer alone does not keep the program running. */
  ref: boolean;
  /** The async context it was scheduled in (node:async_hooks), if any. */
  ctx?: Value;
}

/** A timer's id from its handle, or from the number or string its primitive gives. */
function timerId(v: Value): number {
  if (v instanceof JSObject) {
    const p = v.getOwnProperty("_id");
    return p && typeof p.value === "number" ? p.value : -1;
  }
  if (typeof v === "string" && v !== "" && String(Number(v)) === v) return Number(v);
  return typeof v === "number" ? v : -1;
}

export function installTimers(realm: Realm): void {
  const g = realm.global;
  const TimeoutProto = new JSObject(realm.ObjectPrototype, "Timeout");
  realm.registerIntrinsic("%TimeoutPrototype%", TimeoutProto);
  realm.TimeoutPrototype = TimeoutProto;
  const timerOf = (vm: Agent, t: Value) => {
    const id = timerId(t);
    return vm.realm.timers.find((x) => x.id === id);
  };
  const setRef = (ref: boolean) => (vm: Agent, t: Value) => {
    const timer = timerOf(vm, t);
    if (timer) timer.ref = ref;
    return t;
  };
  method(realm, TimeoutProto, "Timeout.prototype", "ref", 0, setRef(true));
  method(realm, TimeoutProto, "Timeout.prototype", "unref", 0, setRef(false));
  // A timer that has run or was cleared keeps no state: it counts as referenced.
  method(
    realm,
    TimeoutProto,
    "Timeout.prototype",
    "hasRef",
    0,
    (vm, t) => timerOf(vm, t)?.ref ?? true,
  );
  method(realm, TimeoutProto, "Timeout.prototype", realm.wellKnown.toPrimitive, 0, (_vm, t) =>
    timerId(t),
  );
  // Node's Timeout.close() and [Symbol.dispose]() clear the timer; _destroyed says
  // whether it is gone (run or cleared). (An inherited getter here, where Node has an
  // own property: inspecting a handle shows what it showed before.)
  const clearHandle = (vm: Agent, t: Value) => {
    const id = timerId(t);
    const i = vm.realm.timers.findIndex((x) => x.id === id);
    if (i >= 0) vm.realm.timers.splice(i, 1);
    return t;
  };
  method(realm, TimeoutProto, "Timeout.prototype", "close", 0, clearHandle);
  method(realm, TimeoutProto, "Timeout.prototype", realm.wellKnown.dispose, 0, (vm, t) => {
    clearHandle(vm, t);
    return undefined;
  });
  getter(realm, TimeoutProto, "Timeout.prototype", "_destroyed", (vm, t) => !timerOf(vm, t));
  const schedule =
    (kind: "timeout" | "interval" | "immediate") => (vm: Agent, _t: Value, args: Value[]) => {
      const realm = vm.realm;
      const fn = arg(args, 0);
      if (!isCallable(fn)) throwCallbackType(vm, fn);
      const id = realm.nextTimerId++;
      const handle = new JSObject(
        realm.TimeoutPrototype,
        kind === "immediate" ? "Immediate" : "Timeout",
      );
      handle.props.set("_id", new Prop(id, PF.Hidden));
      let delay = kind === "immediate" ? -1 : Number(arg(args, 1));
      if (kind !== "immediate" && !(delay >= 1 && delay <= 2147483647)) delay = 1;
      // As Node: sub-millisecond accuracy is not assumed (1, 1.1 and 1.8 are one list).
      delay = Math.trunc(delay);
      const now = realm.loopTime();
      realm.timers.push({
        id,
        due: kind === "immediate" ? -1 : now + delay,
        interval: kind === "interval" ? delay : -1,
        fn: fn as JSObject,
        args: args.slice(kind === "immediate" ? 1 : 2),
        seq: realm.timerSeq++,
        handle,
        ref: true,
        ctx: vm.realm.asyncContext,
      });
      return handle;
    };
  const clear = (vm: Agent, _t: Value, args: Value[]) => {
    clearHandle(vm, arg(args, 0));
    return undefined;
  };
  method(realm, g, "global", "setTimeout", 2, schedule("timeout"));
  method(realm, g, "global", "setInterval", 2, schedule("interval"));
  method(realm, g, "global", "setImmediate", 1, schedule("immediate"));
  method(realm, g, "global", "clearTimeout", 1, clear);
  method(realm, g, "global", "clearInterval", 1, clear);
  method(realm, g, "global", "clearImmediate", 1, clear);

  // $.unrefTimer(fn, delay, arg) → its id: a timer that does not keep the event loop
  // alive (Atomics.waitAsync's timeout, as in Node); $.cancelTimer(id) clears it.
  defineInternal(realm, "cancelTimer", 1, "n", (vm, _t, args) => {
    const i = vm.realm.timers.findIndex((x) => x.id === args[0]);
    if (i >= 0) vm.realm.timers.splice(i, 1);
    return undefined;
  });
  defineInternal(realm, "unrefTimer", 3, "fn-", (vm, _t, args) => {
    const id = vm.realm.nextTimerId++;
    const handle = new JSObject(vm.realm.TimeoutPrototype, "Timeout");
    handle.props.set("_id", new Prop(id, PF.Hidden));
    vm.realm.timers.push({
      id,
      due: vm.realm.loopTime() + Math.min(Math.max(args[1] as number, 1), 2147483647),
      interval: -1,
      fn: args[0] as JSObject,
      args: [args[2]],
      seq: vm.realm.timerSeq++,
      handle,
      ref: false,
    });
    return id;
  });
  installPromiseCore(realm);
  defineInternal(realm, "trackRejection", 2, "o", (vm, _t, args) => {
    vm.realm.rejections.push([args[0] as JSObject, arg(args, 1)]);
    return undefined;
  });
  defineInternal(realm, "untrackRejection", 1, "-", (vm, _t, args) => {
    const i = vm.realm.rejections.findIndex((r) => r[0] === args[0]);
    if (i >= 0) vm.realm.rejections.splice(i, 1);
    return undefined;
  });
}
