// console, self-hosted parts: whatever reads guest values. assert's message goes
// through ToString, dir's option bag and table's rows are read here; printing and
// inspecting are native (builtins/console.ts), reached through `$`.

var consoleObject = global.console;
var objectKeys = ObjectCtor.keys;
var objectHasOwn = ObjectCtor.prototype.hasOwnProperty;

defineMethod(consoleObject, "assert", function assert(expression) {
  if (expression) return;
  var args = [true];
  if (arguments.length < 2) push(args, "Assertion failed");
  else {
    push(args, "Assertion failed: " + toString(arguments[1]));
    for (var i = 2; i < arguments.length; i++) push(args, arguments[i]);
  }
  apply($.consoleWrite, undefined, args);
});

var dirOptionNames = ["depth", "showHidden", "breakLength", "maxArrayLength", "maxStringLength", "compact"];

defineMethod(consoleObject, "dir", function dir(object, options) {
  var opts = { __proto__: null };
  if (options !== undefined && options !== null) {
    for (var i = 0; i < dirOptionNames.length; i++) {
      var v = options[dirOptionNames[i]];
      if (v !== undefined) opts[dirOptionNames[i]] = v;
    }
  }
  $.consoleDir(object, opts);
});

function consoleTableArgError(properties) {
  var received;
  if (properties === null) received = "null";
  else if (typeof properties === "function") received = "function " + properties.name;
  else if (typeof properties === "object") received = "an instance of " + properties.constructor.name;
  else received = "type " + typeof properties + " (" + $.consoleCell(properties) + ")";
  var e = new TypeError('The "properties" argument must be an instance of Array. Received ' + received);
  e.code = "ERR_INVALID_ARG_TYPE";
  throw e;
}

defineMethod(consoleObject, "table", function table(data, properties) {
  if (properties !== undefined && !$.isArray(properties)) consoleTableArgError(properties);
  if (data === null || (typeof data !== "object" && typeof data !== "function")) {
    $.consoleWrite(false, data);
    return;
  }
  var rendered = $.consoleCollection(data);
  if (rendered !== undefined) {
    $.consoleWrite(false, rendered);
    return;
  }
  var map = { __proto__: null };
  var hasPrimitives = false;
  var primitiveCells = [];
  var indexKeys = objectKeys(data);
  for (var i = 0; i < indexKeys.length; i++) {
    var item = data[indexKeys[i]];
    var primitive = item === null || (typeof item !== "function" && typeof item !== "object");
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      primitiveCells[i] = $.consoleCell(item);
    } else {
      var keys = properties || objectKeys(item);
      for (var k = 0; k < keys.length; k++) {
        var key = keys[k];
        if (map[key] === undefined) map[key] = [];
        if ((primitive && properties) || !call(objectHasOwn, item, key)) map[key][i] = "";
        else map[key][i] = $.consoleCell(item[key]);
      }
    }
  }
  var head = ["(index)"];
  var columns = [indexKeys];
  var names = objectKeys(map);
  for (var n = 0; n < names.length; n++) {
    push(head, names[n]);
    push(columns, map[names[n]]);
  }
  if (hasPrimitives) {
    push(head, "Values");
    push(columns, primitiveCells);
  }
  $.consoleTable(head, columns);
});

/**
 * Formatting that needs guest code (builtins/console.ts): runs each requested call
 * ([1, fn, this, args]) and formats again with the results so far, until the native
 * answers [0, value].
 */
function inspectGuestLoop(resume, state, req) {
  var results = [];
  for (;;) {
    push(results, apply(req[1], req[2], req[3]));
    req = resume(state, results);
    if (req[0] === 0) return req[1];
  }
}

$.consoleFinish();
