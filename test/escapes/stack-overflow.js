// Stack overflow and out-of-memory style errors caught by the guest: deep guest
// recursion, recursion through natives (getters, toString, callbacks, proxies,
// JSON), and allocations too large for the host. Each must surface as a guest
// RangeError (or a guest error of another kind), never as a host error object and
// never as a host crash that the guest could observe half-way.

function checkRange(what, e) {
  exploit(what, e);
  if (!(e instanceof Error)) return escaped(what, "not a guest error: " + describe(e));
  if (e.constructor.constructor !== Function) escaped(what, "constructor.constructor is foreign");
  if (e.constructor(HOST_PAYLOAD).constructor !== e.constructor)
    escaped(what, "its constructor is not a guest error constructor");
}
function deep(what, fn) {
  var e = attempt(what, function () {
    try {
      fn();
    } catch (x) {
      return x;
    }
    return "no error";
  });
  if (e !== "no error") checkRange(what, e);
  return e;
}

deep("plain recursion", function () {
  (function r() {
    return r() + 1;
  })();
});
deep("recursion through a getter", function () {
  var o = {
    get x() {
      return this.x;
    },
  };
  return o.x;
});
deep("recursion through toString", function () {
  var o = {
    toString: function () {
      return String(this);
    },
  };
  return String(o);
});
deep("recursion through Array.prototype.map", function () {
  (function r() {
    return [1].map(r);
  })();
});
deep("recursion through a proxy trap", function () {
  var p = new Proxy(
    {},
    {
      get: function (t, k) {
        return p[k];
      },
    },
  );
  return p.x;
});
deep("recursion through JSON.stringify toJSON", function () {
  // Deep but finite: JSON.stringify keeps its nesting on the heap, so an endless
  // toJSON chain runs to the step budget rather than to a RangeError.
  var n = 0;
  var o = {
    toJSON: function () {
      return n++ < 300 ? { o: o } : 0;
    },
  };
  return JSON.stringify(o);
});
deep("recursion through Function.prototype.apply/bind", function () {
  var f = function () {
    return f.apply(null, arguments);
  };
  f.bind(null)();
});
deep("recursion through new and super", function () {
  class A {
    constructor() {
      new B();
    }
  }
  class B extends A {}
  new A();
});
deep("recursion in a generator", function () {
  function* g() {
    yield* g();
  }
  g().next();
});
deep("deeply nested JSON.parse", function () {
  JSON.parse("[".repeat(20000) + "]".repeat(20000));
});
deep("deeply nested array join", function () {
  var a = [];
  for (var i = 0; i < 20000; i++) a = [a];
  return a.join();
});
deep("deeply nested structuredClone", function () {
  var a = {};
  for (var i = 0; i < 20000; i++) a = { a: a };
  structuredClone(a);
});
deep("deeply nested console.log", function () {
  var a = {};
  for (var i = 0; i < 20000; i++) a = { a: a };
  console.log(a);
});
deep("huge string", function () {
  var s = "x";
  for (;;) s += s;
});
deep("huge array length", function () {
  new Array(2 ** 32);
});
deep("huge array via push", function () {
  var a = [];
  a.length = 2 ** 32 - 1;
  a.push(1, 2);
});
deep("huge typed array", function () {
  new Float64Array(2 ** 40);
});
deep("huge string padStart", function () {
  "x".padStart(2 ** 31);
});
deep("huge String.prototype.repeat", function () {
  "xy".repeat(2 ** 29);
});
deep("huge BigInt", function () {
  return 2n ** (2n ** 40n);
});
deep("stack overflow then continue", function () {
  var n = 0;
  function r() {
    n++;
    r();
  }
  try {
    r();
  } catch (e) {}
  // The VM must be in a sane state afterwards.
  if ([1, 2, 3].map((x) => x * 2).join() !== "2,4,6")
    escaped("after overflow", "the VM is corrupt");
  throw new RangeError("n=" + (n > 100));
});
done();
