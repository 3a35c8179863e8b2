// Function.prototype (ECMA-262 20.2.3). call/apply are tail calls: the interpreter
// replaces the native's activation with the target's frame.

import { FnFlags, type Program } from "../../compiler/bytecode";
import { compile, GuestSyntaxError } from "../../compiler";
import {
  ArrayObject,
  BoundFunction,
  FunctionObject,
  JSObject,
  NativeFunction,
  PF,
  Prop,
  ProxyObject,
  isCallable,
} from "../model/object";
import { proxyHelper } from "./proxy";
import { EMPTY, JSSymbol, type Value } from "../model/value";
import { arg, method, makeNative } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";

/**
 * CreateListFromArrayLike without guest code: arrays, arguments objects and
 * array-likes whose length and elements are data properties. Null when a getter, a
 * proxy or a length needing ToNumber of an object stands in the way: the caller then
 * hands the list to the self-hosted version, which runs them as guest code.
 */
/** Compiles eval code; a syntax error becomes a guest SyntaxError. */
export function compileEval(vm: Agent, source: string, evalFlags: number): Program {
  try {
    return vm.registerProgram(
      compile(source, { kind: "eval", filename: "<anonymous>", evalFlags }),
    );
  } catch (e) {
    if (e instanceof GuestSyntaxError) return vm.throwError(e.errorName, e.message);
    throw e;
  }
}

export function listFromArrayLike(vm: Agent, v: Value): Value[] | null {
  if (v === undefined || v === null) return [];
  if (!(v instanceof JSObject)) vm.throwTypeError("CreateListFromArrayLike called on non-object");
  if (v instanceof ArrayObject && v.elems) return v.elems.map(unhole);
  const o = v as JSObject;
  const lenP = findData(o, "length");
  if (lenP === null) return null;
  const raw = lenP === undefined ? undefined : lenP.value;
  if (raw instanceof JSObject || raw instanceof JSSymbol || typeof raw === "bigint") return null;
  const n = Number(raw);
  const len = n > 0 ? Math.min(Math.floor(n), 1 << 24) : 0;
  const out: Value[] = [];
  for (let i = 0; i < len; i++) {
    const p = findData(o, String(i));
    if (p === null) return null;
    out.push(p === undefined ? undefined : p.value);
  }
  return out;
}

/** A hole reads as undefined (a symbol is also a non-JSObject object: it stays). */
function unhole(v: Value): Value {
  return v === EMPTY ? undefined : v;
}

/** The data property `key` along o's chain; undefined if absent, null if a getter or proxy is met. */
function findData(o: JSObject, key: string): Prop | undefined | null {
  for (let p: JSObject | null = o; p; p = p.proto) {
    if (p instanceof ProxyObject) return null;
    const d = p.getOwnProperty(key);
    if (d) return d.flags & PF.Accessor ? null : d;
  }
  return undefined;
}

/** Compiles code made at run time; a syntax error becomes a guest SyntaxError. */
function compileDynamic(
  vm: Agent,
  source: string,
  kind: "script",
): import("../../compiler").Program {
  try {
    return vm.registerProgram(compile(source, { kind, filename: "<anonymous>" }));
  } catch (e) {
    if (e instanceof GuestSyntaxError) return vm.throwError(e.errorName, e.message);
    throw e;
  }
}

export function functionSource(f: JSObject): string {
  if (f instanceof FunctionObject && !(f.code.flags & FnFlags.Native))
    return f.program.source.slice(f.code.start, f.code.end);
  const n = f.getOwnProperty("name");
  return `function ${n && typeof n.value === "string" ? n.value : ""}() { [native code] }`;
}

