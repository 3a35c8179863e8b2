// The objects of ES module records that other layers see: an import slot's link, a
// module environment as a value, and the module namespace exotic object. Plain model
// objects (runtime/esm.ts links and loads modules with them; natives test for them).

import { Env } from "./env";
import { ErrorObject, JSObject, PF, Prop, type Descriptor } from "./object";
import { ThrowSignal } from "./operations";
import { EMPTY, type PropertyKey, type Value } from "./value";

/** An import slot's link to the binding it imports: a slot of another module's environment. */
export class ImportBinding extends JSObject {
  constructor(
    public env: Env,
    public slot: number,
  ) {
    super(null, "ImportBinding");
  }
}

/** A module environment handed to the self-hosted loader as a value. */
export class ModuleEnvObject extends JSObject {
  constructor(public env: Env) {
    super(null, "ModuleEnvironment");
  }
}

/**
 * A module namespace object (ECMA-262 10.4.6): its exports as live, sorted,
 * non-configurable properties; each target is a binding or another namespace.
 */
export class ModuleNamespaceObject extends JSObject {
  names: string[] = [];
  targets: (ImportBinding | ModuleNamespaceObject)[] = [];
  constructor(
    /** ReferenceError.prototype, for reads of bindings still in their TDZ. */
    public referenceError: JSObject | null,
  ) {
    super(null, "Module");
    this.extensible = false;
  }

  private valueAt(i: number): Value {
    const t = this.targets[i];
    if (t instanceof ModuleNamespaceObject) return t;
    const v = t.env.slots[t.slot];
    if (v === (EMPTY as unknown)) {
      const message = `Cannot access '${this.names[i]}' before initialization`;
      const err = new ErrorObject(this.referenceError);
      err.props.set("message", new Prop(message, PF.Hidden));
      err.props.set("stack", new Prop(`ReferenceError: ${message}`, PF.Hidden));
      throw new ThrowSignal(err);
    }
    return v;
  }

  override getOwnProperty(key: PropertyKey): Prop | undefined {
    if (typeof key === "string") {
      const i = this.names.indexOf(key);
      return i < 0 ? undefined : new Prop(this.valueAt(i), PF.Writable | PF.Enumerable);
    }
    return this.props.get(key);
  }

  override hasOwn(key: PropertyKey): boolean {
    return typeof key === "string" ? this.names.includes(key) : this.props.has(key);
  }

  override ownKeys(): PropertyKey[] {
    return [...this.names, ...this.props.keys()];
  }

  override deleteOwn(key: PropertyKey): boolean {
    if (typeof key === "string") return !this.names.includes(key);
    return super.deleteOwn(key);
  }

  override putOwnData(): boolean {
    return false;
  }

  override writeOwn(): boolean {
    return false;
  }

  override defineOwn(key: PropertyKey, d: Descriptor): boolean {
    const current = this.getOwnProperty(key);
    if (!current) return false;
    if (typeof key !== "string") return super.defineOwn(key, d);
    if (d.configurable || d.enumerable === false || d.hasGet || d.hasSet) return false;
    if (d.writable === false) return false;
    return !d.hasValue || Object.is(d.value, current.value);
  }

  override preventExtensions(): boolean {
    return true;
  }
}
