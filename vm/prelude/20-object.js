// Object statics that read property values or descriptor objects (which may run
// getters), self-hosted.

/**
 * ToPropertyDescriptor (reading the descriptor object, which may run getters), then
 * [[DefineOwnProperty]]. Returns false when the object refuses the definition.
 */
function definePropertyFromDescriptor(o, key, desc) {
  if (!isObject(desc)) throwTypeError("Property description must be an object: " + collText(desc));
  var mask = 0;
  var value, writable, get, set, enumerable, configurable;
  if ("enumerable" in desc) {
    mask |= 16;
    enumerable = !!desc.enumerable;
  }
  if ("configurable" in desc) {
    mask |= 32;
    configurable = !!desc.configurable;
  }
  if ("value" in desc) {
    mask |= 1;
    value = desc.value;
  }
  if ("writable" in desc) {
    mask |= 2;
    writable = !!desc.writable;
  }
  if ("get" in desc) {
    mask |= 4;
    get = desc.get;
    if (get !== undefined && !isCallable(get)) throwTypeError("Getter must be a function: " + collText(get));
  }
  if ("set" in desc) {
    mask |= 8;
    set = desc.set;
    if (set !== undefined && !isCallable(set)) throwTypeError("Setter must be a function: " + collText(set));
  }
  if (mask & (4 | 8) && mask & (1 | 2))
    throwTypeError(
      "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, " +
        $.receiverText(desc),
    );
  if (mask & 1 && key === "length" && $.isArray(o)) {
    // ArraySetLength (10.4.2.4): the new length must be a valid array length.
    var n = toNumber(value);
    if (n >>> 0 !== n) throwRangeError("Invalid array length");
    value = n;
  }
  if (mask & 1 && isObject(value) && $.isTypedArray(o) && $.taValidKey(o, key))
    value = $.taIsBigInt(o) ? toBigInt(value) : toNumber(value);
  return $.defineOwnProperty(o, key, mask, value, writable, get, set, enumerable, configurable);
}

function toPropertyDescriptorCall(o, key, desc) {
  if (!definePropertyFromDescriptor(o, key, desc)) {
    var name = typeof key === "symbol" ? $.symbolDescriptiveString(key) : key;
    if ($.isProxy(o)) throwTypeError("'defineProperty' on proxy: trap returned falsish for property '" + name + "'");
    throwTypeError("Cannot redefine property: " + name);
  }
}

/** ObjectDefineProperties (the method below is a named function expression that shadows a same-named helper). */
function objectDefineProperties(o, props) {
  var p = toObject(props);
  var keys = $.ownKeys(p);
  var descs = [];
  for (var i = 0; i < keys.length; i++) {
    var d = $.getOwnProperty(p, keys[i]);
    if (d !== undefined && d[0] & 2) push(descs, [keys[i], p[keys[i]]]);
  }
  for (var j = 0; j < descs.length; j++) toPropertyDescriptorCall(o, descs[j][0], descs[j][1]);
  return o;
}

