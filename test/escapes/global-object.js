// Function("return this")() and what the guest global holds: its own keys must all
// be ones a guest may see (the standard library and Node's guest-side globals), with
// no host-only names, no accessors that a host object backs, and nothing that leads
// to the host's require, module, process.binding or Function.

var ALLOWED = [
  "Object",
  "Function",
  "Array",
  "Number",
  "parseFloat",
  "parseInt",
  "Infinity",
  "NaN",
  "undefined",
  "Boolean",
  "String",
  "Symbol",
  "Date",
  "Promise",
  "RegExp",
  "Error",
  "AggregateError",
  "EvalError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "TypeError",
  "URIError",
  "SuppressedError",
  "globalThis",
  "JSON",
  "Math",
  "Intl",
  "ArrayBuffer",
  "SharedArrayBuffer",
  "Atomics",
  "Uint8Array",
  "Int8Array",
  "Uint16Array",
  "Int16Array",
  "Uint32Array",
  "Int32Array",
  "Float16Array",
  "Float32Array",
  "Float64Array",
  "Uint8ClampedArray",
  "BigUint64Array",
  "BigInt64Array",
  "DataView",
  "Map",
  "BigInt",
  "Set",
  "WeakMap",
  "WeakSet",
  "Proxy",
  "Reflect",
  "FinalizationRegistry",
  "WeakRef",
  "decodeURI",
  "decodeURIComponent",
  "encodeURI",
  "encodeURIComponent",
  "escape",
  "unescape",
  "eval",
  "isFinite",
  "isNaN",
  "console",
  "Iterator",
  "DisposableStack",
  "AsyncDisposableStack",
  "process",
  "Buffer",
  "URL",
  "URLSearchParams",
  "TextEncoder",
  "TextDecoder",
  "atob",
  "btoa",
  "structuredClone",
  "queueMicrotask",
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "setImmediate",
  "clearImmediate",
  "global",
  "DOMException",
  "crypto", // Web Crypto (node:crypto's webcrypto), guest code like the module
  "Crypto", // its classes, loaded with it on first use (vm/prelude/62-node-modules.js)
  "SubtleCrypto",
  "CryptoKey",
  // Guest code loaded on first use (vm/prelude/77-node-globals.js):
  "EventTarget",
  "Event",
  "CustomEvent",
  "AbortController",
  "AbortSignal",
  "performance",
  "Performance",
  "PerformanceEntry",
  "PerformanceMark",
  "PerformanceMeasure",
  "PerformanceObserver",
  "PerformanceObserverEntryList",
  // fetch is guest code over node:http, so over the `net` capability: without it a
  // fetch fails (ERR_JAUNT_CAPABILITY as its cause) and reaches nothing.
  "fetch",
  "Headers",
  "Request",
  "Response",
  // stream/web: pure guest code (web-streams-polyfill), no host operation of its own.
  "ReadableStream",
  "ReadableStreamDefaultReader",
  "ReadableStreamBYOBReader",
  "ReadableStreamBYOBRequest",
  "ReadableByteStreamController",
  "ReadableStreamDefaultController",
  "TransformStream",
  "TransformStreamDefaultController",
  "WritableStream",
  "WritableStreamDefaultWriter",
  "WritableStreamDefaultController",
  "ByteLengthQueuingStrategy",
  "CountQueuingStrategy",
  "TextEncoderStream",
  "TextDecoderStream",
  "CompressionStream",
  "DecompressionStream",
  // Blob/File and the message ports: pure guest code, no host operation of their own
  // (a port talks only to ports of the same program).
  "Blob",
  "File",
  "MessageChannel",
  "MessagePort",
  "MessageEvent",
  "BroadcastChannel",
  "__loot", // the test library's own
];
var HOST_ONLY = [
  "require",
  "module",
  "exports",
  "__filename",
  "__dirname",
  "__JAUNT_CANARY__",
  "WebAssembly",
  "navigator",
  "Deno",
  "Bun",
  "gc",
  "SharedWorker",
  "Worker",
  "process_binding",
];

var g = attempt("Function('return this')()", function () {
  return Function("return this")();
});
if (g !== globalThis) escaped("Function('return this')", "not the guest global");
attempt("indirect eval this", function () {
  return (0, eval)("this") === globalThis;
});
attempt("sloppy this in a plain call", function () {
  return (
    (function () {
      return this;
    })() === globalThis
  );
});
attempt("global === globalThis", function () {
  return global === globalThis;
});

var keys = Reflect.ownKeys(globalThis);
attempt("own keys of the guest global", function () {
  return keys.length;
});
for (var k of keys) {
  if (typeof k === "symbol") {
    if (k !== Symbol.toStringTag) escaped("global symbol key", String(k));
    continue;
  }
  if (ALLOWED.indexOf(k) < 0) escaped("global key", k + " is not a standard guest global");
  var d = Object.getOwnPropertyDescriptor(globalThis, k);
  if (d.get || d.set) {
    exploit("global getter " + k, d.get);
    exploit("global setter " + k, d.set);
  }
  exploit("global " + k, d.value);
}
for (var h of HOST_ONLY) {
  let name = h;
  attempt("typeof " + name + " from Function", function () {
    var t = Function("return typeof " + name)();
    if (t !== "undefined") escaped("global name", name + " is " + t);
    return t;
  });
  if (name in globalThis) escaped("global name", name + " is in globalThis");
}
// Walk everything reachable from the global, two levels deep, through every own
// property (accessors included), and check every function's constructor chain.
var visited = new Set();
function walk(o, path, depth) {
  if (o === null || (typeof o !== "object" && typeof o !== "function") || visited.has(o)) return;
  visited.add(o);
  if (typeof o === "function") checkFunction(path, o);
  if (depth === 0) return;
  for (var key of Reflect.ownKeys(o)) {
    var desc = Object.getOwnPropertyDescriptor(o, key);
    var at = path + "." + String(key);
    if (desc.get) walk(desc.get, at + "<get>", depth - 1);
    if (desc.set) walk(desc.set, at + "<set>", depth - 1);
    if ("value" in desc) walk(desc.value, at, depth - 1);
  }
  walk(Object.getPrototypeOf(o), path + ".__proto__", depth - 1);
}
attempt("walk of the global", function () {
  walk(globalThis, "globalThis", 3);
  return visited.size;
});

done();
