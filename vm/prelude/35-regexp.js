// RegExp and the String methods that use regexps, self-hosted: every step that may
// run guest code (IsRegExp, ToString/ToLength, a user exec, replacer functions,
// species constructors, flag getters) follows the spec's observable order here.
// The matcher itself and the match arrays are natives (builtins/regexp.ts).

var RegExpCtor = global.RegExp;
var RegExpPrototype = $.RegExpPrototype;
var SymbolMatch = global.Symbol.match;
var SymbolMatchAll = global.Symbol.matchAll;
var SymbolReplace = global.Symbol.replace;
var SymbolSearch = global.Symbol.search;
var SymbolSplit = global.Symbol.split;
// Named function expressions below (toString) shadow the core helper inside them.
var reToString = toString;
var reStrSlice = global.String.prototype.slice;
var reStrIndexOf = global.String.prototype.indexOf;

function reSlice(s, a, b) {
  return call(reStrSlice, s, a, b);
}

function reIndexOf(s, search, from) {
  return call(reStrIndexOf, s, search, from);
}

function reSameValue(a, b) {
  if (a === b) return a !== 0 || 1 / a === 1 / b;
  return a !== a && b !== b;
}

/** Set(R, "lastIndex", v, true); a RegExp's lastIndex is always an own data property. */
function reSetLastIndex(R, v) {
  if ($.isRegExpObject(R)) $.regexpSetLastIndex(R, v);
  else R.lastIndex = v;
}

function reToUint32(v) {
  return toNumber(v) >>> 0;
}

/** IsRegExp (7.2.8). */
function reIsRegExp(v) {
  if (!isObject(v)) return false;
  var m = v[SymbolMatch];
  if (m !== undefined) return !!m;
  return $.isRegExpObject(v);
}

/** GetMethod (7.3.11) with V8's message for a non-callable method. */
function reGetMethod(v, key) {
  var f = v[key];
  if (f === undefined || f === null) return undefined;
  if (!isCallable(f)) throwTypeError($.calleeText(f) + " is not a function");
  return f;
}

function reRequireObject(v, name) {
  if (!isObject(v))
    throwTypeError("Method RegExp.prototype." + name + " called on incompatible receiver " + $.receiverText(v));
}

/** RegExpCreate (22.2.3.1). */
function reCreate(pattern, flags) {
  return $.regexpCreate(pattern === undefined ? "" : toString(pattern), flags === undefined ? "" : toString(flags));
}

/** The RegExp constructor for objects and subclasses (22.2.4.1). */
function regexpConstruct(pattern, flags, newTarget) {
  var patternIsRegExp = reIsRegExp(pattern);
  if (newTarget === undefined) {
    newTarget = RegExpCtor;
    if (patternIsRegExp && flags === undefined) {
      if (pattern.constructor === newTarget) return pattern;
    }
  }
  var P, F;
  if ($.isRegExpObject(pattern)) {
    P = $.regexpSource(pattern);
    F = flags === undefined ? $.regexpFlags(pattern) : flags;
  } else if (patternIsRegExp) {
    P = pattern.source;
    F = flags === undefined ? pattern.flags : flags;
  } else {
    P = pattern;
    F = flags;
  }
  var proto = newTarget.prototype;
  if (!isObject(proto)) proto = RegExpPrototype;
  var O = $.regexpAlloc(proto);
  P = P === undefined ? "" : toString(P);
  F = F === undefined ? "" : toString(F);
  $.regexpInitialize(O, P, F);
  reSetLastIndex(O, 0);
  return O;
}

/** RegExp.prototype.exec when the argument or lastIndex needs converting. */
function regexpExecSlow(string) {
  var S = toString(string);
  return $.regexpExecAt(this, S, toLength(this.lastIndex));
}

/** RegExpExec (22.2.7.1). */
function reExec(R, S) {
  var exec = R.exec;
  if (isCallable(exec)) {
    var result = call(exec, R, S);
    if (result !== null && !isObject(result))
      throwTypeError("RegExp exec method returned something other than an Object or null");
    return result;
  }
  if (!$.isRegExpObject(R))
    throwTypeError("Method RegExp.prototype.exec called on incompatible receiver " + $.receiverText(R));
  return call($.regexpExecNative, R, S);
}

