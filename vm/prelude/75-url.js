// URLSearchParams, self-hosted parts: whatever calls guest code. The constructor's
// record and iterable forms and forEach (which reads the live list entry by entry
// through `$`). The rest, iterators included, is native (builtins/url.ts).

var USPProto = global.URLSearchParams.prototype;

function urlError(message, code) {
  var e = new TypeError(message);
  e.code = code;
  throw e;
}

/** new URL(input, base) with an object argument: ToString here, then the native. */
function urlConstruct(newTarget, input, base) {
  if (arguments.length < 3) return $.urlCreate(newTarget, toString(input));
  return $.urlCreate(newTarget, toString(input), base === undefined ? undefined : toString(base));
}

/** new URLSearchParams(object): pairs from an iterable, else the own enumerable keys. */
function uspInit(p, init) {
  var method = init[SymbolIterator];
  if (method !== undefined && method !== null) {
    if (!isCallable(method)) urlError("Query pairs must be iterable", "ERR_ARG_NOT_ITERABLE");
    forOf(init, function (pair) {
      if (!isObject(pair) || !isCallable(pair[SymbolIterator]))
        urlError("Each query pair must be an iterable [name, value] tuple", "ERR_INVALID_TUPLE");
      var parts = [];
      forOf(pair, function (x) {
        push(parts, x);
      });
      if (parts.length !== 2)
        urlError("Each query pair must be an iterable [name, value] tuple", "ERR_INVALID_TUPLE");
      $.uspAppend(p, parts[0], parts[1]);
    });
    return p;
  }
  var keys = $.ownKeys(init);
  for (var i = 0; i < keys.length; i++) {
    var k = keys[i];
    var d = $.getOwnProperty(init, k);
    if (d === undefined || !(d[0] & 2)) continue;
    if (typeof k === "symbol") throwTypeError("Cannot convert a Symbol value to a string");
    $.uspAppend(p, k, init[k]);
  }
  return p;
}

defineMethod(USPProto, "forEach", function forEach(callback) {
  $.uspCheck(this);
  if (!isCallable(callback)) {
    var e = new TypeError('The "callback" argument must be of type function. Received ' + describe(callback));
    e.code = "ERR_INVALID_ARG_TYPE";
    throw e;
  }
  var thisArg = arguments[1];
  for (var i = 0; i < $.uspLength(this); i++) {
    var pair = $.uspEntry(this, i);
    call(callback, thisArg, pair[1], pair[0], this);
  }
});
