// Proxy internal methods (ECMA-262 10.5), self-hosted: each one looks up the trap,
// calls it and checks the invariants the spec imposes on its result, with V8's
// messages. The interpreter and the natives ($.getOwnProperty, Reflect.get, …) hand
// any ProxyObject they meet to these functions, so traps run as ordinary guest calls.
//
// Descriptors are handled here as records [mask, value, writable, get, set,
// enumerable, configurable] (mask bits as $.defineOwnProperty takes them: 1 value,
// 2 writable, 4 get, 8 set, 16 enumerable, 32 configurable); $.getOwnProperty gives
// raw [flags, value, get, set] (flags: 1 writable, 2 enumerable, 4 configurable,
// 8 accessor).

var proxyReflectGet = reflectObject.get;
var proxyReflectSet = reflectObject.set;
var proxyReflectHas = reflectObject.has;

function proxySameValue(a, b) {
  if (a === b) return a !== 0 || 1 / a === 1 / b;
  return a !== a && b !== b;
}

function proxyTrap(handler, name) {
  var trap = handler[name];
  if (trap === undefined || trap === null) return undefined;
  if (!isCallable(trap))
    throwTypeError(
      "'" + collText(trap) + "' returned for property '" + name + "' of object '" + collText(handler) + "' is not a function",
    );
  return trap;
}

function proxyListHas(list, v) {
  for (var i = 0; i < list.length; i++) if (list[i] === v) return true;
  return false;
}

// ---- descriptor records ------------------------------------------------------------

function rawToRec(raw) {
  var f = raw[0];
  if (f & 8) return [4 | 8 | 16 | 32, undefined, false, raw[2], raw[3], (f & 2) !== 0, (f & 4) !== 0];
  return [1 | 2 | 16 | 32, raw[1], (f & 1) !== 0, undefined, undefined, (f & 2) !== 0, (f & 4) !== 0];
}

/** ToPropertyDescriptor (6.2.6.5): reads the fields (getters may run) in spec order. */
function toDescRec(obj) {
  if (!isObject(obj)) throwTypeError("Property description must be an object: " + collText(obj));
  var d = [0, undefined, false, undefined, undefined, false, false];
  if ("enumerable" in obj) {
    d[0] |= 16;
    d[5] = !!obj.enumerable;
  }
  if ("configurable" in obj) {
    d[0] |= 32;
    d[6] = !!obj.configurable;
  }
  if ("value" in obj) {
    d[0] |= 1;
    d[1] = obj.value;
  }
  if ("writable" in obj) {
    d[0] |= 2;
    d[2] = !!obj.writable;
  }
  if ("get" in obj) {
    d[0] |= 4;
    d[3] = obj.get;
    if (d[3] !== undefined && !isCallable(d[3])) throwTypeError("Getter must be a function: " + collText(d[3]));
  }
  if ("set" in obj) {
    d[0] |= 8;
    d[4] = obj.set;
    if (d[4] !== undefined && !isCallable(d[4])) throwTypeError("Setter must be a function: " + collText(d[4]));
  }
  if (d[0] & (4 | 8) && d[0] & (1 | 2))
    throwTypeError(
      "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, " +
        $.receiverText(obj),
    );
  return d;
}

/** CompletePropertyDescriptor (6.2.6.6). */
function completeRec(d) {
  if (d[0] & (4 | 8)) d[0] |= 4 | 8 | 16 | 32;
  else d[0] |= 1 | 2 | 16 | 32;
  return d;
}

/** FromPropertyDescriptor (6.2.6.4). */
function recToObject(d) {
  var o = {};
  if (d[0] & 1) $.createDataProperty(o, "value", d[1]);
  if (d[0] & 2) $.createDataProperty(o, "writable", d[2]);
  if (d[0] & 4) $.createDataProperty(o, "get", d[3]);
  if (d[0] & 8) $.createDataProperty(o, "set", d[4]);
  if (d[0] & 16) $.createDataProperty(o, "enumerable", d[5]);
  if (d[0] & 32) $.createDataProperty(o, "configurable", d[6]);
  return o;
}

