// Date, self-hosted parts: whatever calls guest code. The constructor's ToPrimitive of
// object arguments, toJSON (generic: it invokes toISOString), Symbol.toPrimitive
// (its native tail-calls ordinaryToPrimitive, which calls toString/valueOf) and the
// locale methods, whose locale
// lists and option bags are read here into plain data for the host's Intl. The rest
// is native (builtins/date.ts), reached through `$`.

var DateProto = global.Date.prototype;

/** new Date(...) when an argument is an object: convert, then let the native build it. */
function dateConstruct(newTarget) {
  var args = [newTarget];
  if (arguments.length === 2) push(args, toPrimitive(arguments[1]));
  else for (var i = 1; i < arguments.length; i++) push(args, toNumber(arguments[i]));
  return apply($.dateCreate, undefined, args);
}

defineMethod(DateProto, "toJSON", function toJSON(key) {
  var o = toObject(this);
  var tv = toPrimitive(o, "number");
  if (typeof tv === "number" && (tv !== tv || tv === Infinity || tv === -Infinity)) return null;
  var f = o.toISOString;
  if (!isCallable(f)) throwTypeError("toISOString is not a function");
  return call(f, o);
});

/** CanonicalizeLocaleList's reading of the argument; the host validates the tags. */
function dateLocales(locales) {
  if (locales === undefined || typeof locales === "string") return locales;
  var o = toObject(locales);
  var len = lengthOf(o);
  var out = [];
  for (var k = 0; k < len; k++) {
    if (!(k in o)) continue;
    var v = o[k];
    if (typeof v !== "string" && !isObject(v)) throwTypeError("Language ID should be string or object.");
    push(out, toString(v));
  }
  return out;
}

var dateOptionNames = [
  "localeMatcher",
  "calendar",
  "numberingSystem",
  "hour12",
  "hourCycle",
  "timeZone",
  "weekday",
  "era",
  "year",
  "month",
  "day",
  "dayPeriod",
  "hour",
  "minute",
  "second",
  "fractionalSecondDigits",
  "timeZoneName",
  "formatMatcher",
  "dateStyle",
  "timeStyle",
];

/** The option bag as plain primitives: each option read once, objects converted. */
function dateOptions(options) {
  if (options === undefined) return undefined;
  var o = toObject(options);
  var out = {};
  for (var i = 0; i < dateOptionNames.length; i++) {
    var name = dateOptionNames[i];
    var v = o[name];
    if (v === undefined) continue;
    if (isObject(v)) v = name === "hour12" ? true : name === "fractionalSecondDigits" ? toNumber(v) : toString(v);
    out[name] = v;
  }
  return out;
}

defineMethod(DateProto, "toLocaleString", function toLocaleString() {
  var tv = $.dateRequire(this, "toLocaleString");
  return $.dateLocale(tv, "toLocaleString", dateLocales(arguments[0]), dateOptions(arguments[1]));
});

defineMethod(DateProto, "toLocaleDateString", function toLocaleDateString() {
  var tv = $.dateRequire(this, "toLocaleDateString");
  return $.dateLocale(tv, "toLocaleDateString", dateLocales(arguments[0]), dateOptions(arguments[1]));
});

defineMethod(DateProto, "toLocaleTimeString", function toLocaleTimeString() {
  var tv = $.dateRequire(this, "toLocaleTimeString");
  return $.dateLocale(tv, "toLocaleTimeString", dateLocales(arguments[0]), dateOptions(arguments[1]));
});
