// Error.prototype.toString (ECMA-262 20.5.3.4): `name` and `message` are read with
// [[Get]] (getters run) and converted with ToString, so it is self-hosted.

defineMethod(global.Error.prototype, "toString", {
  toString() {
    var o = this;
    if (!isObject(o)) {
      var shown = typeof o === "symbol" ? $.symbolDescriptiveString(o) : "" + o;
      throwTypeError("Method Error.prototype.toString called on incompatible receiver " + shown);
    }
    var name = o.name;
    name = name === undefined ? "Error" : toString(name);
    var msg = o.message;
    msg = msg === undefined ? "" : toString(msg);
    if (name === "") return msg;
    if (msg === "") return name;
    return name + ": " + msg;
  },
}.toString);

// Error.captureStackTrace(target) while Error.prepareStackTrace is a function (V8's
// stack trace API, which depd and others use to find their caller): the function is
// called with the target and V8-style call sites, and what it returns is the stack.
// `frames` are [functionName, fileName, line, column] from the native.
var callSiteProto = {};
defineMethod(callSiteProto, "getFunctionName", function getFunctionName() {
  return this._frame[4] || null;
});
defineMethod(callSiteProto, "getMethodName", function getMethodName() {
  return null;
});
defineMethod(callSiteProto, "getTypeName", function getTypeName() {
  return null;
});
defineMethod(callSiteProto, "getFileName", function getFileName() {
  return this._frame[1] || undefined;
});
defineMethod(callSiteProto, "getScriptNameOrSourceURL", function getScriptNameOrSourceURL() {
  return this._frame[1] || undefined;
});
defineMethod(callSiteProto, "getLineNumber", function getLineNumber() {
  return this._frame[2];
});
defineMethod(callSiteProto, "getColumnNumber", function getColumnNumber() {
  return this._frame[3];
});
defineMethod(callSiteProto, "getThis", function getThis() {
  return undefined;
});
defineMethod(callSiteProto, "getFunction", function getFunction() {
  return undefined;
});
defineMethod(callSiteProto, "getEvalOrigin", function getEvalOrigin() {
  return undefined;
});
function callSiteNo() {
  return false;
}
defineMethod(callSiteProto, "isEval", callSiteNo);
defineMethod(callSiteProto, "isNative", callSiteNo);
defineMethod(callSiteProto, "isConstructor", callSiteNo);
defineMethod(callSiteProto, "isAsync", callSiteNo);
defineMethod(callSiteProto, "isPromiseAll", callSiteNo);
defineMethod(callSiteProto, "isToplevel", function isToplevel() {
  return !this._frame[0];
});
defineMethod(callSiteProto, "toString", function toString() {
  var f = this._frame;
  // A built-in's frame (Array.forEach) has no position.
  var loc = f[2] === null ? "<anonymous>" : f[1] + ":" + f[2] + ":" + f[3];
  return f[0] ? f[0] + " (" + loc + ")" : loc;
});

// True while Error.prepareStackTrace runs: an error it makes keeps its default stack
// (as in V8, which formats those without calling it again).
var preparingStack = false;

// Error.prepareStackTrace(target, callSites) becomes target.stack: for
// Error.captureStackTrace (`result` "none": returns undefined) and at the first read of
// an error's `stack` (the interpreter calls this as its getter: "value" returns it).
function prepareStackTraceCall(target, prepare, frames, result) {
  if (preparingStack) return result === "value" ? target.stack : undefined;
  var sites = [];
  for (var i = 0; i < frames.length; i++) {
    var site = { _frame: frames[i] };
    $.setPrototypeOf(site, callSiteProto);
    sites[i] = site;
  }
  var stack;
  preparingStack = true;
  try {
    stack = prepare(target, sites);
  } finally {
    preparingStack = false;
  }
  $.defineOwnProperty(target, "stack", 1 | 2 | 16 | 32, stack, true, undefined, undefined, false, true);
  return result === "value" ? stack : undefined;
}
