// Built-ins whose work the host does: structuredClone, Buffer, TextEncoder/Decoder,
// atob/btoa, URL/URLSearchParams, Date, RegExp matching, JSON, typed arrays and
// DataView, timers' handles. What they return (and what they throw) must be guest
// objects: in particular no host Buffer/Uint8Array/URL/Date/RegExp/Map object, and no
// host ArrayBuffer shared with the host.

attempt("structuredClone of every cloneable kind", function () {
  var src = {
    m: new Map([[{ k: 1 }, new Set([1])]]),
    d: new Date(0),
    r: /x/gi,
    e: new RangeError("m", { cause: 1 }),
    u8: new Uint8Array([1, 2]),
    dv: new DataView(new ArrayBuffer(2)),
    big: 1n,
    arr: [1, , 3],
    boxed: [Object(1), Object("s"), Object(true), Object(1n)],
  };
  var c = structuredClone(src, { transfer: [] });
  for (var k of Object.keys(c)) exploit("clone." + k, c[k]);
  if (c.m.constructor !== Map || c.d.constructor !== Date || c.r.constructor !== RegExp)
    escaped("structuredClone", "foreign constructors");
  return Object.keys(c).join();
});
attempt("structuredClone with transfer of an ArrayBuffer", function () {
  var b = new ArrayBuffer(8);
  var c = structuredClone(b, { transfer: [b] });
  exploit("transferred", c);
  return [b.byteLength, c.byteLength, c.constructor === ArrayBuffer].join();
});
attempt("structuredClone of a proxy, getters and a class instance", function () {
  var out = [];
  try {
    out.push(structuredClone(new Proxy({}, {})));
  } catch (e) {
    out.push(e);
  }
  out.push(
    structuredClone({
      get g() {
        return Function;
      },
    }),
  );
  out.push(
    structuredClone(
      new (class K {
        constructor() {
          this.a = 1;
        }
      })(),
    ),
  );
  return out;
});
attempt("Buffer", function () {
  var b = Buffer.from("secret-free");
  var out = [
    b,
    Buffer.alloc(4),
    Buffer.allocUnsafe(16),
    Buffer.concat([b, b]),
    b.subarray(1),
    b.buffer,
    Buffer.from(b.buffer),
    b.toJSON(),
    Buffer.from([1, 2, 3]).toString("base64"),
  ];
  for (var v of out) exploit("Buffer result", v);
  // allocUnsafe must not hand out host memory that held anything.
  var u = Buffer.allocUnsafe(4096);
  for (var i = 0; i < u.length; i++)
    if (u[i] !== 0) {
      escaped("Buffer.allocUnsafe", "returned non-zeroed memory");
      break;
    }
  if (Object.getPrototypeOf(Object.getPrototypeOf(b)) !== Uint8Array.prototype)
    escaped("Buffer", "prototype chain does not reach the guest Uint8Array");
  return out.length;
});
attempt("TextEncoder/TextDecoder", function () {
  var e = new TextEncoder().encode("héllo");
  var into = new TextEncoder().encodeInto("abc", new Uint8Array(8));
  var d = new TextDecoder("utf-16le", { ignoreBOM: true }).decode(new Uint16Array([104, 105]));
  exploit("encode", e);
  exploit("encodeInto", into);
  if (e.constructor !== Uint8Array) escaped("TextEncoder", "foreign Uint8Array");
  return [
    d,
    new TextDecoder().encoding,
    new TextDecoder("latin1").decode(new Uint8Array([233])),
  ].join();
});
attempt("atob/btoa", function () {
  return [atob(btoa("\xff")), btoa(String.fromCharCode(0))].join();
});
attempt("URL and URLSearchParams", function () {
  var u = new URL("https://user:pw@example.com:8080/p/a?x=1&y=2#h");
  var out = [
    u,
    u.searchParams,
    u.origin,
    u.toJSON(),
    URL.canParse("x:"),
    new URLSearchParams({ a: "1" }),
    [...u.searchParams],
    new URL("file:///etc/passwd"),
  ];
  for (var v of out) exploit("URL result", v);
  if (u.searchParams.constructor !== URLSearchParams) escaped("URL", "searchParams is foreign");
  return u.href;
});
attempt("Date", function () {
  var d = new Date(2020, 0, 1);
  var out = [
    d.toString(),
    d.toLocaleString(),
    d.toLocaleDateString("de-DE", { weekday: "long" }),
    Date.parse("2020-01-01"),
    d.getTimezoneOffset(),
    d.toJSON(),
    new Date(d),
  ];
  for (var v of out) exploit("Date result", v);
  return out.length;
});
attempt("RegExp results and lastIndex", function () {
  var re = /(?<a>.)(.)/dg;
  var m = re.exec("abcd");
  var out = [
    m,
    m.groups,
    m.indices,
    m.indices.groups,
    "abcd".match(re),
    [..."abcd".matchAll(re)],
    "a-b".split(/-/),
    "abc".replace(/(b)/, "[$1]"),
  ];
  for (var v of out) exploit("RegExp result", v);
  if (m.constructor !== Array) escaped("RegExp exec", "result is not a guest array");
  return out.length;
});
attempt("legacy RegExp statics after host-side matching", function () {
  // V8 keeps RegExp.$1/lastMatch/input from the last match in the isolate, including
  // matches the host made; the guest's must not show a host string.
  "guest text".match(/(guest)/);
  return [RegExp.$1, RegExp.lastMatch, RegExp.input, RegExp["$_"], RegExp.leftContext].join("|");
});
attempt("typed arrays, DataView and ArrayBuffer", function () {
  var b = new ArrayBuffer(8, { maxByteLength: 16 });
  b.resize(12);
  var out = [
    b,
    b.slice(0),
    b.transfer(16),
    new Float16Array(2),
    new BigUint64Array(1),
    Uint8Array.from([1]),
    Uint8Array.of(1),
  ];
  for (var v of out) exploit("buffer result", v);
  return out.length;
});
attempt("timer handles", function () {
  var h = [
    setTimeout(function () {}, 1e9),
    setInterval(function () {}, 1e9),
    setImmediate(function () {}),
  ];
  for (var x of h) {
    exploit("timer handle", x);
    for (var k of Reflect.ownKeys(Object.getPrototypeOf(x) || {}))
      exploit("timer handle ." + String(k), x[k]);
  }
  clearTimeout(h[0]);
  clearInterval(h[1]);
  clearImmediate(h[2]);
  return h
    .map(function (x) {
      return typeof x;
    })
    .join();
});
attempt("JSON.rawJSON and JSON.isRawJSON", function () {
  return [typeof JSON.rawJSON, typeof JSON.isRawJSON].join();
});
attempt("Math and Number natives returning objects", function () {
  return [
    Math.random(),
    Number.parseFloat("1.5"),
    (1.5).toLocaleString("en", { style: "percent" }),
  ].join();
});
setTimeout(done, 0);
