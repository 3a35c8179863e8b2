// Snapshots a guest can influence: the runner runs every program again with the VM
// snapshotted, thrown away and resumed from the bytes (several times), and this one
// fills its heap with what could confuse a decoder that builds host objects from
// guest data: own "__proto__", "constructor" and "prototype" keys, strings that are
// CBOR or JSON encodings of objects, lone surrogates, NULs, symbols and functions
// named __proto__, Map keys and array extras. After the cuts the data must be exactly
// as it was, and the host's Object.prototype untouched (the runner checks that).

function cborish() {
  // A CBOR map {"__proto__": {"polluted": 1}}, as a string of byte-valued characters,
  // and the same wrapped in tag 27 (cbor-x's "generic object").
  var bytes = [0xa1, 0x69].concat(
    Array.from("__proto__", (c) => c.charCodeAt(0)),
    [0xa1, 0x68],
    Array.from("polluted", (c) => c.charCodeAt(0)),
    [0x01],
  );
  return [
    String.fromCharCode.apply(null, bytes),
    String.fromCharCode(0xd8, 0x1b) + String.fromCharCode.apply(null, bytes),
  ];
}
var made = {};
Object.defineProperty(made, "__proto__", {
  value: { polluted: "via own __proto__" },
  enumerable: true,
  writable: true,
  configurable: true,
});
made.constructor = { prototype: { polluted: "via constructor.prototype" } };
made.prototype = { polluted: "via prototype" };
made["__proto__ "] = 1;
made[""] = "empty key";
var json = JSON.parse(
  '{"__proto__": {"polluted": "json"}, "constructor": {"prototype": {"polluted": "json"}}}',
);
var computed = { ["__proto__"]: { polluted: "computed" } };
var nullProto = Object.create(null);
nullProto.__proto__ = { polluted: "null-proto" };
var strings = cborish().concat([
  '{"__proto__":{"polluted":1}}',
  "\uD800 lone \uDC00 surrogates",
  "nul\u0000inside",
  "JAUNT-SNAPSHOT",
  "\xd9\xd9\xf7",
]);
var sym = Symbol("__proto__");
var holder = {};
holder[sym] = { polluted: "symbol" };
function __proto__() {
  return "fn";
}
var map = new Map([
  ["__proto__", { polluted: "map" }],
  [sym, 1],
  [made, json],
]);
var arr = [1, 2, 3];
arr.__proto__x = 1;
Object.defineProperty(arr, "__proto__", { value: "array own __proto__", enumerable: true });
var state = {
  made: made,
  json: json,
  computed: computed,
  nullProto: nullProto,
  strings: strings,
  holder: holder,
  fn: __proto__,
  map: map,
  arr: arr,
};
globalThis.__snapshotState = state;

function fingerprint() {
  var s = state;
  return [
    Object.getPrototypeOf(s.made) === Object.prototype,
    Object.getOwnPropertyNames(s.made).join(),
    s.made.__proto__ === Object.prototype
      ? "inherited"
      : JSON.stringify(Object.getOwnPropertyDescriptor(s.made, "__proto__").value),
    Object.getPrototypeOf(s.json) === Object.prototype,
    Object.keys(s.json).join(),
    Object.keys(s.computed).join(),
    Object.getPrototypeOf(s.computed) === Object.prototype,
    Object.getPrototypeOf(s.nullProto),
    JSON.stringify(Object.getOwnPropertyDescriptor(s.nullProto, "__proto__").value),
    s.strings
      .map((x) => x.length + ":" + Array.from(x, (c) => c.charCodeAt(0)).join("."))
      .join("|"),
    s.holder[sym].polluted,
    s.fn.name + s.fn(),
    [...s.map.keys()].map(String).join(),
    s.map.get("__proto__").polluted,
    Object.getOwnPropertyNames(s.arr).join(),
    Object.getPrototypeOf(s.arr) === Array.prototype,
    {}.polluted,
  ].join("\n");
}
var before = fingerprint();
attempt("guest data with __proto__ keys", function () {
  return Object.keys(state).length;
});
// Enough work that the runner's cuts fall while all of this is alive.
var acc = 0;
for (var i = 0; i < 20000; i++) acc = (acc + i * 7) % 1000003;
attempt("work between the cuts", function () {
  return acc;
});
setTimeout(function () {
  var after = fingerprint();
  if (after !== before)
    escaped("snapshot", "guest data changed across the cuts:\n" + before + "\n---\n" + after);
  if ({}.polluted !== undefined) escaped("snapshot", "the guest's Object.prototype was polluted");
  attempt("data intact after the cuts", function () {
    return after === before;
  });
  done();
}, 0);
