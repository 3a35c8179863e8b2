// node:v8 — serialize/deserialize of structured-clone values, heap statistics from the
// VM's heap account (model/heap.ts: estimated live bytes, the heapBytes limit), and
// cachedDataVersionTag. The bytes are Jaunt's own format, not V8's: a round trip
// through Jaunt gives the structured clone Node gives, but bytes written by Node's
// v8.serialize cannot be read here (nor the reverse). The rest of V8's API
// (heap snapshots, flags, code coverage, the Serializer classes) throws
// ERR_JAUNT_UNSUPPORTED.
"use strict";

const { heapStatistics } = require("jaunt:internals");
const { nodeError, ERR_INVALID_ARG_TYPE } = require("internal/errors");
const { Buffer } = require("buffer");

function unsupported(name) {
  return function () {
    throw nodeError(Error, "ERR_JAUNT_UNSUPPORTED", `v8.${name}() is not supported by Jaunt`);
  };
}

// ---- serialize / deserialize ------------------------------------------------------
// A value is written as JSON of a tagged tree: JSON's own numbers, strings, booleans
// and null stand for themselves, anything else is an array whose first item is a tag.
// An object seen before is a reference to its index, so cycles and sharing survive.

const MAGIC = "JAUNT-V8/1\n";
const TYPED = require("internal/typed-array-names");
const ERRORS = [
  "Error",
  "EvalError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "TypeError",
  "URIError",
];
const tag = (v) => Object.prototype.toString.call(v).slice(8, -1);
const ownEntries = (o, enc) => Object.keys(o).map((k) => [k, enc(o[k])]);

function writeTree(value) {
  const seen = new Map();
  const enc = (v) => {
    switch (typeof v) {
      case "undefined":
        return ["u"];
      case "boolean":
      case "string":
        return v;
      case "number":
        return Number.isFinite(v) && !Object.is(v, -0)
          ? v
          : ["n", String(Object.is(v, -0) ? "-0" : v)];
      case "bigint":
        return ["i", v.toString()];
    }
    if (v === null) return null;
    if (seen.has(v)) return ["r", seen.get(v)];
    seen.set(v, seen.size);
    if (Array.isArray(v)) return ["a", v.length, ownEntries(v, enc)];
    if (ArrayBuffer.isView(v)) {
      const kind = Buffer.isBuffer(v) ? "Buffer" : tag(v);
      return [
        "t",
        kind,
        enc(v.buffer),
        v.byteOffset,
        kind === "DataView" ? v.byteLength : v.length,
      ];
    }
    switch (tag(v)) {
      case "ArrayBuffer":
        return ["B", Buffer.from(v).toString("base64")];
      case "Date":
        return ["d", enc(v.getTime())];
      case "RegExp":
        return ["x", v.source, v.flags];
      case "Map":
        return ["m", [...v].map(([k, x]) => [enc(k), enc(x)])];
      case "Set":
        return ["s", [...v].map(enc)];
      case "Number":
      case "String":
      case "Boolean":
      case "BigInt":
        return ["w", enc(v.valueOf())];
      case "Error": {
        const name = ERRORS.includes(v.name) ? v.name : "Error";
        const out = ["e", name, String(v.message), enc(v.stack)];
        if (Object.hasOwn(v, "cause")) out.push(enc(v.cause));
        return out;
      }
    }
    return ["o", ownEntries(v, enc)];
  };
  return enc(value);
}

