// Date, self-hosted parts: whatever calls guest code. The constructor's ToPrimitive of
// object arguments, toJSON (generic: it invokes toISOString) and the locale methods,
// whose locale lists and option bags are read here into plain data for the host's
// Intl. The rest is native (builtins/date.ts), reached through `$`; its
// Symbol.toPrimitive tail-calls ordinaryToPrimitive (00-core.js).

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
    if (typeof v !== "string" && !isObject(v))
      throwTypeError("Language ID should be string or object.");
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

/** The option bag as plain primitives (intlOptions, prelude/72-intl.js). */
function dateOptions(options) {
  return intlOptions(options, dateOptionNames);
}

/** The three locale methods: the receiver is checked before the arguments are read. */
function dateLocale(date, name, locales, options) {
  var tv = $.dateRequire(date, name);
  return $.dateLocale(tv, name, dateLocales(locales), dateOptions(options));
}

defineMethod(DateProto, "toLocaleString", function toLocaleString() {
  return dateLocale(this, "toLocaleString", arguments[0], arguments[1]);
});

defineMethod(DateProto, "toLocaleDateString", function toLocaleDateString() {
  return dateLocale(this, "toLocaleDateString", arguments[0], arguments[1]);
});

defineMethod(DateProto, "toLocaleTimeString", function toLocaleTimeString() {
  return dateLocale(this, "toLocaleTimeString", arguments[0], arguments[1]);
});