function reSpeciesConstructor(O) {
  var C = O.constructor;
  if (C === undefined) return RegExpCtor;
  if (!isObject(C)) throwTypeError("The .constructor property is not an object");
  var S = C[SymbolSpecies];
  if (S === undefined || S === null) return RegExpCtor;
  if (isConstructor(S)) return S;
  throwTypeError("object.constructor[Symbol.species] is not a constructor");
}

/** Sets lastIndex past an empty match (the loops of @@match, @@replace, matchAll). */
function reAdvanceAfterEmpty(rx, S, fullUnicode) {
  var thisIndex = toLength(rx.lastIndex);
  reSetLastIndex(rx, $.advanceStringIndex(S, thisIndex, fullUnicode));
}

/** GetSubstitution (22.1.3.19.1). */
function reGetSubstitution(matched, str, position, captures, namedCaptures, template) {
  if (reIndexOf(template, "$", 0) < 0) return template;
  var stringLength = str.length;
  var m = captures.length;
  var result = "";
  var i = 0;
  var n = template.length;
  while (i < n) {
    var c = template[i];
    if (c !== "$" || i + 1 >= n) {
      result += c;
      i++;
      continue;
    }
    var d = template[i + 1];
    if (d === "$") {
      result += "$";
      i += 2;
    } else if (d === "`") {
      result += reSlice(str, 0, position);
      i += 2;
    } else if (d === "&") {
      result += matched;
      i += 2;
    } else if (d === "'") {
      var tailPos = position + matched.length;
      if (tailPos < stringLength) result += reSlice(str, tailPos);
      i += 2;
    } else if (d >= "0" && d <= "9") {
      var digitCount = i + 2 < n && template[i + 2] >= "0" && template[i + 2] <= "9" ? 2 : 1;
      var index = digitCount === 2 ? +reSlice(template, i + 1, i + 3) : +d;
      if (index > m && digitCount === 2) {
        digitCount = 1;
        index = +d;
      }
      if (index >= 1 && index <= m) {
        var cap = captures[index - 1];
        if (cap !== undefined) result += cap;
      } else result += reSlice(template, i, i + 1 + digitCount);
      i += 1 + digitCount;
    } else if (d === "<") {
      var gtPos = reIndexOf(template, ">", i);
      if (gtPos < 0 || namedCaptures === undefined) {
        result += "$<";
        i += 2;
      } else {
        var groupName = reSlice(template, i + 2, gtPos);
        var capture = namedCaptures[groupName];
        if (capture !== undefined) result += toString(capture);
        i = gtPos + 1;
      }
    } else {
      result += "$";
      i++;
    }
  }
  return result;
}

// ---- RegExp.prototype ------------------------------------------------------------

function reFlagsOf(R) {
  var out = "";
  if (R.hasIndices) out += "d";
  if (R.global) out += "g";
  if (R.ignoreCase) out += "i";
  if (R.multiline) out += "m";
  if (R.dotAll) out += "s";
  if (R.unicode) out += "u";
  if (R.unicodeSets) out += "v";
  if (R.sticky) out += "y";
  return out;
}

$.defineOwnProperty(
  RegExpPrototype,
  "flags",
  4 | 8 | 16 | 32,
  undefined,
  false,
  $.getOwnProperty(
    {
      get flags() {
        if (!isObject(this))
          throwTypeError("RegExp.prototype.flags getter called on non-object " + collText(this));
        return reFlagsOf(this);
      },
    },
    "flags",
  )[2],
  undefined,
  false,
  true,
);

defineMethods(RegExpPrototype, [
  function compile(pattern, flags) {
    if (!$.isRegExpObject(this))
      throwTypeError("Method RegExp.prototype.compile called on incompatible receiver " + $.receiverText(this));
    var P, F;
    if ($.isRegExpObject(pattern)) {
      if (flags !== undefined) throwTypeError("Cannot supply flags when constructing one RegExp from another");
      P = $.regexpSource(pattern);
      F = $.regexpFlags(pattern);
    } else {
      P = pattern === undefined ? "" : reToString(pattern);
      F = flags === undefined ? "" : reToString(flags);
    }
    $.regexpInitialize(this, P, F);
    reSetLastIndex(this, 0);
    return this;
  },
  function toString() {
    if (!isObject(this))
      throwTypeError("Method RegExp.prototype.toString called on incompatible receiver " + $.receiverText(this));
    return "/" + reToString(this.source) + "/" + reToString(this.flags);
  },
  function test(S) {
    if (!isObject(this))
      throwTypeError("Method RegExp.prototype.test called on incompatible receiver " + $.receiverText(this));
    return reExec(this, reToString(S)) !== null;
  },
]);