function recToRaw(d) {
  var f = (d[5] ? 2 : 0) | (d[6] ? 4 : 0);
  if (d[0] & (4 | 8)) return [f | 8, undefined, d[3], d[4]];
  return [f | (d[2] ? 1 : 0), d[1], undefined, undefined];
}

/** IsCompatiblePropertyDescriptor (10.1.6.2): ValidateAndApplyPropertyDescriptor without O. */
function isCompatibleRec(extensible, d, current) {
  if (current === undefined) return extensible;
  if ((d[0] & 63) === 0) return true;
  if (current[6]) return true;
  if (d[0] & 32 && d[6]) return false;
  if (d[0] & 16 && d[5] !== current[5]) return false;
  var currentAccessor = (current[0] & (4 | 8)) !== 0;
  if (d[0] & (1 | 2 | 4 | 8) && ((d[0] & (4 | 8)) !== 0) !== currentAccessor) return false;
  if (currentAccessor) {
    if (d[0] & 4 && d[3] !== current[3]) return false;
    if (d[0] & 8 && d[4] !== current[4]) return false;
  } else if (!current[2]) {
    if (d[0] & 2 && d[2]) return false;
    if (d[0] & 1 && !proxySameValue(d[1], current[1])) return false;
  }
  return true;
}

function targetRec(target, key) {
  var raw = $.getOwnProperty(target, key);
  return raw === undefined ? undefined : rawToRec(raw);
}

// ---- the internal methods ----------------------------------------------------------

function proxyGetPrototypeOf(p) {
  var handler = $.proxyHandler(p, "getPrototypeOf");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "getPrototypeOf");
  if (trap === undefined) return $.getPrototypeOf(target);
  var proto = call(trap, handler, target);
  if (proto !== null && !isObject(proto))
    throwTypeError("'getPrototypeOf' on proxy: trap returned neither object nor null");
  if ($.isExtensible(target)) return proto;
  if (proto !== $.getPrototypeOf(target))
    throwTypeError(
      "'getPrototypeOf' on proxy: proxy target is non-extensible but the trap did not return its actual prototype",
    );
  return proto;
}

function proxySetPrototypeOf(p, proto) {
  var handler = $.proxyHandler(p, "setPrototypeOf");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "setPrototypeOf");
  if (trap === undefined) return $.setPrototypeOf(target, proto);
  if (!call(trap, handler, target, proto)) return false;
  if ($.isExtensible(target)) return true;
  if (proto !== $.getPrototypeOf(target))
    throwTypeError(
      "'setPrototypeOf' on proxy: trap returned truish for setting a new prototype on the non-extensible proxy target",
    );
  return true;
}

function proxyIsExtensible(p) {
  var handler = $.proxyHandler(p, "isExtensible");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "isExtensible");
  if (trap === undefined) return $.isExtensible(target);
  var r = !!call(trap, handler, target);
  var t = $.isExtensible(target);
  if (r !== t)
    throwTypeError(
      "'isExtensible' on proxy: trap result does not reflect extensibility of proxy target (which is '" + t + "')",
    );
  return r;
}

function proxyPreventExtensions(p) {
  var handler = $.proxyHandler(p, "preventExtensions");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "preventExtensions");
  if (trap === undefined) return $.preventExtensions(target);
  var r = !!call(trap, handler, target);
  if (r && $.isExtensible(target))
    throwTypeError("'preventExtensions' on proxy: trap returned truish but the proxy target is extensible");
  return r;
}