/** CreateDynamicFunction: `kind` is the keyword(s) the source starts with. */
function dynamicFunction(
  vm: Agent,
  kind: string,
  args: Value[],
  newTarget: Value,
  self: JSObject,
): Value {
  const params = args.slice(0, -1).map(String).join(",");
  const body = args.length ? String(args[args.length - 1]) : "";
  const source = `(${kind} anonymous(${params}\n) {\n${body}\n})`;
  const program = compileDynamic(vm, source, "script");
  const f = vm.makeClosure(program, program.functions[1], null);
  // `class F extends Function`: the new function's prototype comes from new.target.
  if (newTarget instanceof JSObject && newTarget !== self && f.proto)
    f.proto = vm.prototypeFrom(newTarget, f.proto);
  return f;
}

/**
 * %GeneratorFunction%, %AsyncFunction% and %AsyncGeneratorFunction% (27.3–27.7): not
 * globals, reachable as the constructors of the prototypes of such functions.
 */
export function installFunctionKinds(realm: Realm): void {
  const FunctionCtor = realm.global.getOwnProperty("Function")!.value as JSObject;
  const kinds: [string, string, JSObject | null][] = [
    ["GeneratorFunction", "function*", realm.GeneratorPrototype],
    ["AsyncFunction", "async function", null],
    ["AsyncGeneratorFunction", "async function*", realm.AsyncGeneratorPrototype],
  ];
  for (const [name, keyword, instanceProto] of kinds) {
    const proto = new JSObject(realm.FunctionPrototype);
    const ctor = makeNative(
      realm,
      name,
      name,
      1,
      (vm, _t, args, newTarget, self) => dynamicFunction(vm, keyword, args, newTarget, self),
      { ctor: true, coerce: "s*", proto: FunctionCtor },
    );
    ctor.props.set("prototype", new Prop(proto, 0));
    if (instanceProto) {
      proto.props.set("prototype", new Prop(instanceProto, PF.Configurable));
      instanceProto.props.set("constructor", new Prop(proto, PF.Configurable));
    }
    proto.props.set("constructor", new Prop(ctor, PF.Configurable));
    proto.props.set(realm.wellKnown.toStringTag, new Prop(name, PF.Configurable));
    if (name === "GeneratorFunction") realm.GeneratorFunctionPrototype = proto;
    else if (name === "AsyncFunction") realm.AsyncFunctionPrototype = proto;
    else realm.AsyncGeneratorFunctionPrototype = proto;
  }
}