defineMethod(RegExpPrototype, SymbolMatch, {
  [SymbolMatch](string) {
    var rx = this;
    reRequireObject(rx, "@@match");
    var S = toString(string);
    if ($.regexpPristine(rx) && reIndexOf($.regexpFlags(rx), "g", 0) >= 0) return $.regexpMatchAllStrings(rx, S);
    var flags = toString(rx.flags);
    if (reIndexOf(flags, "g", 0) < 0) return reExec(rx, S);
    var fullUnicode = reIndexOf(flags, "u", 0) >= 0 || reIndexOf(flags, "v", 0) >= 0;
    reSetLastIndex(rx, 0);
    var A = [];
    for (;;) {
      var result = reExec(rx, S);
      if (result === null) return A.length === 0 ? null : A;
      var matchStr = toString(result[0]);
      push(A, matchStr);
      if (matchStr === "") reAdvanceAfterEmpty(rx, S, fullUnicode);
    }
  },
}[SymbolMatch]);

defineMethod(RegExpPrototype, SymbolMatchAll, {
  [SymbolMatchAll](string) {
    var R = this;
    reRequireObject(R, "@@matchAll");
    var S = toString(string);
    var C = reSpeciesConstructor(R);
    var flags = toString(R.flags);
    var matcher = new C(R, flags);
    reSetLastIndex(matcher, toLength(R.lastIndex));
    var global = reIndexOf(flags, "g", 0) >= 0;
    var fullUnicode = reIndexOf(flags, "u", 0) >= 0 || reIndexOf(flags, "v", 0) >= 0;
    return $.regexpStringIterator(matcher, S, global, fullUnicode);
  },
}[SymbolMatchAll]);

defineMethod(RegExpPrototype, SymbolReplace, {
  [SymbolReplace](string, replaceValue) {
    var rx = this;
    reRequireObject(rx, "@@replace");
    var S = toString(string);
    var lengthS = S.length;
    var functionalReplace = isCallable(replaceValue);
    if (!functionalReplace) {
      replaceValue = toString(replaceValue);
      if ($.regexpPristine(rx)) return $.regexpReplaceFast(rx, S, replaceValue);
    }
    var flags = toString(rx.flags);
    var global = reIndexOf(flags, "g", 0) >= 0;
    var fullUnicode = false;
    if (global) {
      fullUnicode = reIndexOf(flags, "u", 0) >= 0 || reIndexOf(flags, "v", 0) >= 0;
      reSetLastIndex(rx, 0);
    }
    var results = [];
    for (;;) {
      var result = reExec(rx, S);
      if (result === null) break;
      push(results, result);
      if (!global) break;
      var matchStr = toString(result[0]);
      if (matchStr === "") reAdvanceAfterEmpty(rx, S, fullUnicode);
    }
    var accumulated = "";
    var nextSourcePosition = 0;
    for (var i = 0; i < results.length; i++) {
      result = results[i];
      var nCaptures = lengthOf(result) - 1;
      if (nCaptures < 0) nCaptures = 0;
      var matched = toString(result[0]);
      var matchLength = matched.length;
      var position = toIntegerOrInfinity(result.index);
      if (position < 0) position = 0;
      else if (position > lengthS) position = lengthS;
      var captures = [];
      for (var n = 1; n <= nCaptures; n++) {
        var capN = result[n];
        if (capN !== undefined) capN = toString(capN);
        push(captures, capN);
      }
      var namedCaptures = result.groups;
      var replacement;
      if (functionalReplace) {
        var args = [matched];
        for (var k = 0; k < captures.length; k++) push(args, captures[k]);
        push(args, position);
        push(args, S);
        if (namedCaptures !== undefined) push(args, namedCaptures);
        replacement = toString(apply(replaceValue, undefined, args));
      } else {
        if (namedCaptures !== undefined) namedCaptures = toObject(namedCaptures);
        replacement = reGetSubstitution(matched, S, position, captures, namedCaptures, replaceValue);
      }
      if (position >= nextSourcePosition) {
        accumulated += reSlice(S, nextSourcePosition, position) + replacement;
        nextSourcePosition = position + matchLength;
      }
    }
    if (nextSourcePosition >= lengthS) return accumulated;
    return accumulated + reSlice(S, nextSourcePosition);
  },
}[SymbolReplace]);