/** [[GetOwnProperty]]: a complete record or undefined. */
function proxyGetOwnProperty(p, key) {
  var handler = $.proxyHandler(p, "getOwnPropertyDescriptor");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "getOwnPropertyDescriptor");
  if (trap === undefined) return targetRec(target, key);
  var res = call(trap, handler, target, key);
  var name = collText(key);
  if (res !== undefined && !isObject(res))
    throwTypeError(
      "'getOwnPropertyDescriptor' on proxy: trap returned neither object nor undefined for property '" + name + "'",
    );
  var targetDesc = targetRec(target, key);
  if (res === undefined) {
    if (targetDesc === undefined) return undefined;
    if (!targetDesc[6])
      throwTypeError(
        "'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '" +
          name +
          "' which is non-configurable in the proxy target",
      );
    if (!$.isExtensible(target))
      throwTypeError(
        "'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '" +
          name +
          "' which exists in the non-extensible proxy target",
      );
    return undefined;
  }
  var extensible = $.isExtensible(target);
  var d = completeRec(toDescRec(res));
  if (!isCompatibleRec(extensible, d, targetDesc))
    throwTypeError(
      "'getOwnPropertyDescriptor' on proxy: trap returned descriptor for property '" +
        name +
        "' that is incompatible with the existing property in the proxy target",
    );
  if (!d[6]) {
    if (targetDesc === undefined || targetDesc[6])
      throwTypeError(
        "'getOwnPropertyDescriptor' on proxy: trap reported non-configurability for property '" +
          name +
          "' which is either non-existent or configurable in the proxy target",
      );
    if (d[0] & 2 && !d[2] && targetDesc[2])
      throwTypeError(
        "'getOwnPropertyDescriptor' on proxy: trap reported non-configurable and writable for property '" +
          name +
          "' which is non-configurable, non-writable in the proxy target",
      );
  }
  return d;
}

/** [[DefineOwnProperty]] with a (possibly partial) record. */
function proxyDefineOwnProperty(p, key, d) {
  var handler = $.proxyHandler(p, "defineProperty");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "defineProperty");
  if (trap === undefined) return $.defineOwnProperty(target, key, d[0], d[1], d[2], d[3], d[4], d[5], d[6]);
  if (!call(trap, handler, target, key, recToObject(d))) return false;
  var name = collText(key);
  var targetDesc = targetRec(target, key);
  var extensible = $.isExtensible(target);
  var settingConfigFalse = (d[0] & 32) !== 0 && !d[6];
  if (targetDesc === undefined) {
    if (!extensible)
      throwTypeError(
        "'defineProperty' on proxy: trap returned truish for adding property '" +
          name +
          "'  to the non-extensible proxy target",
      );
    if (settingConfigFalse)
      throwTypeError(
        "'defineProperty' on proxy: trap returned truish for defining non-configurable property '" +
          name +
          "' which is either non-existent or configurable in the proxy target",
      );
    return true;
  }
  if (!isCompatibleRec(extensible, d, targetDesc))
    throwTypeError(
      "'defineProperty' on proxy: trap returned truish for adding property '" +
        name +
        "'  that is incompatible with the existing property in the proxy target",
    );
  if (settingConfigFalse && targetDesc[6])
    throwTypeError(
      "'defineProperty' on proxy: trap returned truish for defining non-configurable property '" +
        name +
        "' which is either non-existent or configurable in the proxy target",
    );
  if (!(targetDesc[0] & (4 | 8)) && !targetDesc[6] && targetDesc[2] && d[0] & 2 && !d[2])
    throwTypeError(
      "'defineProperty' on proxy: trap returned truish for defining non-configurable property '" +
        name +
        "' which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object.",
    );
  return true;
}

function proxyHas(p, key) {
  var handler = $.proxyHandler(p, "has");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "has");
  if (trap === undefined) return call(proxyReflectHas, undefined, target, key);
  var r = !!call(trap, handler, target, key);
  if (!r) {
    var raw = $.getOwnProperty(target, key);
    if (raw !== undefined) {
      if (!(raw[0] & 4))
        throwTypeError(
          "'has' on proxy: trap returned falsish for property '" +
            collText(key) +
            "' which exists in the proxy target as non-configurable",
        );
      if (!$.isExtensible(target))
        throwTypeError(
          "'has' on proxy: trap returned falsish for property '" +
            collText(key) +
            "' but the proxy target is not extensible",
        );
    }
  }
  return r;
}

