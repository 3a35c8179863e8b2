// Proxy (ECMA-262 28.2): the constructor, Proxy.revocable, the internals the
// self-hosted proxy helpers need, and the snapshot codecs of proxies and of for-in
// iterators over them. Every trap runs in prelude/55-proxy.js, never here: natives
// and the interpreter that meet a ProxyObject hand it to those helpers (proxyHelper).

import {
  ArrayObject,
  BoundFunction,
  JSObject,
  NativeFunction,
  PF,
  Prop,
  ProxyObject,
  isCallable,
  isConstructor,
  type NativeImpl,
} from "../model/object";
import type { Value } from "../model/value";
import { arg, internalDefiner, makeNative } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { registerObjectKind } from "../model/object-kinds";

/** The self-hosted helpers of prelude/55-proxy.js, by name (the prelude's `proxyHelpers`). */
export type ProxyHelperName =
  | "get"
  | "set"
  | "has"
  | "deleteProperty"
  | "ownKeys"
  | "getOwnPropertyDescriptor"
  | "getOwnPropertyRaw"
  | "defineOwnPropertyMask"
  | "getPrototypeOf"
  | "setPrototypeOf"
  | "setPrototypeOfOrThrow"
  | "preventExtensionsOrThrow"
  | "isExtensible"
  | "preventExtensions"
  | "call"
  | "construct"
  | "constructWithNewTarget"
  | "forInStart"
  | "forInFilter"
  | "objectKeys"
  | "getOwnPropertyNames"
  | "getOwnPropertySymbols"
  | "getOwnPropertyDescriptors"
  | "setIntegrity"
  | "testIntegrity"
  | "hasOwn"
  | "propertyIsEnumerable"
  | "ordinaryHasInstance"
  | "isPrototypeOf"
  | "receiverSet"
  | "bind"
  | "applyArrayLike";

export function proxyHelper(realm: Realm, name: ProxyHelperName): JSObject {
  const table = realm.helpers.proxy;
  const p = table.props.get(name);
  if (!p || !(p.value instanceof JSObject)) throw new Error(`jaunt: no proxy helper ${name}`);
  return p.value;
}

/**
 * The state of a for-in loop over an object whose prototype chain reaches a proxy:
 * keys are collected by a helper, and each is checked again (by a helper, which may
 * run traps) before the loop body sees it. verdict: 0 unchecked, 1 visit, 2 skip.
 */
export class ProxyForInIterator extends JSObject {
  index = 0;
  verdict = 0;
  constructor(
    public object: JSObject | null,
    public keys: Value[],
  ) {
    super(null, "ForInIterator");
  }
}

/** Throws V8's TypeError for an operation on a revoked proxy. */
export function revoked(vm: Agent, p: ProxyObject, op: string): never {
  void p;
  return vm.throwTypeError(`Cannot perform '${op}' on a proxy that has been revoked`);
}

/** The object Array.isArray and friends look at: proxies are seen through. */
export function unwrapProxy(vm: Agent, v: Value, op = "IsArray"): Value {
  while (v instanceof ProxyObject) {
    if (v.target === null) revoked(vm, v, op);
    v = v.target;
  }
  return v;
}

function createProxy(vm: Agent, target: Value, handler: Value): ProxyObject {
  if (!(target instanceof JSObject) || !(handler instanceof JSObject))
    return vm.throwTypeError("Cannot create proxy with a non-object as target or handler");
  return new ProxyObject(target, handler, isCallable(target), isConstructor(target));
}