defineMethod(RegExpPrototype, SymbolSearch, {
  [SymbolSearch](string) {
    var rx = this;
    reRequireObject(rx, "@@search");
    var S = toString(string);
    var previousLastIndex = rx.lastIndex;
    if (!reSameValue(previousLastIndex, 0)) reSetLastIndex(rx, 0);
    var result = reExec(rx, S);
    var currentLastIndex = rx.lastIndex;
    if (!reSameValue(currentLastIndex, previousLastIndex)) reSetLastIndex(rx, previousLastIndex);
    if (result === null) return -1;
    return result.index;
  },
}[SymbolSearch]);

defineMethod(RegExpPrototype, SymbolSplit, {
  [SymbolSplit](string, limit) {
    var rx = this;
    reRequireObject(rx, "@@split");
    var S = toString(string);
    if ((limit === undefined || typeof limit === "number") && $.regexpPristine(rx) && $.regexpSpeciesPristine(rx))
      return $.regexpSplitFast(rx, S, limit === undefined ? 4294967295 : limit >>> 0);
    var C = reSpeciesConstructor(rx);
    var flags = toString(rx.flags);
    var unicodeMatching = reIndexOf(flags, "u", 0) >= 0 || reIndexOf(flags, "v", 0) >= 0;
    var newFlags = reIndexOf(flags, "y", 0) >= 0 ? flags : flags + "y";
    var splitter = new C(rx, newFlags);
    var A = [];
    var lim = limit === undefined ? 4294967295 : reToUint32(limit);
    if (lim === 0) return A;
    var size = S.length;
    if (size === 0) {
      if (reExec(splitter, S) !== null) return A;
      push(A, S);
      return A;
    }
    var p = 0;
    var q = p;
    while (q < size) {
      reSetLastIndex(splitter, q);
      var z = reExec(splitter, S);
      if (z === null) {
        q = $.advanceStringIndex(S, q, unicodeMatching);
        continue;
      }
      var e = toLength(splitter.lastIndex);
      if (e > size) e = size;
      if (e === p) {
        q = $.advanceStringIndex(S, q, unicodeMatching);
        continue;
      }
      push(A, reSlice(S, p, q));
      if (A.length === lim) return A;
      p = e;
      var numberOfCaptures = lengthOf(z) - 1;
      if (numberOfCaptures < 0) numberOfCaptures = 0;
      for (var i = 1; i <= numberOfCaptures; i++) {
        push(A, z[i]);
        if (A.length === lim) return A;
      }
      q = p;
    }
    push(A, reSlice(S, p, size));
    return A;
  },
}[SymbolSplit]);

// %RegExpStringIteratorPrototype%.next (22.2.9.2.1).
defineMethod($.RegExpStringIteratorPrototype, "next", function next() {
  var O = this;
  if (!$.isRegExpStringIterator(O))
    throwTypeError(
      "Method %RegExpStringIterator%.prototype.next called on incompatible receiver " + $.receiverText(O),
    );
  var state = $.regexpStringIteratorState(O);
  if (state[4]) return { value: undefined, done: true };
  var R = state[0];
  var S = state[1];
  var match = reExec(R, S);
  if (match === null) {
    $.regexpStringIteratorFinish(O);
    return { value: undefined, done: true };
  }
  if (state[2]) {
    var matchStr = toString(match[0]);
    if (matchStr === "") reAdvanceAfterEmpty(R, S, state[3]);
    return { value: match, done: false };
  }
  $.regexpStringIteratorFinish(O);
  return { value: match, done: false };
});

// ---- String.prototype methods taking regexps (slow paths of builtins/string.ts) ----

function reRequireCoercible(O, name) {
  if (O === undefined || O === null) throwTypeError("String.prototype." + name + " called on null or undefined");
}