export function installFunction(realm: Realm): void {
  const FP = realm.FunctionPrototype;
  FP.props.set("length", new Prop(0, PF.Configurable));
  FP.props.set("name", new Prop("", PF.Configurable));
  const ctor = makeNative(
    realm,
    "Function",
    "Function",
    1,
    // CreateDynamicFunction: the function is compiled at global scope.
    (vm, _t, args, newTarget, self) => dynamicFunction(vm, "function", args, newTarget, self),
    { ctor: true, coerce: "s*" },
  );
  // Indirect eval: eval code at global scope whose run returns its completion value.
  // (A direct eval never calls this: CALL_EVAL recognises the function by its id.)
  const evalFn = makeNative(realm, "eval", "eval", 1, (vm, _t, args) => {
    const src = args[0];
    if (typeof src !== "string") return src;
    const program = compileEval(vm, src, 0);
    return vm.tailCall(vm.makeClosure(program, program.functions[0], null), vm.realm.global, []);
  });
  realm.global.props.set("eval", new Prop(evalFn, PF.Hidden));
  ctor.props.set("prototype", new Prop(FP, 0));
  FP.props.set("constructor", new Prop(ctor, PF.Hidden));
  realm.global.props.set("Function", new Prop(ctor, PF.Hidden));

  method(realm, FP, "Function.prototype", "call", 1, (vm, t, args) => {
    if (!isCallable(t)) vm.throwTypeError("Function.prototype.call called on non-function");
    return vm.tailCall(t, arg(args, 0), args.slice(1));
  });
  method(realm, FP, "Function.prototype", "apply", 2, (vm, t, args) => {
    if (!isCallable(t))
      vm.throwTypeError(
        "Function.prototype.apply was called on " + typeof t + ", which is not a function",
      );
    const list = arg(args, 1);
    // Getters and proxy traps on the way to length and the elements run in guest code.
    const values = listFromArrayLike(vm, list);
    if (values === null)
      return vm.tailCall(proxyHelper(vm.realm, "applyArrayLike"), undefined, [
        t,
        arg(args, 0),
        list,
      ]);
    return vm.tailCall(t, arg(args, 0), values);
  });
  method(realm, FP, "Function.prototype", "bind", 1, (vm, t, args) => {
    if (!isCallable(t)) vm.throwTypeError("Bind must be called on a function");
    // A proxy's prototype, length and name come from its traps: bind in guest code.
    if (t instanceof ProxyObject)
      return vm.tailCall(proxyHelper(vm.realm, "bind"), undefined, [t, ...args]);
    const target = t as JSObject;
    const b = new BoundFunction(target.proto, target, arg(args, 0), args.slice(1));
    const lenP = target.getOwnProperty("length");
    let len = 0;
    if (lenP && typeof lenP.value === "number")
      len = Math.max(0, Math.trunc(lenP.value) - Math.max(0, args.length - 1));
    if (lenP && lenP.value === Infinity) len = Infinity;
    const nameP = target.getOwnProperty("name");
    b.props.set("length", new Prop(len, PF.Configurable));
    b.props.set(
      "name",
      new Prop(
        "bound " + (nameP && typeof nameP.value === "string" ? nameP.value : ""),
        PF.Configurable,
      ),
    );
    return b;
  });
  method(realm, FP, "Function.prototype", "toString", 0, (vm, t) => {
    if (!isCallable(t))
      vm.throwTypeError("Function.prototype.toString requires that 'this' be a Function");
    return functionSource(t as JSObject);
  });
  const hasInstance = makeNative(
    realm,
    "Function.prototype.[Symbol.hasInstance]",
    "[Symbol.hasInstance]",
    1,
    (vm, t, args) => {
      if (!isCallable(t)) return false;
      const r = vm.ordinaryHasInstance(t as JSObject, arg(args, 0));
      if (r !== null) return r;
      return vm.tailCall(proxyHelper(vm.realm, "ordinaryHasInstance"), undefined, [
        vm.unbound(t as JSObject),
        arg(args, 0),
      ]);
    },
  );
  FP.props.set(realm.wellKnown.hasInstance, new Prop(hasInstance, 0));

  // %ThrowTypeError%: the accessor of strict arguments.callee.
  const tte = makeNative(realm, "%ThrowTypeError%", "", 0, (vm) =>
    vm.throwTypeError(
      "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them",
    ),
  );
  // It is frozen (ECMA-262 10.2.4.1): length and name are neither writable nor configurable.
  for (const key of ["length", "name"]) {
    const p = tte.props.get(key);
    if (p) p.flags = 0;
  }
  tte.preventExtensions();
  realm.ThrowTypeError = tte;

  // Function.prototype.caller/arguments (Annex, as V8 does): null for sloppy
  // functions, a TypeError for strict ones, arrows, methods and classes.
  for (const name of ["caller", "arguments"]) {
    const restricted = (vm: Agent, t: Value): void => {
      const sloppy =
        t instanceof FunctionObject &&
        !(t.code.flags & (FnFlags.Strict | FnFlags.Arrow | FnFlags.Method | FnFlags.Generator)) &&
        !(t.code.flags & FnFlags.Async);
      if (!sloppy)
        vm.throwTypeError(
          "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them",
        );
    };
    const get = makeNative(realm, `Function.prototype.get ${name}`, "", 0, (vm, t) => {
      restricted(vm, t);
      return null;
    });
    const set = makeNative(realm, `Function.prototype.set ${name}`, "", 1, (vm, t) => {
      restricted(vm, t);
      return undefined;
    });
    FP.props.set(name, new Prop(undefined, PF.Accessor | PF.Configurable, get, set));
  }
  void NativeFunction;
}