export function installProxy(realm: Realm): void {
  const ctor = makeNative(
    realm,
    "Proxy",
    "Proxy",
    2,
    (vm, _t, args, newTarget) => {
      if (newTarget === undefined) vm.throwTypeError("Constructor Proxy requires 'new'");
      return createProxy(vm, arg(args, 0), arg(args, 1));
    },
    { ctor: true },
  );
  const revocable = makeNative(realm, "Proxy.revocable", "revocable", 2, (vm, _t, args) => {
    const proxy = createProxy(vm, arg(args, 0), arg(args, 1));
    // One revoke function per proxy, all sharing the native registered below.
    const revoke = new NativeFunction(
      vm.realm.FunctionPrototype,
      "Proxy.revoke",
      revokeImpl,
      false,
      [proxy],
    );
    revoke.props.set("length", new Prop(0, PF.Configurable));
    revoke.props.set("name", new Prop("", PF.Configurable));
    const r = vm.realm.newObject();
    r.setOwn("proxy", proxy);
    r.setOwn("revoke", revoke);
    return r;
  });
  ctor.props.set("revocable", new Prop(revocable, PF.Hidden));
  realm.natives.set("Proxy.revoke", { impl: revokeImpl, ctor: false });
  realm.global.props.set("Proxy", new Prop(ctor, PF.Hidden));

  const $ = realm.internals;
  const def = internalDefiner(realm);
  const IS_PROXY = ["c", ProxyObject] as const;
  def("isProxy", 1, "-", (_vm, _t, args) => arg(args, 0) instanceof ProxyObject);
  // The handler of a live proxy; a revoked one throws V8's message for `op`.
  def("proxyHandler", 2, IS_PROXY, (vm, _t, args) => {
    const p = arg(args, 0) as ProxyObject;
    if (p.handler === null) revoked(vm, p, String(arg(args, 1)));
    return p.handler;
  });
  def("proxyTarget", 1, IS_PROXY, (_vm, _t, args) => (arg(args, 0) as ProxyObject).target);
  def("makeProxyForIn", 2, "oa", (vm, _t, args) => {
    const keys = arg(args, 1) as ArrayObject;
    if (!keys.elems!.every((k) => typeof k === "string"))
      vm.throwTypeError("internal: bad argument 2 to $.makeProxyForIn");
    return new ProxyForInIterator(arg(args, 0) as JSObject, keys.elems ? keys.elems.slice() : []);
  });
  def("forInVerdict", 2, ["c", ProxyForInIterator], (_vm, _t, args) => {
    const it = arg(args, 0) as ProxyForInIterator;
    it.verdict = arg(args, 1) ? 1 : 2;
    it.dirty = true;
    return undefined;
  });
  // BoundFunctionCreate with the values Function.prototype.bind read from a proxy.
  def("makeBound", 6, ["fp-c", ArrayObject], (_vm, _t, args) => {
    const list = arg(args, 3) as ArrayObject;
    const b = new BoundFunction(
      arg(args, 1) as JSObject | null,
      arg(args, 0) as JSObject,
      arg(args, 2),
      list.elems ? list.elems.slice() : [],
    );
    b.props.set("length", new Prop(arg(args, 4), PF.Configurable));
    b.props.set("name", new Prop(arg(args, 5), PF.Configurable));
    return b;
  });
}

const revokeImpl: NativeImpl = (_vm, _t, _args, _nt, self) => {
  const p = self.slots[0];
  if (p instanceof ProxyObject) {
    p.target = null;
    p.handler = null;
    p.dirty = true;
    self.slots = [null];
    self.dirty = true;
  }
  return undefined;
};

registerObjectKind<ProxyObject>({
  kind: 130,
  cls: ProxyObject,
  encode: (o, enc) => [enc.value(o.target), enc.value(o.handler), o.callable, o.constructable],
  allocate: () => new ProxyObject(null, null, false, false),
  decode(o, fields, dec, where) {
    if (fields.length !== 4) dec.fail(`${where}: a proxy needs 4 fields`);
    const target = dec.value(fields[0], `${where} target`);
    const handler = dec.value(fields[1], `${where} handler`);
    const live = target instanceof JSObject && handler instanceof JSObject;
    if (!live && !(target === null && handler === null))
      dec.fail(`${where}: a proxy's target and handler must both be objects or both be null`);
    if (typeof fields[2] !== "boolean" || typeof fields[3] !== "boolean")
      dec.fail(`${where}: bad proxy flags`);
    if (o.proto !== null || o.props.size > 0)
      dec.fail(`${where}: a proxy has no prototype or properties of its own`);
    o.target = target as JSObject | null;
    o.handler = handler as JSObject | null;
    o.callable = fields[2] as boolean;
    o.constructable = fields[3] as boolean;
  },
});

registerObjectKind<ProxyForInIterator>({
  kind: 131,
  cls: ProxyForInIterator,
  encode: (o, enc) => [enc.value(o.object), o.keys.map((k) => enc.value(k)), o.index, o.verdict],
  allocate: () => new ProxyForInIterator(null, []),
  decode(o, fields, dec, where) {
    if (fields.length !== 4 || !Array.isArray(fields[1]))
      dec.fail(`${where}: bad proxy for-in iterator`);
    const object = dec.value(fields[0], `${where} object`);
    if (!(object instanceof JSObject)) dec.fail(`${where}: for-in iterator without an object`);
    const keys = (fields[1] as unknown[]).map((k, i) => dec.value(k, `${where} key ${i}`));
    if (!keys.every((k) => typeof k === "string")) dec.fail(`${where}: bad for-in keys`);
    const index = fields[2] as number;
    const verdict = fields[3];
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index > keys.length)
      dec.fail(`${where}: bad for-in index`);
    if (verdict !== 0 && verdict !== 1 && verdict !== 2) dec.fail(`${where}: bad for-in verdict`);
    if (verdict !== 0 && index >= keys.length) dec.fail(`${where}: for-in verdict past the end`);
    o.object = object as JSObject;
    o.keys = keys;
    o.index = index as number;
    o.verdict = verdict as number;
  },
});