function stringMatch(O, regexp) {
  reRequireCoercible(O, "match");
  if (isObject(regexp)) {
    var matcher = reGetMethod(regexp, SymbolMatch);
    if (matcher !== undefined) return call(matcher, regexp, O);
  }
  var S = toString(O);
  var rx = reCreate(regexp, undefined);
  return call(rx[SymbolMatch], rx, S);
}

function reRequireGlobal(v, name) {
  if (reIsRegExp(v)) {
    var flags = v.flags;
    if (flags === undefined || flags === null)
      throwTypeError(
        "The .flags property of the argument to String.prototype." + name + " cannot be null or undefined",
      );
    if (reIndexOf(toString(flags), "g", 0) < 0)
      throwTypeError("String.prototype." + name + " called with a non-global RegExp argument");
  }
}

function stringMatchAll(O, regexp) {
  reRequireCoercible(O, "matchAll");
  if (isObject(regexp)) {
    reRequireGlobal(regexp, "matchAll");
    var matcher = reGetMethod(regexp, SymbolMatchAll);
    if (matcher !== undefined) return call(matcher, regexp, O);
  }
  var S = toString(O);
  var rx = reCreate(regexp, "g");
  return call(rx[SymbolMatchAll], rx, S);
}

function stringSearch(O, regexp) {
  reRequireCoercible(O, "search");
  if (isObject(regexp)) {
    var searcher = reGetMethod(regexp, SymbolSearch);
    if (searcher !== undefined) return call(searcher, regexp, O);
  }
  var S = toString(O);
  var rx = reCreate(regexp, undefined);
  return call(rx[SymbolSearch], rx, S);
}

/** String.prototype.replace and replaceAll (22.1.3.19, 22.1.3.20). */
function stringReplace(O, searchValue, replaceValue, all) {
  var name = all ? "replaceAll" : "replace";
  reRequireCoercible(O, name);
  if (isObject(searchValue)) {
    if (all) reRequireGlobal(searchValue, name);
    var replacer = reGetMethod(searchValue, SymbolReplace);
    if (replacer !== undefined) return call(replacer, searchValue, O, replaceValue);
  }
  var string = toString(O);
  var searchString = toString(searchValue);
  var functionalReplace = isCallable(replaceValue);
  if (!functionalReplace) replaceValue = toString(replaceValue);
  var searchLength = searchString.length;
  var advanceBy = searchLength > 0 ? searchLength : 1;
  var positions = [];
  var position = reIndexOf(string, searchString, 0);
  while (position >= 0) {
    push(positions, position);
    if (!all) break;
    var from = position + advanceBy;
    position = from > string.length ? -1 : reIndexOf(string, searchString, from);
  }
  if (positions.length === 0) return string;
  var endOfLastMatch = 0;
  var result = "";
  for (var i = 0; i < positions.length; i++) {
    var p = positions[i];
    var replacement = functionalReplace
      ? toString(call(replaceValue, undefined, searchString, p, string))
      : reGetSubstitution(searchString, string, p, [], undefined, replaceValue);
    result += reSlice(string, endOfLastMatch, p) + replacement;
    endOfLastMatch = p + searchLength;
  }
  if (endOfLastMatch < string.length) result += reSlice(string, endOfLastMatch);
  return result;
}

/**
 * String.prototype.includes/startsWith/endsWith with an object search string (S is
 * already a string): IsRegExp honours Symbol.match, then the native runs again with
 * the converted string.
 */
function stringSearchNoRegExp(native, name, S, searchString, position) {
  if (reIsRegExp(searchString))
    throwTypeError("First argument to String.prototype." + name + " must not be a regular expression");
  return call(native, S, toString(searchString), position);
}

function stringSplit(O, separator, limit) {
  reRequireCoercible(O, "split");
  if (isObject(separator)) {
    var splitter = reGetMethod(separator, SymbolSplit);
    if (splitter !== undefined) return call(splitter, separator, O, limit);
  }
  var S = toString(O);
  var lim = limit === undefined ? 4294967295 : reToUint32(limit);
  var R = toString(separator);
  if (lim === 0) return [];
  if (separator === undefined) return [S];
  return $.stringSplitPrimitive(S, R, lim);
}
