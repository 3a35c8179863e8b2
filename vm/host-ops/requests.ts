// Requests: how the guest module `jaunt` hands control to the embedder. A guest call
// of `request(kind, ...args)` (jaunt:internals) ends the VM's run at the instruction
// boundary right after that call; the embedder's handler for `kind` answers, and its
// answer becomes the call's return value. At that boundary the whole guest state is
// data, so a handler can take snapshots of the VM "as it will be when the call returns
// X" (jaunt.snapshot's { resumed: true }, fork's copy index) before answering here.
//
// The answer a guest sees is a record { ok: true, value } or { ok: false, error },
// unpacked by vm/node/jaunt.js. A snapshot taken while a request is unanswered leaves
// `undefined` in its place, which the guest side reports as an interrupted request.

import type { Value } from "../model/value";
import type { VM } from "../interpreter/interpreter";
import type { Agent } from "../agent";
import type { Frame } from "../model/frame";

/** A request the guest made and the embedder has not answered yet (live state only). */
export interface ActiveRequest {
  kind: string;
  /** The guest's arguments. */
  args: Value[];
  /** Where the call's result sits: the calling frame, and the frame count then. */
  frame: Frame;
  depth: number;
}

/** Called by the native: records the request and stops the run after this call. */
export function beginRequest(vm: Agent, kind: string, args: Value[]): ActiveRequest {
  const frame = vm.frames[vm.frames.length - 1];
  vm.stopAfterCall();
  return { kind, args, frame, depth: vm.frames.length };
}

/**
 * Puts `answer` where the request's call returned its placeholder. Throws if the run
 * did not stop right after that call (the request was not made by a direct call).
 */
export function setRequestResult(vm: VM, req: ActiveRequest, answer: Value): void {
  const top = vm.frames[vm.frames.length - 1];
  if (vm.frames.length !== req.depth || top !== req.frame || top.sp <= top.base)
    throw new Error(`jaunt: request '${req.kind}' did not stop right after its call`);
  vm.stack[top.sp - 1] = answer;
}
