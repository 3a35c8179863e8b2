// %GeneratorPrototype% (ECMA-262 27.5): next/return/throw resume the generator's
// parked frame through vm.resumeGenerator, so the generator body runs as ordinary
// guest frames. `$.generatorResume` gives the self-hosted async driver the same.

import { GeneratorObject, GenState, JSObject, NO_SAVED, OF, PF, Prop } from "../model/object";
import type { Value } from "../model/value";
import { arg, defineInternal, makeNative, method } from "./util";

const GEN = ["c", GeneratorObject] as const;
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";

function thisGenerator(vm: Agent, t: Value, name: string): GeneratorObject {
  if (!(t instanceof GeneratorObject))
    vm.throwTypeError(`${name} method called on incompatible receiver ${String(t)}`);
  return t as GeneratorObject;
}

/**
 * The prelude's async drivers hand these natives the generator they keep in guest
 * data (closure environments, private fields). A restored snapshot may have put
 * something else there, so check rather than cast: a TypeError in the guest, never a
 * host exception reading a generator's fields off another object.
 */
function internalGenerator(vm: Agent, g: Value, name: string): GeneratorObject {
  if (!(g instanceof GeneratorObject))
    vm.throwTypeError(`$.${name}: internal state is not a generator (${typeof g})`);
  return g as GeneratorObject;
}

/** Resumes with a completion, applying the spec's rules for unstarted and finished generators. */
export function resume(vm: Agent, gen: GeneratorObject, mode: number, value: Value): Value {
  if (gen.state === GenState.Running) vm.throwTypeError("Generator is already running");
  if (gen.state === GenState.Start && mode !== 0) {
    gen.state = GenState.Done;
    gen.frame = null;
    gen.saved = NO_SAVED;
    gen.spare = null;
    gen.bits |= OF.Dirty;
  }
  if (gen.state === GenState.Done) {
    if (mode === 1) vm.throwValue(value);
    return vm.iterResult(mode === 2 ? value : undefined, true);
  }
  return vm.resumeGenerator(gen, mode, value) as unknown as Value;
}

export function installGenerator(realm: Realm): void {
  const GP = new JSObject(realm.IteratorPrototype);
  realm.GeneratorPrototype = GP;
  GP.props.set(realm.wellKnown.toStringTag, new Prop("Generator", PF.Configurable));
  const names = ["next", "throw", "return"];
  names.forEach((name, mode) => {
    method(realm, GP, "%GeneratorPrototype%", name, 1, (vm, t, args) =>
      resume(vm, thisGenerator(vm, t, `Generator.prototype.${name}`), mode, arg(args, 0)),
    );
  });
  // Async iteration: %AsyncIteratorPrototype% and %AsyncGeneratorPrototype% (whose
  // methods the prelude installs), and the coroutine state the async driver reads.
  const AIP = new JSObject(realm.ObjectPrototype);
  const asyncIterSelf = makeNative(
    realm,
    "%AsyncIteratorPrototype%.[Symbol.asyncIterator]",
    "[Symbol.asyncIterator]",
    0,
    (_vm, t) => t,
  );
  AIP.props.set(realm.wellKnown.asyncIterator, new Prop(asyncIterSelf, PF.Hidden));
  const AGP = new JSObject(AIP);
  AGP.props.set(realm.wellKnown.toStringTag, new Prop("AsyncGenerator", PF.Configurable));
  realm.AsyncGeneratorPrototype = AGP;
  realm.internals.props.set("AsyncGeneratorPrototype", new Prop(AGP, 0));
  const internal = (name: string, n: number, impl: (g: GeneratorObject) => Value) =>
    defineInternal(realm, name, n, GEN, (vm, _t, args) =>
      impl(internalGenerator(vm, args[0], name)),
    );
  internal("genState", 1, (g) => g.state);
  internal("genAwaiting", 1, (g) => g.awaiting);
  internal("genFinish", 1, (g) => {
    g.state = GenState.Done;
    g.frame = null;
    g.saved = NO_SAVED;
    g.spare = null;
    g.bits |= OF.Dirty;
    return undefined;
  });
  defineInternal(realm, "generatorResume", 3, GEN, (vm, _t, args) =>
    resume(
      vm,
      internalGenerator(vm, args[0], "generatorResume"),
      args[1] === 1 || args[1] === 2 ? args[1] : 0,
      arg(args, 2),
    ),
  );
}