function readTree(tree) {
  const refs = [];
  const dec = (t) => {
    if (!Array.isArray(t)) return t;
    const keep = (o) => (refs.push(o), o);
    switch (t[0]) {
      case "u":
        return undefined;
      case "n":
        return t[1] === "-0" ? -0 : Number(t[1]);
      case "i":
        return BigInt(t[1]);
      case "r":
        return refs[t[1]];
      case "a": {
        const a = keep(new Array(t[1]));
        for (const [k, x] of t[2]) a[k] = dec(x);
        return a;
      }
      case "o": {
        const o = keep({});
        for (const [k, x] of t[1]) o[k] = dec(x);
        return o;
      }
      case "B":
        return keep(Uint8Array.from(Buffer.from(t[1], "base64")).buffer);
      case "t": {
        const i = refs.push(undefined) - 1;
        const buffer = dec(t[2]);
        const Ctor =
          t[1] === "Buffer"
            ? null
            : t[1] === "DataView"
              ? DataView
              : globalThis[TYPED[TYPED.indexOf(t[1])]];
        if (t[1] !== "Buffer" && !Ctor) throw new Error("Unable to deserialize cloned data.");
        return (refs[i] = Ctor ? new Ctor(buffer, t[3], t[4]) : Buffer.from(buffer, t[3], t[4]));
      }
      case "d": {
        const i = refs.push(undefined) - 1;
        return (refs[i] = new Date(dec(t[1])));
      }
      case "x":
        return keep(new RegExp(t[1], t[2]));
      case "m": {
        const m = keep(new Map());
        for (const [k, x] of t[1]) m.set(dec(k), dec(x));
        return m;
      }
      case "s": {
        const s = keep(new Set());
        for (const x of t[1]) s.add(dec(x));
        return s;
      }
      case "w": {
        const i = refs.push(undefined) - 1;
        return (refs[i] = Object(dec(t[1])));
      }
      case "e": {
        const i = refs.push(undefined) - 1;
        const Ctor = globalThis[ERRORS.includes(t[1]) ? t[1] : "Error"];
        const e = new Ctor(t[2]);
        refs[i] = e;
        Object.defineProperty(e, "stack", { value: dec(t[3]), writable: true, configurable: true });
        if (t.length > 4)
          Object.defineProperty(e, "cause", {
            value: dec(t[4]),
            writable: true,
            configurable: true,
          });
        return e;
      }
    }
    throw new Error("Unable to deserialize cloned data.");
  };
  return dec(tree);
}

function serialize(value) {
  // What structuredClone refuses, V8's serializer refuses with a plain Error.
  try {
    structuredClone(value);
  } catch (e) {
    throw e instanceof DOMException && e.name === "DataCloneError" ? new Error(e.message) : e;
  }
  return Buffer.from(MAGIC + JSON.stringify(writeTree(value)), "utf8");
}

function deserialize(buffer) {
  if (!ArrayBuffer.isView(buffer))
    throw ERR_INVALID_ARG_TYPE("buffer", ["Buffer", "TypedArray", "DataView"], buffer);
  const text = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString("utf8");
  if (!text.startsWith(MAGIC))
    throw nodeError(
      Error,
      "ERR_JAUNT_UNSUPPORTED",
      "v8.deserialize: not data written by Jaunt's v8.serialize (V8's own format is not supported)",
    );
  return readTree(JSON.parse(text.slice(MAGIC.length)));
}

// ---- heap statistics ----------------------------------------------------------------

function getHeapStatistics() {
  const [used, limit] = heapStatistics();
  return {
    total_heap_size: used,
    total_heap_size_executable: 0,
    total_physical_size: used,
    total_available_size: limit > 0 ? Math.max(0, limit - used) : 0,
    used_heap_size: used,
    heap_size_limit: limit,
    malloced_memory: 0,
    peak_malloced_memory: 0,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: 0,
  };
}

module.exports = {
  serialize,
  deserialize,
  getHeapStatistics,
  getHeapSpaceStatistics: () => [],
  getHeapCodeStatistics: () => ({
    code_and_metadata_size: 0,
    bytecode_and_metadata_size: 0,
    external_script_source_size: 0,
    cpu_profiler_metadata_size: 0,
  }),
  cachedDataVersionTag: () => 0x4a41554e, // "JAUN": Jaunt's compiled code is its own
  setFlagsFromString: unsupported("setFlagsFromString"),
  getHeapSnapshot: unsupported("getHeapSnapshot"),
  writeHeapSnapshot: unsupported("writeHeapSnapshot"),
  takeCoverage: unsupported("takeCoverage"),
  stopCoverage: unsupported("stopCoverage"),
  setHeapSnapshotNearHeapLimit: unsupported("setHeapSnapshotNearHeapLimit"),
  Serializer: unsupported("Serializer"),
  Deserializer: unsupported("Deserializer"),
  DefaultSerializer: unsupported("DefaultSerializer"),
  DefaultDeserializer: unsupported("DefaultDeserializer"),
};
