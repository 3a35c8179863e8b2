// JSON.stringify (ECMA-262 25.5.2), self-hosted: toJSON methods, replacer functions
// and getters are guest code.

var JSONObject = global.JSON;

function jsonQuote(s) {
  return $.jsonQuote(s);
}

function serializeJSONProperty(state, key, holder) {
  var value = holder[key];
  if (isObject(value) || typeof value === "bigint") {
    var toJSON = value.toJSON;
    if (isCallable(toJSON)) value = call(toJSON, value, key);
  }
  if (state.replacer !== undefined) value = call(state.replacer, holder, key, value);
  if (isObject(value)) {
    var cls = $.classOf(value);
    if (cls === "Number") value = toNumber(value);
    else if (cls === "String") value = toString(value);
    else if (cls === "Boolean" || cls === "BigInt") value = $.primitiveOf(value);
  }
  if (value === null) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (typeof value === "string") return jsonQuote(value);
  if (typeof value === "number")
    return value === value && value !== Infinity && value !== -Infinity ? toString(value) : "null";
  if (typeof value === "bigint") throwTypeError("Do not know how to serialize a BigInt");
  if (isObject(value) && !isCallable(value))
    return $.isArray(value) ? serializeJSONArray(state, value) : serializeJSONObject(state, value);
  return undefined;
}

function checkCycle(state, value) {
  if ($.holds(state.stack, value)) throwTypeError("Converting circular structure to JSON");
}

function serializeJSONObject(state, value) {
  checkCycle(state, value);
  push(state.stack, value);
  var stepback = state.indent;
  state.indent = state.indent + state.gap;
  var keys = state.propertyList;
  if (keys === undefined) keys = ObjectCtor.keys(value);
  var partial = [];
  for (var i = 0; i < keys.length; i++) {
    var p = keys[i];
    var str = serializeJSONProperty(state, p, value);
    if (str !== undefined) push(partial, jsonQuote(p) + (state.gap === "" ? ":" : ": ") + str);
  }
  var out;
  if (partial.length === 0) out = "{}";
  else if (state.gap === "") out = "{" + partial.join(",") + "}";
  else out = "{\n" + state.indent + partial.join(",\n" + state.indent) + "\n" + stepback + "}";
  state.stack.pop();
  state.indent = stepback;
  return out;
}

function serializeJSONArray(state, value) {
  checkCycle(state, value);
  push(state.stack, value);
  var stepback = state.indent;
  state.indent = state.indent + state.gap;
  var partial = [];
  var len = lengthOf(value);
  for (var i = 0; i < len; i++) {
    var str = serializeJSONProperty(state, "" + i, value);
    push(partial, str === undefined ? "null" : str);
  }
  var out;
  if (partial.length === 0) out = "[]";
  else if (state.gap === "") out = "[" + partial.join(",") + "]";
  else out = "[\n" + state.indent + partial.join(",\n" + state.indent) + "\n" + stepback + "]";
  state.stack.pop();
  state.indent = stepback;
  return out;
}

defineMethods(JSONObject, [
  function stringify(value, replacer, space) {
    if (replacer === undefined && space === undefined) {
      // Plain data is serialized natively (builtins/json-fast.ts); null: not handled.
      var fast = $.fastStringify(value);
      if (fast !== null) return fast;
    }
    var state = { replacer: undefined, propertyList: undefined, stack: [], indent: "", gap: "" };
    if (isCallable(replacer)) state.replacer = replacer;
    else if ($.isArray(replacer)) {
      var list = [];
      var len = lengthOf(replacer);
      for (var i = 0; i < len; i++) {
        var v = replacer[i];
        var item;
        if (typeof v === "string") item = v;
        else if (typeof v === "number") item = toString(v);
        else if (isObject(v) && ($.classOf(v) === "String" || $.classOf(v) === "Number"))
          item = toString(v);
        if (item !== undefined && list.indexOf(item) < 0) push(list, item);
      }
      state.propertyList = list;
    }
    if (isObject(space)) {
      var cls = $.classOf(space);
      if (cls === "Number") space = toNumber(space);
      else if (cls === "String") space = toString(space);
    }
    if (typeof space === "number") {
      var n = MathMin(10, toIntegerOrInfinity(space));
      state.gap = n >= 1 ? "          ".slice(0, n) : "";
    } else if (typeof space === "string") state.gap = space.slice(0, 10);
    var wrapper = {};
    $.createDataProperty(wrapper, "", value);
    return serializeJSONProperty(state, "", wrapper);
  },
]);

function jsonRevive(value, reviver) {
  var root = {};
  $.createDataProperty(root, "", value);
  return internalizeJSONProperty(root, "", reviver);
}

function internalizeJSONProperty(holder, name, reviver) {
  var val = holder[name];
  if (isObject(val)) {
    if ($.isArray(val)) {
      var len = lengthOf(val);
      for (var i = 0; i < len; i++) reviveElement(val, "" + i, reviver);
    } else {
      var keys = ObjectCtor.keys(val);
      for (var k = 0; k < keys.length; k++) reviveElement(val, keys[k], reviver);
    }
  }
  return call(reviver, holder, name, val);
}

function reviveElement(val, key, reviver) {
  var v = internalizeJSONProperty(val, key, reviver);
  if (v === undefined) delete val[key];
  else $.createDataProperty(val, key, v);
}
