// Shared by every escape program: test/escapes.test.ts puts this file in front of
// each one. A program tries one technique for reaching the host, reports what it got
// with attempt(), hands every value it obtained to exploit(), and ends with done().
//
// Success is judged from the host side (the canary global, the host's process.exit
// and file system spies, host prototypes, secrets in the output, a walk of the guest
// heap for host values); what the guest can judge itself it reports as a line
// starting with "ESCAPED", which fails the test too.

var __lab = { attempts: 0, escapes: 0, busy: false };
// The library's own tools, taken before a program can change the intrinsics (some
// programs pollute or delete them on purpose).
var __apply = Reflect.apply;
var __getProto = Object.getPrototypeOf;
var __objToString = Object.prototype.toString;
var __indexOf = Array.prototype.indexOf;
var __log = console.log;
var __console = console;
var __String = String;
var __Error = Error;
var __Set = Set;
var __setHas = Set.prototype.has;
var __setAdd = Set.prototype.add;
function __print(line) {
  __apply(__log, __console, [line]);
}
// Everything obtained stays reachable from the guest global, so the host's heap walk
// sees it.
globalThis.__loot = [];

// What a host Function would run: it marks the host canary and calls the host's
// process.exit (only the host's process has binding()). Run as guest code it only
// answers "guest".
var HOST_PAYLOAD =
  "if (typeof process === 'object' && process !== null && typeof process.binding === 'function') {" +
  " globalThis.__JAUNT_CANARY__ = 'pwned'; process.exit(97); return 'pwned'; }" +
  " return 'guest';";

// The guest realm's own constructors of functions: a constructor chain must end here.
var GUEST_FUNCTION_CTORS = [
  Function,
  Object.getPrototypeOf(function* () {}).constructor,
  Object.getPrototypeOf(async function () {}).constructor,
  Object.getPrototypeOf(async function* () {}).constructor,
];

var __loot = globalThis.__loot;
function keep(what, v) {
  __loot[__loot.length] = [what, v];
  return v;
}

function escaped(what, detail) {
  __lab.escapes++;
  __print("ESCAPED " + what + ": " + detail);
}

function describe(v) {
  try {
    if (v === null) return "null";
    if (typeof v === "function") return "function " + (v.name || "(anonymous)");
    if (typeof v === "object") {
      if (v instanceof __Error)
        return (v.name || "Error") + ": " + __String(v.message).split("\n")[0];
      return __apply(__objToString, v, []);
    }
    if (typeof v === "symbol") return v.toString();
    return typeof v + " " + __String(v).slice(0, 100).split("\n")[0];
  } catch (e) {
    return "(undescribable)";
  }
}

// Runs one attempt; its result (or what it threw) is kept and exploited.
function attempt(what, fn) {
  __lab.attempts++;
  var r;
  try {
    r = fn();
  } catch (e) {
    __print("attempt " + what + ": threw " + describe(e));
    exploit(what + " (thrown)", e);
    return e;
  }
  __print("attempt " + what + ": " + describe(r));
  exploit(what, r);
  return r;
}

function isGuestFunctionCtor(c) {
  return __apply(__indexOf, GUEST_FUNCTION_CTORS, [c]) >= 0;
}

// Checks that a function's constructor chain ends at one of the guest's function
// constructors (a host function's would end at the host Function).
function checkFunction(what, f) {
  if (typeof f !== "function") return;
  try {
    var c = f.constructor;
    if (!isGuestFunctionCtor(c) && __getProto(f) !== null)
      escaped(what, "a function whose constructor is not a guest function constructor");
    else if (c && c.constructor !== Function) escaped(what, "constructor.constructor is foreign");
  } catch (e) {
    keep(what + " check threw", e);
  }
}

// Calls a function the way one would call a host Function, and whatever it returns.
function drive(what, f) {
  var r;
  try {
    r = f(HOST_PAYLOAD);
    keep(what + "()", r);
    if (typeof r === "function") r = r();
    keep(what + "()()", r);
    if (r && typeof r.next === "function") r = r.next().value;
    if (r === "pwned") escaped(what, "host code ran (Function-like payload)");
  } catch (e) {
    keep(what + " threw", e);
  }
  try {
    r = new f(HOST_PAYLOAD);
    keep("new " + what, r);
    if (typeof r === "function") r = r();
    if (r === "pwned") escaped(what, "host code ran (new)");
  } catch (e) {
    keep("new " + what + " threw", e);
  }
}

// Tries every way a value could lead to host code: its constructor chain and the
// constructor chains of its prototypes, called with host-style source text.
var __exploited = new __Set();
function exploit(what, v) {
  keep(what, v);
  // Primitives lead only to the guest's own prototypes; each object is tried once.
  // Trying a value reads its properties, which can run guest getters or proxy traps
  // that exploit again: the nested calls only keep what they see.
  if ((typeof v !== "object" && typeof v !== "function") || v === null) return;
  if (__lab.busy || __apply(__setHas, __exploited, [v])) return;
  __apply(__setAdd, __exploited, [v]);
  __lab.busy = true;
  try {
    tryAll(what, v);
  } finally {
    __lab.busy = false;
  }
}

function tryAll(what, v) {
  var tried = [];
  var o = v;
  for (var depth = 0; depth < 8 && o !== null && o !== undefined; depth++) {
    try {
      var c = o.constructor;
      for (var k = 0; k < 2 && typeof c === "function"; k++) {
        if (__apply(__indexOf, tried, [c]) < 0) {
          tried[tried.length] = c;
          checkFunction(what + " constructor chain", c);
          drive(what + " constructor chain", c);
        }
        c = c.constructor;
      }
    } catch (e) {
      keep(what + " constructor threw", e);
    }
    try {
      o = __getProto(o);
    } catch (e) {
      keep(what + " getPrototypeOf threw", e);
      break;
    }
  }
  if (typeof v === "function") checkFunction(what, v);
}

function done() {
  __print("DONE attempts=" + __lab.attempts + " escapes=" + __lab.escapes);
}