/** [[Get]]; `this` is the receiver (the interpreter calls it like a getter). */
function proxyGet(p, key) {
  var receiver = this;
  var handler = $.proxyHandler(p, "get");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "get");
  if (trap === undefined) return call(proxyReflectGet, undefined, target, key, receiver);
  var v = call(trap, handler, target, key, receiver);
  var raw = $.getOwnProperty(target, key);
  if (raw !== undefined && !(raw[0] & 4)) {
    if (!(raw[0] & 8) && !(raw[0] & 1) && !proxySameValue(v, raw[1]))
      throwTypeError(
        "'get' on proxy: property '" +
          collText(key) +
          "' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value (expected '" +
          collText(raw[1]) +
          "' but got '" +
          collText(v) +
          "')",
      );
    if (raw[0] & 8 && raw[2] === undefined && v !== undefined)
      throwTypeError(
        "'get' on proxy: property '" +
          collText(key) +
          "' is a non-configurable accessor property on the proxy target and does not have a getter function, but the trap did not return 'undefined' (got '" +
          collText(v) +
          "')",
      );
  }
  return v;
}

/** [[Set]]; `this` is the receiver. A refusal throws when `strict` (an assignment in strict code). */
function proxySet(p, key, value, strict) {
  var receiver = this;
  var handler = $.proxyHandler(p, "set");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "set");
  if (trap === undefined) {
    var ok = call(proxyReflectSet, undefined, target, key, value, receiver);
    if (!ok && strict)
      throwTypeError("Cannot assign to read only property '" + collText(key) + "' of object '" + collText(receiver) + "'");
    return ok;
  }
  if (!call(trap, handler, target, key, value, receiver)) {
    if (strict) throwTypeError("'set' on proxy: trap returned falsish for property '" + collText(key) + "'");
    return false;
  }
  var raw = $.getOwnProperty(target, key);
  if (raw !== undefined && !(raw[0] & 4)) {
    if (!(raw[0] & 8) && !(raw[0] & 1) && !proxySameValue(value, raw[1]))
      throwTypeError(
        "'set' on proxy: trap returned truish for property '" +
          collText(key) +
          "' which exists in the proxy target as a non-configurable and non-writable data property with a different value",
      );
    if (raw[0] & 8 && raw[3] === undefined)
      throwTypeError(
        "'set' on proxy: trap returned truish for property '" +
          collText(key) +
          "' which exists in the proxy target as a non-configurable and non-writable accessor property without a setter",
      );
  }
  return true;
}

function proxyDeleteProperty(p, key, strict) {
  var handler = $.proxyHandler(p, "deleteProperty");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "deleteProperty");
  if (trap === undefined) {
    var ok = $.deleteOwn(target, key);
    if (!ok && strict) throwTypeError("Cannot delete property '" + collText(key) + "' of " + collText(target));
    return ok;
  }
  if (!call(trap, handler, target, key)) {
    if (strict) throwTypeError("'deleteProperty' on proxy: trap returned falsish for property '" + collText(key) + "'");
    return false;
  }
  var raw = $.getOwnProperty(target, key);
  if (raw === undefined) return true;
  if (!(raw[0] & 4))
    throwTypeError(
      "'deleteProperty' on proxy: trap returned truish for property '" +
        collText(key) +
        "' which is non-configurable in the proxy target",
    );
  if (!$.isExtensible(target))
    throwTypeError(
      "'deleteProperty' on proxy: trap returned truish for property '" +
        collText(key) +
        "' but the proxy target is non-extensible",
    );
  return true;
}

