// Intl (ECMA-402), self-hosted over the host's ICU (builtins/intl.ts). An Intl object
// is data: its kind, its locale list and its option bag read into plain primitives,
// held in a private slot; every format asks the host through $.intl. So a formatter
// made before a snapshot formats the same after it, in another process too.
//
// Intl itself is loaded on first use, like the web globals (prelude/77-node-globals.js):
// building its eight constructors was a fifth of every realm's start-up instructions.
// What Date and Number.prototype.toLocaleString need from here is defined eagerly.

var intlBooleanOptions = { numeric: true, ignorePunctuation: true, hour12: true, useGrouping: false };
var intlNumberOptions = {
  minimumIntegerDigits: true,
  minimumFractionDigits: true,
  maximumFractionDigits: true,
  minimumSignificantDigits: true,
  maximumSignificantDigits: true,
  roundingIncrement: true,
  fractionalSecondDigits: true,
};
var digitOptionNames = [
  "minimumIntegerDigits",
  "minimumFractionDigits",
  "maximumFractionDigits",
  "minimumSignificantDigits",
  "maximumSignificantDigits",
  "roundingPriority",
  "roundingIncrement",
  "roundingMode",
  "trailingZeroDisplay",
];

var intlOptionNames = {
  Collator: ["usage", "localeMatcher", "collation", "numeric", "caseFirst", "sensitivity", "ignorePunctuation"],
  NumberFormat: [
    "localeMatcher",
    "numberingSystem",
    "style",
    "currency",
    "currencyDisplay",
    "currencySign",
    "unit",
    "unitDisplay",
    "notation",
    "compactDisplay",
    "signDisplay",
    "useGrouping",
  ].concat(digitOptionNames),
  DateTimeFormat: dateOptionNames,
  PluralRules: ["localeMatcher", "type"].concat(digitOptionNames),
  RelativeTimeFormat: ["localeMatcher", "numberingSystem", "style", "numeric"],
  ListFormat: ["localeMatcher", "type", "style"],
  DisplayNames: ["localeMatcher", "style", "type", "fallback", "languageDisplay"],
  Segmenter: ["localeMatcher", "granularity"],
  Locale: ["calendar", "caseFirst", "collation", "hourCycle", "language", "numberingSystem", "numeric", "region", "script"],
};

/** An option bag as plain primitives: each known option read once, in list order. */
function intlOptions(options, names) {
  if (options === undefined) return undefined;
  var o = toObject(options);
  var out = {};
  for (var i = 0; i < names.length; i++) {
    var name = names[i];
    var v = o[name];
    if (v === undefined) continue;
    if (typeof v === "symbol") throwTypeError("Cannot convert a Symbol value to a string");
    if (isObject(v)) v = intlBooleanOptions[name] ? true : intlNumberOptions[name] ? toNumber(v) : toString(v);
    out[name] = v;
  }
  return out;
}

/** A formatter's slot: made (and checked by the host) from the constructor's arguments. */
function intlMake(kind, locales, options) {
  var s = { kind: kind, locales: dateLocales(locales), options: intlOptions(options, intlOptionNames[kind]), bound: undefined, resolved: undefined };
  // Made here, so that a bad locale or option is the constructor's RangeError.
  s.resolved = $.intl(kind, s.locales, s.options, "resolvedOptions", []);
  return s;
}

function copyArray(a) {
  var out = [];
  for (var i = 0; i < a.length; i++) push(out, a[i]);
  return out;
}

function intlCall(s, method, args) {
  return $.intl(s.kind, s.locales, s.options, method, args);
}


// The locale methods of Number and BigInt go through Intl.NumberFormat, Array's pass
// their arguments on to each element's.
var numberValueOf = global.Number.prototype.valueOf;
var bigintValueOf = global.BigInt.prototype.valueOf;
defineMethod(global.Number.prototype, "toLocaleString", function toLocaleString() {
  var x = call(numberValueOf, this);
  return intlCall(intlMake("NumberFormat", arguments[0], arguments[1]), "format", [x]);
});
defineMethod(global.BigInt.prototype, "toLocaleString", function toLocaleString() {
  var x = call(bigintValueOf, this);
  return intlCall(intlMake("NumberFormat", arguments[0], arguments[1]), "format", [x]);
});

