// A snapshot of a VM whose only work is one call: `fn(...args)` on an empty stack, with
// no jobs, timers, pending host operations or handles, but the same heap and realm
// (what fn's closure reaches travels with it; nothing else of the running program
// does, since encoding walks only from the roots). Remote execution sends such a
// snapshot (gw.remoteExec(fn, ...args)). The live VM is restored exactly afterwards.

import type { VM } from "./interpreter/interpreter";
import { GenState, type GeneratorObject, type JSObject } from "./model/object";
import type { Value } from "./model/value";
import type { Frame } from "./model/frame";
import { encodeSnapshot, type EncodeOptions } from "./snapshot";

export function encodeCallSnapshot(
  vm: VM,
  fn: JSObject,
  args: Value[],
  opts: EncodeOptions = {},
): Uint8Array {
  const realm = vm.realm;
  const ops = realm.hostOps;
  const saved = {
    stack: vm.stack,
    frames: vm.frames,
    jobs: realm.jobs.splice(0),
    timers: realm.timers,
    rejections: realm.rejections,
    ops: ops.ops,
    handles: ops.handles,
    uncaught: vm.uncaught,
    throwSite: vm.throwSite,
  };
  // Coroutines running on the stack (an async function or an ES module's top-level
  // await that made the call) stay here: fn's closure may reach them, and the copy,
  // with no stack, sees them finished.
  const running: [GeneratorObject, Frame | null][] = [];
  for (const f of vm.frames)
    if (f.generator && f.generator.state === GenState.Running) {
      running.push([f.generator, f.generator.frame]);
      f.generator.state = GenState.Done;
      f.generator.frame = null;
    }
  try {
    vm.stack = new Array(256).fill(undefined);
    vm.frames = [];
    realm.timers = [];
    realm.rejections = [];
    ops.ops = [];
    ops.handles = new Map();
    vm.uncaught = null;
    vm.throwSite = null;
    vm.pushBottomCall(fn, undefined, args);
    return encodeSnapshot(vm, opts);
  } finally {
    vm.stack = saved.stack;
    vm.frames = saved.frames;
    realm.jobs.splice(0, realm.jobs.length, ...saved.jobs);
    realm.timers = saved.timers;
    realm.rejections = saved.rejections;
    ops.ops = saved.ops;
    ops.handles = saved.handles;
    vm.uncaught = saved.uncaught;
    vm.throwSite = saved.throwSite;
    for (const [g, frame] of running) {
      g.state = GenState.Running;
      g.frame = frame;
    }
  }
}