function proxyOwnKeys(p) {
  var handler = $.proxyHandler(p, "ownKeys");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "ownKeys");
  if (trap === undefined) return $.ownKeys(target);
  var res = call(trap, handler, target);
  if (!isObject(res)) throwTypeError("CreateListFromArrayLike called on non-object");
  var len = lengthOf(res);
  var keys = [];
  for (var i = 0; i < len; i++) {
    var k = res[i];
    if (typeof k !== "string" && typeof k !== "symbol") throwTypeError(collText(k) + " is not a valid property name");
    push(keys, k);
  }
  for (var j = 0; j < keys.length; j++)
    for (var j2 = j + 1; j2 < keys.length; j2++)
      if (keys[j] === keys[j2]) throwTypeError("'ownKeys' on proxy: trap returned duplicate entries");
  var extensible = $.isExtensible(target);
  var targetKeys = $.ownKeys(target);
  var fixed = [];
  var configurable = [];
  for (var t = 0; t < targetKeys.length; t++) {
    var raw = $.getOwnProperty(target, targetKeys[t]);
    if (raw !== undefined && !(raw[0] & 4)) push(fixed, targetKeys[t]);
    else push(configurable, targetKeys[t]);
  }
  if (extensible && fixed.length === 0) return keys;
  var used = [];
  for (var u = 0; u < keys.length; u++) push(used, false);
  var mustHave = function (key) {
    for (var m = 0; m < keys.length; m++)
      if (!used[m] && keys[m] === key) {
        used[m] = true;
        return;
      }
    throwTypeError("'ownKeys' on proxy: trap result did not include '" + collText(key) + "'");
  };
  for (var f = 0; f < fixed.length; f++) mustHave(fixed[f]);
  if (extensible) return keys;
  for (var c = 0; c < configurable.length; c++) mustHave(configurable[c]);
  for (var r = 0; r < used.length; r++)
    if (!used[r]) throwTypeError("'ownKeys' on proxy: trap returned extra keys but proxy target is non-extensible");
  return keys;
}

function proxyCall(p, thisArg, args) {
  var handler = $.proxyHandler(p, "apply");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "apply");
  if (trap === undefined) return apply(target, thisArg, args);
  return call(trap, handler, target, thisArg, args);
}

function proxyConstruct(p, args, newTarget) {
  var handler = $.proxyHandler(p, "construct");
  var target = $.proxyTarget(p);
  var trap = proxyTrap(handler, "construct");
  if (trap === undefined) return $.constructWith(target, args, newTarget);
  var r = call(trap, handler, target, args, newTarget);
  if (!isObject(r)) throwTypeError("'construct' on proxy: trap returned non-object ('" + collText(r) + "')");
  return r;
}

/** [[Construct]] of a guest function whose new.target is a proxy: its prototype is a [[Get]]. */
function proxyConstructWithNewTarget(F, args, newTarget) {
  var proto = newTarget.prototype;
  return $.constructWith(F, args, newTarget, isObject(proto) ? proto : null);
}

// ---- for-in over a prototype chain that reaches a proxy ----------------------------

/** Collects the keys the way V8 does: a proxy's ownKeys are checked one by one later. */
function proxyForInStart(v) {
  var o = toObject(v);
  var keys = [];
  var seen = [];
  var cur = o;
  while (cur !== null) {
    var own = $.ownKeys(cur);
    var isProxy = $.isProxy(cur);
    for (var i = 0; i < own.length; i++) {
      var k = own[i];
      if (typeof k !== "string" || proxyListHas(seen, k)) continue;
      push(seen, k);
      if (isProxy) push(keys, k);
      else {
        var raw = $.getOwnProperty(cur, k);
        if (raw !== undefined && raw[0] & 2) push(keys, k);
      }
    }
    var next = $.getPrototypeOf(cur);
    if (isProxy && cur !== o) break;
    cur = next;
  }
  return $.makeProxyForIn(o, keys);
}