lazyGlobal("Intl", "object", loadIntl);

/** Builds the Intl object (the first read of the global Intl). */
function loadIntl() {
  var IntlObject = {};
  var ReflectConstruct = global.Reflect.construct;
  var intlSlotsOf;

  /** The private slot every Intl object carries: { kind, locales, options, ... }. */
  class IntlSlots {
    #s;
    constructor(s) {
      this.#s = s;
    }
    static {
      intlSlotsOf = function (o, kind, method) {
        if (isObject(o) && #s in o && o.#s.kind === kind) return o.#s;
        throwTypeError("Method Intl." + kind + ".prototype." + method + " called on incompatible receiver " + describe(o));
      };
    }
  }

  /**
   * Defines Intl[kind]: a constructor (callable without `new` when `legacy`) whose
   * instances carry their slot, its prototype's methods, and supportedLocalesOf.
   */
  function defineIntlKind(kind, length, legacy, methods, getters) {
    var ctor = $.makeConstructor(kind, length, function (newTarget, locales, options) {
      if (newTarget === undefined && !legacy) throwTypeError("Constructor Intl." + kind + " requires 'new'");
      var s = intlMake(kind, locales, options);
      return ReflectConstruct(IntlSlots, [s], newTarget === undefined ? ctor : newTarget);
    });
    var proto = {};
    $.defineOwnProperty(ctor, "prototype", 1 | 2 | 16 | 32, proto, false, undefined, undefined, false, false);
    defineMethod(proto, "constructor", ctor);
    defineMethod(ctor, "supportedLocalesOf", function supportedLocalesOf(locales) {
      return $.intlStatic("supportedLocalesOf", kind, dateLocales(locales), intlOptions(arguments[1], ["localeMatcher"]));
    });
    defineMethod(proto, "resolvedOptions", function resolvedOptions() {
      var r = intlSlotsOf(this, kind, "resolvedOptions").resolved;
      var out = {};
      for (var k in r) out[k] = isObject(r[k]) ? copyArray(r[k]) : r[k];
      return out;
    });
    for (var name in methods) defineMethod(proto, name, methods[name]);
    for (var g in getters) $.defineOwnProperty(proto, g, 4 | 16 | 32, undefined, false, getters[g], undefined, false, true);
    $.defineOwnProperty(proto, SymbolToStringTag, 1 | 2 | 16 | 32, "Intl." + kind, false, undefined, undefined, false, true);
    defineMethod(IntlObject, kind, ctor);
    return ctor;
  }

  /** The getter function of an accessor written in an object literal ("get format"). */
  var ObjectGetOwnPropertyDescriptor = ObjectCtor.getOwnPropertyDescriptor;
  function getterOf(o, name) {
    return ObjectGetOwnPropertyDescriptor(o, name).get;
  }

  /** A getter returning a function bound to its formatter, made once (format, compare). */
  function boundGetter(kind, name, make) {
    return getterOf(
      {
        get [name]() {
          var s = intlSlotsOf(this, kind, name);
          if (s.bound === undefined) s.bound = make(s);
          return s.bound;
        },
      },
      name,
    );
  }

  /** Intl.NumberFormat's argument: a BigInt, a decimal string kept exact, or a Number. */
  function intlNumeric(x) {
    if (typeof x === "bigint" || typeof x === "string") return x;
    var p = toPrimitive(x, "number");
    return typeof p === "bigint" || typeof p === "string" ? p : toNumber(p);
  }

  /** Intl.DateTimeFormat's argument as a time value (now when undefined). */
  function intlTime(x) {
    if (x === undefined) return global.Date.now();
    if ($.isDate(x)) return $.dateRequire(x, "format");
    return toNumber(x);
  }

  defineIntlKind("Collator", 0, true, {}, {
    compare: boundGetter("Collator", "compare", function (s) {
      return (0, function (x, y) {
        return intlCall(s, "compare", [toString(x), toString(y)]);
      });
    }),
  });

  defineIntlKind(
    "NumberFormat",
    0,
    true,
    {
      formatToParts: function formatToParts(x) {
        return intlCall(intlSlotsOf(this, "NumberFormat", "formatToParts"), "formatToParts", [intlNumeric(x)]);
      },
      formatRange: function formatRange(x, y) {
        var s = intlSlotsOf(this, "NumberFormat", "formatRange");
        if (x === undefined || y === undefined) throwTypeError("start or end is undefined");
        return intlCall(s, "formatRange", [intlNumeric(x), intlNumeric(y)]);
      },
      formatRangeToParts: function formatRangeToParts(x, y) {
        var s = intlSlotsOf(this, "NumberFormat", "formatRangeToParts");
        if (x === undefined || y === undefined) throwTypeError("start or end is undefined");
        return intlCall(s, "formatRangeToParts", [intlNumeric(x), intlNumeric(y)]);
      },
    },
    {
      format: boundGetter("NumberFormat", "format", function (s) {
        return (0, function (x) {
          return intlCall(s, "format", [intlNumeric(x)]);
        });
      }),
    },
  );

  defineIntlKind(
    "DateTimeFormat",
    0,
    true,
    {
      formatToParts: function formatToParts(d) {
        return intlCall(intlSlotsOf(this, "DateTimeFormat", "formatToParts"), "formatToParts", [intlTime(d)]);
      },
      formatRange: function formatRange(a, b) {
        var s = intlSlotsOf(this, "DateTimeFormat", "formatRange");
        if (a === undefined || b === undefined) throwTypeError("startDate or endDate is undefined");
        return intlCall(s, "formatRange", [intlTime(a), intlTime(b)]);
      },
      formatRangeToParts: function formatRangeToParts(a, b) {
        var s = intlSlotsOf(this, "DateTimeFormat", "formatRangeToParts");
        if (a === undefined || b === undefined) throwTypeError("startDate or endDate is undefined");
        return intlCall(s, "formatRangeToParts", [intlTime(a), intlTime(b)]);
      },
    },
    {
      format: boundGetter("DateTimeFormat", "format", function (s) {
        return (0, function (d) {
          return intlCall(s, "format", [intlTime(d)]);
        });
      }),
    },
  );

  defineIntlKind(
    "PluralRules",
    0,
    false,
    {
      select: function select(n) {
        return intlCall(intlSlotsOf(this, "PluralRules", "select"), "select", [toNumber(n)]);
      },
      selectRange: function selectRange(x, y) {
        var s = intlSlotsOf(this, "PluralRules", "selectRange");
        if (x === undefined || y === undefined) throwTypeError("start or end is undefined");
        return intlCall(s, "selectRange", [toNumber(x), toNumber(y)]);
      },
    },
    {},
  );

  defineIntlKind(
    "RelativeTimeFormat",
    0,
    false,
    {
      format: function format(value, unit) {
        return intlCall(intlSlotsOf(this, "RelativeTimeFormat", "format"), "format", [toNumber(value), toString(unit)]);
      },
      formatToParts: function formatToParts(value, unit) {
        var s = intlSlotsOf(this, "RelativeTimeFormat", "formatToParts");
        return intlCall(s, "formatToParts", [toNumber(value), toString(unit)]);
      },
    },
    {},
  );

  /** ListFormat's argument: an iterable of strings, read into an array. */
  function intlStringList(iterable) {
    var out = [];
    if (iterable === undefined) return out;
    for (var v of iterable) {
      if (typeof v !== "string") throwTypeError("Iterable yielded " + describe(v) + " which is not a string");
      push(out, v);
    }
    return out;
  }

  defineIntlKind(
    "ListFormat",
    0,
    false,
    {
      format: function format(list) {
        var s = intlSlotsOf(this, "ListFormat", "format");
        return intlCall(s, "format", [intlStringList(list)]);
      },
      formatToParts: function formatToParts(list) {
        var s = intlSlotsOf(this, "ListFormat", "formatToParts");
        return intlCall(s, "formatToParts", [intlStringList(list)]);
      },
    },
    {},
  );

  defineIntlKind(
    "DisplayNames",
    2,
    false,
    {
      of: function of(code) {
        return intlCall(intlSlotsOf(this, "DisplayNames", "of"), "of", [toString(code)]);
      },
    },
    {},
  );

  /** %SegmentsPrototype%: what Intl.Segmenter.prototype.segment returns. */
  class Segments {
    #records;
    #input;
    constructor(records, input) {
      this.#records = records;
      this.#input = input;
    }
    containing(index) {
      var n = index === undefined ? 0 : toNumber(index);
      n = n !== n ? 0 : n < 0 ? -MathFloor(-n) : MathFloor(n);
      var records = this.#records;
      for (var i = 0; i < records.length; i++) {
        var r = records[i];
        if (n >= r.index && n < r.index + r.segment.length) return segmentRecord(r, this.#input);
      }
      return undefined;
    }
    [SymbolIterator]() {
      var records = this.#records;
      var out = [];
      for (var i = 0; i < records.length; i++) push(out, segmentRecord(records[i], this.#input));
      return out[SymbolIterator]();
    }
  }

  function segmentRecord(r, input) {
    var out = { segment: r.segment, index: r.index, input: input };
    if ("isWordLike" in r) out.isWordLike = r.isWordLike;
    return out;
  }

  defineIntlKind(
    "Segmenter",
    0,
    false,
    {
      segment: function segment(string) {
        var s = intlSlotsOf(this, "Segmenter", "segment");
        var input = toString(string);
        return new Segments(intlCall(s, "segment", [input]), input);
      },
    },
    {},
  );

  // Intl.Locale: its facts are read once from the host; the getters return them.
  var localeSlotsOf;
  class Locale {
    #facts;
    constructor(tag, options) {
      if (typeof tag !== "string" && !isObject(tag)) throwTypeError("First argument to Intl.Locale constructor can't be empty or missing");
      var text = isObject(tag) && #facts in tag ? tag.#facts.string : toString(tag);
      this.#facts = $.intlLocale(text, intlOptions(options, intlOptionNames.Locale));
    }
    maximize() {
      return new Locale(localeSlotsOf(this, "maximize").maximized);
    }
    minimize() {
      return new Locale(localeSlotsOf(this, "minimize").minimized);
    }
    toString() {
      return localeSlotsOf(this, "toString").string;
    }
    static {
      localeSlotsOf = function (o, method) {
        if (isObject(o) && #facts in o) return o.#facts;
        throwTypeError("Method Intl.Locale.prototype." + method + " called on incompatible receiver " + describe(o));
      };
    }
  }
  var localeFacts = ["baseName", "calendar", "caseFirst", "collation", "hourCycle", "language", "numberingSystem", "numeric", "region", "script"];
  for (var li = 0; li < localeFacts.length; li++) {
    $.defineOwnProperty(
      Locale.prototype,
      localeFacts[li],
      4 | 16 | 32,
      undefined,
      false,
      (function (name) {
        return getterOf(
          {
            get [name]() {
              return localeSlotsOf(this, name)[name];
            },
          },
          name,
        );
      })(localeFacts[li]),
      undefined,
      false,
      true,
    );
  }
  $.defineOwnProperty(Locale.prototype, SymbolToStringTag, 1 | 2 | 16 | 32, "Intl.Locale", false, undefined, undefined, false, true);
  defineMethod(IntlObject, "Locale", Locale);

  defineMethod(IntlObject, "getCanonicalLocales", function getCanonicalLocales(locales) {
    return $.intlStatic("getCanonicalLocales", "", dateLocales(locales), undefined);
  });
  defineMethod(IntlObject, "supportedValuesOf", function supportedValuesOf(key) {
    return $.intlStatic("supportedValuesOf", "", toString(key), undefined);
  });
  $.defineOwnProperty(IntlObject, SymbolToStringTag, 1 | 2 | 16 | 32, "Intl", false, undefined, undefined, false, true);
  return IntlObject;
}