defineMethods(ObjectCtor, [
  function defineProperty(o, p, attributes) {
    if (!isObject(o)) throwTypeError("Object.defineProperty called on non-object");
    toPropertyDescriptorCall(o, toPropertyKey(p), attributes);
    return o;
  },
  function defineProperties(o, properties) {
    if (!isObject(o)) throwTypeError("Object.defineProperties called on non-object");
    return objectDefineProperties(o, properties);
  },
  function create(o, properties) {
    if (o !== null && !isObject(o))
      throwTypeError("Object prototype may only be an Object or null: " + describe(o));
    var obj = $.objectCreate(o);
    if (properties !== undefined) objectDefineProperties(obj, properties);
    return obj;
  },
  function assign(target, sources) {
    var to = toObject(target);
    for (var i = 1; i < arguments.length; i++) {
      var src = arguments[i];
      if (src === undefined || src === null) continue;
      var from = toObject(src);
      var keys = $.ownKeys(from);
      for (var k = 0; k < keys.length; k++) {
        var d = $.getOwnProperty(from, keys[k]);
        if (d !== undefined && d[0] & 2) to[keys[k]] = from[keys[k]];
      }
    }
    return to;
  },
  function values(o) {
    var obj = toObject(o);
    var keys = $.ownKeys(obj);
    var out = [];
    for (var k = 0; k < keys.length; k++) {
      if (typeof keys[k] !== "string") continue;
      var d = $.getOwnProperty(obj, keys[k]);
      if (d !== undefined && d[0] & 2) push(out, obj[keys[k]]);
    }
    return out;
  },
  function entries(o) {
    var obj = toObject(o);
    var keys = $.ownKeys(obj);
    var out = [];
    for (var k = 0; k < keys.length; k++) {
      if (typeof keys[k] !== "string") continue;
      var d = $.getOwnProperty(obj, keys[k]);
      if (d !== undefined && d[0] & 2) push(out, [keys[k], obj[keys[k]]]);
    }
    return out;
  },
  function fromEntries(iterable) {
    if (iterable === undefined || iterable === null)
      throwTypeError(describe(iterable) + " is not iterable");
    var obj = {};
    for (var entry of iterable) {
      if (!isObject(entry))
        throwTypeError("Iterator value " + describe(entry) + " is not an entry object");
      $.createDataProperty(obj, toPropertyKey(entry[0]), entry[1]);
    }
    return obj;
  },
  function groupBy(items, callbackfn) {
    callbackCheck(callbackfn);
    var obj = ObjectCtor.create(null);
    var k = 0;
    for (var v of items) {
      var key = toPropertyKey(call(callbackfn, undefined, v, k++));
      if (!(key in obj)) $.createDataProperty(obj, key, []);
      push(obj[key], v);
    }
    return obj;
  },
]);

defineMethods(ObjectCtor.prototype, [
  function toLocaleString() {
    return call(this.toString, this);
  },
]);

// Annex B.2.2.2–5: the legacy accessor methods, over DefinePropertyOrThrow and a walk
// of the prototype chain ([[GetOwnProperty]]/[[GetPrototypeOf]], so proxies trap).
function legacyDefineAccessor(O, P, fn, getter) {
  var o = toObject(O);
  if (!isCallable(fn))
    throwTypeError("Object.prototype.__define" + (getter ? "Getter" : "Setter") + "__: Expecting function");
  var key = toPropertyKey(P);
  var ok = getter
    ? $.defineOwnProperty(o, key, 4 | 16 | 32, undefined, false, fn, undefined, true, true)
    : $.defineOwnProperty(o, key, 8 | 16 | 32, undefined, false, undefined, fn, true, true);
  if (!ok) {
    var name = typeof key === "symbol" ? $.symbolDescriptiveString(key) : key;
    if ($.isProxy(o)) throwTypeError("'defineProperty' on proxy: trap returned falsish for property '" + name + "'");
    if ($.getOwnProperty(o, key) === undefined && !$.isExtensible(o))
      throwTypeError("Cannot define property " + name + ", object is not extensible");
    throwTypeError("Cannot redefine property: " + name);
  }
}

function legacyLookupAccessor(O, P, getter) {
  var o = toObject(O);
  var key = toPropertyKey(P);
  while (o !== null) {
    var d = $.getOwnProperty(o, key);
    if (d !== undefined) {
      if (!(d[0] & 8)) return undefined; // PF.Accessor
      return getter ? d[2] : d[3];
    }
    o = $.getPrototypeOf(o);
  }
  return undefined;
}

defineMethods(ObjectCtor.prototype, [
  function __defineGetter__(P, getter) {
    legacyDefineAccessor(this, P, getter, true);
  },
  function __defineSetter__(P, setter) {
    legacyDefineAccessor(this, P, setter, false);
  },
  function __lookupGetter__(P) {
    return legacyLookupAccessor(this, P, true);
  },
  function __lookupSetter__(P) {
    return legacyLookupAccessor(this, P, false);
  },
]);
// Node's order of Object.prototype's own properties.
$.orderOwn(ObjectCtor.prototype, [
  "constructor",
  "__defineGetter__",
  "__defineSetter__",
  "hasOwnProperty",
  "__lookupGetter__",
  "__lookupSetter__",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toString",
  "valueOf",
  "__proto__",
  "toLocaleString",
]);

/** Object.prototype.toString when Symbol.toStringTag is an accessor (guest code). */
function objectToStringTag(o, builtin) {
  var tag = o[global.Symbol.toStringTag];
  return "[object " + (typeof tag === "string" ? tag : builtin) + "]";
}