/** Whether the loop still visits `key`: it must be found (enumerable, if on a proxy). */
function proxyForInFilter(it, o, key) {
  var cur = o;
  var found = false;
  while (cur !== null) {
    var raw = $.getOwnProperty(cur, key);
    if (raw !== undefined) {
      found = !$.isProxy(cur) || (raw[0] & 2) !== 0;
      break;
    }
    cur = $.getPrototypeOf(cur);
  }
  $.forInVerdict(it, found);
}

// ---- built-ins given a proxy (the natives tail-call these) ------------------------

function proxyObjectKeys(o) {
  var keys = $.ownKeys(o);
  var out = [];
  for (var i = 0; i < keys.length; i++) {
    if (typeof keys[i] !== "string") continue;
    var raw = $.getOwnProperty(o, keys[i]);
    if (raw !== undefined && raw[0] & 2) push(out, keys[i]);
  }
  return out;
}

function proxyKeysOfType(o, type) {
  var keys = $.ownKeys(o);
  var out = [];
  for (var i = 0; i < keys.length; i++) if (typeof keys[i] === type) push(out, keys[i]);
  return out;
}

function proxyGetOwnPropertyDescriptors(o) {
  var keys = $.ownKeys(o);
  var out = {};
  for (var i = 0; i < keys.length; i++) {
    var raw = $.getOwnProperty(o, keys[i]);
    if (raw !== undefined) $.createDataProperty(out, keys[i], recToObject(rawToRec(raw)));
  }
  return out;
}

function proxyDefineOrThrow(o, key, mask, writable) {
  if (!$.defineOwnProperty(o, key, mask, undefined, writable, undefined, undefined, false, false))
    throwTypeError("'defineProperty' on proxy: trap returned falsish for property '" + collText(key) + "'");
}

/** SetIntegrityLevel (7.3.15). */
function proxySetIntegrity(o, frozen) {
  if (!$.preventExtensions(o)) throwTypeError("'preventExtensions' on proxy: trap returned falsish");
  var keys = $.ownKeys(o);
  for (var i = 0; i < keys.length; i++) {
    if (!frozen) proxyDefineOrThrow(o, keys[i], 32, false);
    else {
      var raw = $.getOwnProperty(o, keys[i]);
      if (raw !== undefined) proxyDefineOrThrow(o, keys[i], raw[0] & 8 ? 32 : 2 | 32, false);
    }
  }
  return o;
}

/** TestIntegrityLevel (7.3.16). */
function proxyTestIntegrity(o, frozen) {
  if ($.isExtensible(o)) return false;
  var keys = $.ownKeys(o);
  for (var i = 0; i < keys.length; i++) {
    var raw = $.getOwnProperty(o, keys[i]);
    if (raw === undefined) continue;
    if (raw[0] & 4) return false;
    if (frozen && !(raw[0] & 8) && raw[0] & 1) return false;
  }
  return true;
}

/** OrdinaryHasInstance (7.3.22) when C or O's prototype chain is a proxy. */
function proxyOrdinaryHasInstance(C, O) {
  if (!isCallable(C)) return false;
  if (!isObject(O)) return false;
  var P = C.prototype;
  if (!isObject(P)) throwTypeError("Function has non-object prototype '" + collText(P) + "' in instanceof check");
  for (;;) {
    O = $.getPrototypeOf(O);
    if (O === null) return false;
    if (O === P) return true;
  }
}

/** The receiver half of OrdinarySet (10.1.9.2 step 3) when the receiver is a proxy. */
function proxyReceiverSet(receiver, key, value) {
  var raw = $.getOwnProperty(receiver, key);
  if (raw !== undefined) {
    if (raw[0] & 8 || !(raw[0] & 1)) return false;
    return $.defineOwnProperty(receiver, key, 1, value);
  }
  return $.createDataProperty(receiver, key, value);
}

/** Function.prototype.bind of a proxy: its prototype, length and name are trap calls. */
function proxyBind(target, thisArg) {
  var args = [];
  for (var i = 2; i < arguments.length; i++) push(args, arguments[i]);
  var proto = $.getPrototypeOf(target);
  var len = 0;
  if ($.getOwnProperty(target, "length") !== undefined) {
    var l = target.length;
    if (typeof l === "number") {
      if (l === Infinity) len = Infinity;
      else if (l !== -Infinity) {
        l = toIntegerOrInfinity(l) - args.length;
        len = l > 0 ? l : 0;
      }
    }
  }
  var name = target.name;
  if (typeof name !== "string") name = "";
  return $.makeBound(target, proto, thisArg, args, len, "bound " + name);
}

var proxyHelpers = {
  get: proxyGet,
  set: proxySet,
  has: proxyHas,
  deleteProperty: proxyDeleteProperty,
  ownKeys: proxyOwnKeys,
  getOwnPropertyDescriptor: function getOwnPropertyDescriptor(p, key) {
    var d = proxyGetOwnProperty(p, key);
    return d === undefined ? undefined : recToObject(d);
  },
  getOwnPropertyRaw: function getOwnPropertyRaw(p, key) {
    var d = proxyGetOwnProperty(p, key);
    return d === undefined ? undefined : recToRaw(d);
  },
  defineOwnPropertyMask: function defineOwnPropertyMask(p, key, mask, value, writable, get, set, enumerable, configurable, orThrow) {
    var ok = proxyDefineOwnProperty(p, key, [mask, value, !!writable, get, set, !!enumerable, !!configurable]);
    if (!ok && orThrow) throwTypeError("'defineProperty' on proxy: trap returned falsish for property '" + String(key) + "'");
    return ok;
  },
  getPrototypeOf: proxyGetPrototypeOf,
  setPrototypeOf: proxySetPrototypeOf,
  setPrototypeOfOrThrow: function setPrototypeOfOrThrow(p, proto) {
    if (!proxySetPrototypeOf(p, proto))
      throwTypeError("'setPrototypeOf' on proxy: trap returned falsish for property 'undefined'");
    return p;
  },
  preventExtensionsOrThrow: function preventExtensionsOrThrow(p) {
    if (!proxyPreventExtensions(p)) throwTypeError("'preventExtensions' on proxy: trap returned falsish");
    return p;
  },
  isExtensible: proxyIsExtensible,
  preventExtensions: proxyPreventExtensions,
  call: proxyCall,
  construct: proxyConstruct,
  constructWithNewTarget: proxyConstructWithNewTarget,
  forInStart: proxyForInStart,
  forInFilter: proxyForInFilter,
  objectKeys: proxyObjectKeys,
  getOwnPropertyNames: function getOwnPropertyNames(o) {
    return proxyKeysOfType(o, "string");
  },
  getOwnPropertySymbols: function getOwnPropertySymbols(o) {
    return proxyKeysOfType(o, "symbol");
  },
  getOwnPropertyDescriptors: proxyGetOwnPropertyDescriptors,
  setIntegrity: proxySetIntegrity,
  testIntegrity: proxyTestIntegrity,
  hasOwn: function hasOwn(o, key) {
    return $.getOwnProperty(o, key) !== undefined;
  },
  propertyIsEnumerable: function propertyIsEnumerable(o, key) {
    var raw = $.getOwnProperty(o, key);
    return raw !== undefined && (raw[0] & 2) !== 0;
  },
  ordinaryHasInstance: proxyOrdinaryHasInstance,
  /** Object.prototype.isPrototypeOf from a proxy on v's chain on (the native did the rest). */
  isPrototypeOf: function isPrototypeOf(o, v) {
    for (;;) {
      v = $.getPrototypeOf(v);
      if (v === null) return false;
      if (v === o) return true;
    }
  },
  receiverSet: proxyReceiverSet,
  bind: proxyBind,
  /** Function.prototype.apply with a proxy as the argument list. */
  applyArrayLike: function applyArrayLike(f, thisArg, list) {
    return apply(f, thisArg, collListFromArrayLike(list));
  },
};
